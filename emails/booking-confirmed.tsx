import { translator, type T } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

/** What every booking mail says about the lesson, already formatted in the reader's locale. */
export type BookingMailData = {
  name: string;
  title: string;
  /** The time range in the booking's own zone, e.g. "Sunday, 29 March 2026, 10:00–11:00 GMT+3". */
  when: string;
  location: string | null;
  notes: string | null;
  url: string;
};

/** The lines describing the lesson, shared by the confirmation, update and cancellation. */
export function bookingLines(t: T, d: BookingMailData): string[] {
  return [
    t('mail.booking.what', { title: d.title }),
    t('mail.booking.when', { when: d.when }),
    ...(d.location ? [t('mail.booking.where', { location: d.location })] : []),
    ...(d.notes ? [t('mail.booking.notes', { notes: d.notes })] : []),
  ];
}

export function bookingConfirmedMail(ctx: MailContext, d: BookingMailData) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.booking.confirmed.subject', { title: d.title }),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [
      t('mail.booking.confirmed.body'),
      ...bookingLines(t, d),
      t('mail.booking.calendar'),
    ],
    action: { label: t('mail.booking.action'), url: d.url },
  });
}
