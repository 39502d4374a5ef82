import { translator, type T } from '../src/i18n';
import { bookingLines, type BookingMailData } from './booking-confirmed';
import { renderSimpleMessage, type MailContext } from './layout';

/** One thing an update changed, already formatted in the reader's locale; null is "none". */
export type BookingChange = {
  field: 'when' | 'title' | 'location';
  from: string | null;
  to: string | null;
};

export type BookingUpdatedData = BookingMailData & {
  /** What changed, old → new; absent or empty when nothing the student sees changed. */
  changes?: BookingChange[];
  notesChanged?: boolean;
};

/** "What changed:" and one line per change, then a line when the notes changed. */
function changeLines(t: T, d: BookingUpdatedData): string[] {
  const changes = d.changes ?? [];
  const lines = changes.map((c) =>
    t(`mail.booking.change.${c.field}`, {
      from: c.from ?? t('mail.booking.change.none'),
      to: c.to ?? t('mail.booking.change.none'),
    }),
  );
  if (d.notesChanged) lines.push(t('mail.booking.change.notes'));
  return lines.length ? [t('mail.booking.changes'), ...lines] : [];
}

export function bookingUpdatedMail(ctx: MailContext, d: BookingUpdatedData) {
  const t = translator(ctx.locale);
  const changed = changeLines(t, d);
  return renderSimpleMessage(ctx, {
    subject: t('mail.booking.updated.subject', { title: d.title }),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [
      t('mail.booking.updated.body'),
      ...changed,
      ...(changed.length ? [t('mail.booking.now')] : []),
      ...bookingLines(t, d),
      t('mail.booking.calendarUpdate'),
    ],
    action: { label: t('mail.booking.action'), url: d.url },
  });
}
