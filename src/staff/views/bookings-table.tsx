import type { Locale, T } from '../../i18n';
import { formatBookingTime } from '../../bookings';
import type { PersonCard } from '../people';
import { toLocalInput } from '../../i18n/time';
import { BookingFields, type FormState, type FormValues } from './booking-forms';

type Booking = PersonCard['bookings'][number];

/** The booking as the reschedule form starts: wall-clock times in the booking's own zone. */
const currentValues = (b: Booking): FormValues => ({
  title: b.title,
  startsAt: toLocalInput(b.startsAt, b.timeZone),
  endsAt: toLocalInput(b.endsAt, b.timeZone),
  timeZone: b.timeZone,
  location: b.location ?? '',
  notes: b.notes ?? '',
});

/**
 * Reschedule (a <details>, which opens without JavaScript) and cancel, for a confirmed booking.
 * While processing is restricted (`locked`) only cancelling is offered: it protects the person.
 */
function BookingActions(p: {
  t: T;
  booking: Booking;
  form: string;
  failed?: FormState;
  locked: boolean;
}) {
  const { t, booking: b, form, failed } = p;
  return (
    <>
      {p.locked ? null : (
        <details open={!!failed}>
          <summary>{t('staff.booking.edit')}</summary>
          <form method="post" action={`/staff/bookings/${b.id}`}>
            <BookingFields
              t={t}
              form={form}
              values={failed?.values ?? currentValues(b)}
              errors={failed?.errors ?? {}}
            />
            <div class="form-actions">
              <button type="submit" class="button small">
                {t('staff.booking.save')}
              </button>
            </div>
          </form>
        </details>
      )}
      <form method="post" action={`/staff/bookings/${b.id}/cancel`} class="inline-form">
        <button type="submit" class="button small danger" aria-describedby={`${form}-cancel-hint`}>
          {t('staff.booking.cancel')}
        </button>
        <span class="visually-hidden" id={`${form}-cancel-hint`}>
          {t('staff.booking.cancelHint')}
        </span>
      </form>
    </>
  );
}

function BookingRow(p: {
  t: T;
  locale: Locale;
  booking: Booking;
  failed?: FormState;
  locked: boolean;
}) {
  const { t, booking: b } = p;
  const form = `booking-${b.id}`;
  const failed = p.failed?.form === form ? p.failed : undefined;
  return (
    <tr id={form}>
      <td>{formatBookingTime(p.locale, b.startsAt, b.endsAt, b.timeZone)}</td>
      <td>{b.title}</td>
      <td>{b.location ?? '—'}</td>
      <td>
        <span class={b.status === 'confirmed' ? 'badge ok' : 'badge'}>
          {t(`staff.status.${b.status}`)}
        </span>{' '}
        <span class="meta">{t('staff.booking.sequence', { sequence: b.sequence })}</span>
      </td>
      <td>
        {b.status === 'confirmed' ? (
          <BookingActions t={t} booking={b} form={form} failed={failed} locked={p.locked} />
        ) : null}
      </td>
    </tr>
  );
}

/** The card's bookings, each confirmed one with an inline reschedule form and a cancel button. */
export function BookingsTable(p: {
  t: T;
  locale: Locale;
  bookings: PersonCard['bookings'];
  failed?: FormState;
  /** Processing is restricted: no reschedule forms, cancelling only. */
  locked: boolean;
}) {
  const { t } = p;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('staff.col.when')}</th>
            <th scope="col">{t('staff.col.lesson')}</th>
            <th scope="col">{t('staff.col.where')}</th>
            <th scope="col">{t('staff.col.status')}</th>
            <th scope="col">{t('staff.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {p.bookings.map((b) => (
            <BookingRow t={t} locale={p.locale} booking={b} failed={p.failed} locked={p.locked} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
