import type { Locale, T } from '../../i18n';
import { formatBookingTime } from '../../bookings';
import type { PageDates } from '../../views/dates';
import { Place } from '../../views/place';
import type { PersonCard } from '../people';
import { toLocalInput } from '../../i18n/time';
import { BookingFields, type FormState, type FormValues } from './booking-forms';
import { LandingMessage, type Landing } from './landing';

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

type RowProps = {
  t: T;
  booking: Booking;
  failed?: FormState;
  locked: boolean;
  landing?: Landing;
};

/**
 * Reschedule (a <details>, which opens without JavaScript) and cancel, for a confirmed booking.
 * Cancelling is a link to a page that asks first. While processing is restricted (`locked`)
 * only cancelling is offered: it protects the person.
 */
function BookingActions(p: RowProps & { form: string }) {
  const { t, booking: b, form, failed } = p;
  return (
    <>
      {p.locked ? null : (
        <details open={!!failed}>
          <summary>{t('staff.booking.edit')}</summary>
          <form method="post" action={`/staff/bookings/${b.id}`}>
            <LandingMessage at={`form:${form}`} landing={p.landing} />
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
      <a
        class="button small danger"
        href={`/staff/users/${b.userId}/bookings/${b.id}/cancel`}
        aria-describedby={`${form}-cancel-hint`}
      >
        {t('staff.booking.cancel')}
      </a>
      <span class="visually-hidden" id={`${form}-cancel-hint`}>
        {t('staff.booking.cancelHint')}
      </span>
    </>
  );
}

/** "confirmed", and once it changed, when it last did: never the calendar's sequence number. */
function BookingStatus(p: { t: T; when: PageDates; booking: Booking }) {
  const { t, booking: b } = p;
  return (
    <>
      <span class={b.status === 'confirmed' ? 'badge ok' : 'badge'}>
        {t(`staff.status.${b.status}`)}
      </span>
      {b.status === 'confirmed' && b.sequence > 0 ? (
        <>
          {' '}
          <span class="meta">{t('staff.booking.changed', { date: p.when.date(b.updatedAt) })}</span>
        </>
      ) : null}
    </>
  );
}

function BookingRow(p: RowProps & { locale: Locale; when: PageDates }) {
  const { t, booking: b } = p;
  const form = `booking-${b.id}`;
  const failed = p.failed?.form === form ? p.failed : undefined;
  return (
    <tr id={form}>
      <td data-label={t('staff.col.when')}>
        {formatBookingTime(p.locale, b.startsAt, b.endsAt, b.timeZone)}
      </td>
      <td data-label={t('staff.col.lesson')}>{b.title}</td>
      <td data-label={t('staff.col.where')}>
        <Place location={b.location} />
      </td>
      <td data-label={t('staff.col.status')}>
        <BookingStatus t={t} when={p.when} booking={b} />
      </td>
      <td data-label={t('staff.col.actions')}>
        {b.status === 'confirmed' ? <BookingActions {...p} form={form} failed={failed} /> : '—'}
      </td>
    </tr>
  );
}

/**
 * The card's bookings, each confirmed one with an inline reschedule form and a cancel link;
 * on a phone each row is a stacked card (`stack-sm`), labelled cell by cell.
 */
export function BookingsTable(p: {
  t: T;
  locale: Locale;
  when: PageDates;
  bookings: PersonCard['bookings'];
  failed?: FormState;
  /** Processing is restricted: no reschedule forms, cancelling only. */
  locked: boolean;
  landing?: Landing;
}) {
  const { t } = p;
  return (
    <div class="table-wrap">
      <table class="stack-sm">
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
            <BookingRow
              t={t}
              locale={p.locale}
              when={p.when}
              booking={b}
              failed={p.failed}
              locked={p.locked}
              landing={p.landing}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
