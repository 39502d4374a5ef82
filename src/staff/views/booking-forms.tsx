import type { T } from '../../i18n';
import { formatBookingTime } from '../../bookings';
import type { Locale } from '../../i18n';
import { StaffField } from './staff-field';

export type FormValues = Record<string, string | undefined>;
export type FormErrors = Record<string, string | undefined>;
/** Which form on the card a failed submission came from, so it is shown open with its errors. */
export type FormState = { form: string; values: FormValues; errors: FormErrors };

/** The lesson fields, shared by "book" and "reschedule"; times are wall-clock in the chosen zone. */
export function BookingFields(p: { t: T; form: string; values: FormValues; errors: FormErrors }) {
  const { t, form, values: v, errors: e } = p;
  return (
    <>
      <StaffField
        form={form}
        name="title"
        label={t('staff.field.title')}
        value={v.title}
        error={e.title}
        required
        maxlength={200}
      />
      <StaffField
        form={form}
        name="startsAt"
        type="datetime-local"
        label={t('staff.field.startsAt')}
        hint={t('staff.field.times.hint')}
        value={v.startsAt}
        error={e.startsAt}
        required
      />
      <StaffField
        form={form}
        name="endsAt"
        type="datetime-local"
        label={t('staff.field.endsAt')}
        value={v.endsAt}
        error={e.endsAt}
        required
      />
      <StaffField
        form={form}
        name="timeZone"
        label={t('staff.field.timeZone')}
        hint={t('staff.field.timeZone.hint')}
        value={v.timeZone}
        error={e.timeZone}
        required
        maxlength={64}
        list="time-zones"
      />
      <StaffField
        form={form}
        name="location"
        label={t('staff.field.location')}
        value={v.location}
        error={e.location}
        maxlength={300}
      />
      <StaffField
        form={form}
        name="notes"
        label={t('staff.field.notes')}
        hint={t('staff.field.notes.hint')}
        value={v.notes}
        error={e.notes}
        maxlength={2000}
        textarea
      />
    </>
  );
}

export function NewBookingForm(p: {
  t: T;
  userId: string;
  values: FormValues;
  errors: FormErrors;
}) {
  return (
    <form method="post" action={`/staff/users/${p.userId}/bookings`}>
      {p.errors._ ? <p class="field-error">{p.errors._}</p> : null}
      <BookingFields t={p.t} form="new-booking" values={p.values} errors={p.errors} />
      <div class="form-actions">
        <button type="submit" class="button">
          {p.t('staff.booking.create')}
        </button>
      </div>
    </form>
  );
}

type BookingOption = { id: string; title: string; startsAt: Date; endsAt: Date; timeZone: string };

export function PaymentForm(p: {
  t: T;
  locale: Locale;
  userId: string;
  bookings: BookingOption[];
  values: FormValues;
  errors: FormErrors;
}) {
  const { t, values: v, errors: e } = p;
  const form = 'payment';
  return (
    <form method="post" action={`/staff/users/${p.userId}/payments`}>
      <p class="hint">{t('staff.payment.noCard')}</p>
      <StaffField
        form={form}
        name="amount"
        label={t('staff.field.amount')}
        hint={t('staff.field.amount.hint')}
        value={v.amount}
        error={e.amount}
        required
        maxlength={16}
        inputmode="decimal"
      />
      <StaffField
        form={form}
        name="currency"
        label={t('staff.field.currency')}
        hint={t('staff.field.currency.hint')}
        value={v.currency ?? 'UAH'}
        error={e.currency}
        required
        maxlength={3}
      />
      <StaffField
        form={form}
        name="description"
        label={t('staff.field.description')}
        value={v.description}
        error={e.description}
        required
        maxlength={500}
      />
      <StaffField
        form={form}
        name="paidAt"
        type="date"
        label={t('staff.field.paidAt')}
        value={v.paidAt}
        error={e.paidAt}
        required
      />
      <div class={e.bookingId ? 'field has-error' : 'field'}>
        <label for="payment-bookingId">{t('staff.field.booking')}</label>
        <select
          id="payment-bookingId"
          name="bookingId"
          aria-describedby={e.bookingId ? 'payment-bookingId-error' : undefined}
        >
          <option value="">{t('staff.field.booking.none')}</option>
          {p.bookings.map((b) => (
            <option value={b.id} selected={v.bookingId === b.id}>
              {`${b.title} · ${formatBookingTime(p.locale, b.startsAt, b.endsAt, b.timeZone)}`}
            </option>
          ))}
        </select>
        {e.bookingId ? (
          <p class="field-error" id="payment-bookingId-error">
            {e.bookingId}
          </p>
        ) : null}
      </div>
      <div class="form-actions">
        <button type="submit" class="button">
          {t('staff.payment.submit')}
        </button>
      </div>
    </form>
  );
}
