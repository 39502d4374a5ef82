import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { formatBookingTime, type BookingRow } from '../../bookings';
import { pageTimeZone } from '../../views/dates';
import { renderStaffPage } from '../../views/staff-frame';

/**
 * "Cancel this booking?": the lesson, its time in the staff member's own zone (and in the
 * lesson's, when that differs) and the student, then the one form that cancels and a way
 * back to the card that changes nothing. Works without JavaScript.
 */
export function cancelBookingPage(
  c: Context<AppEnv>,
  d: { booking: BookingRow; studentName: string },
) {
  const locale = c.get('locale');
  const t = translator(locale);
  const { booking: b, studentName: name } = d;
  const zone = pageTimeZone(c);
  const yours = formatBookingTime(locale, b.startsAt, b.endsAt, zone);
  const theirs = formatBookingTime(locale, b.startsAt, b.endsAt, b.timeZone);
  const card = `/staff/users/${b.userId}`;
  return renderStaffPage(
    c,
    { title: t('staff.cancel.title'), section: 'search' },
    <>
      <p>
        <a href={card}>{name}</a>
      </p>
      <h1>{t('staff.cancel.title')}</h1>
      <dl class="facts">
        <dt>{t('staff.col.lesson')}</dt>
        <dd>{b.title}</dd>
        <dt>{t('staff.cancel.when', { zone })}</dt>
        <dd>
          <time datetime={b.startsAt.toISOString()}>{yours}</time>
        </dd>
        {theirs === yours ? null : (
          <>
            <dt>{t('staff.cancel.lessonZone')}</dt>
            <dd>{theirs}</dd>
          </>
        )}
        <dt>{t('staff.cancel.student')}</dt>
        <dd>{name}</dd>
      </dl>
      <p>{t('staff.cancel.lead', { name })}</p>
      <form method="post" action={`/staff/bookings/${b.id}/cancel`}>
        <input type="hidden" name="confirm" value="yes" />
        <div class="form-actions">
          <button type="submit" class="button danger">
            {t('staff.cancel.confirm', { name })}
          </button>
          <a class="button secondary" href={`${card}#booking-${b.id}`}>
            {t('staff.cancel.keep')}
          </a>
        </div>
      </form>
    </>,
  );
}
