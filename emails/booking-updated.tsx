import { translator } from '../src/i18n';
import { bookingLines, type BookingMailData } from './booking-confirmed';
import { renderSimpleMessage, type MailContext } from './layout';

export function bookingUpdatedMail(ctx: MailContext, d: BookingMailData) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.booking.updated.subject', { title: d.title }),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [
      t('mail.booking.updated.body'),
      ...bookingLines(t, d),
      t('mail.booking.calendarUpdate'),
    ],
    action: { label: t('mail.booking.action'), url: d.url },
  });
}
