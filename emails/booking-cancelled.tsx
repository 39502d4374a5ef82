import { translator } from '../src/i18n';
import { bookingLines, type BookingMailData } from './booking-confirmed';
import { renderSimpleMessage, type MailContext } from './layout';

export function bookingCancelledMail(ctx: MailContext, d: BookingMailData) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.booking.cancelled.subject', { title: d.title }),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [
      t('mail.booking.cancelled.body'),
      ...bookingLines(t, { ...d, notes: null }),
      t('mail.booking.calendarCancel'),
    ],
    action: { label: t('mail.booking.action'), url: d.url },
  });
}
