import type { T } from '../../i18n';
import { formatBookingTime } from '../../bookings';
import type { Locale } from '../../i18n';
import { StaffField } from './staff-field';
import { LandingMessage, type Landing } from './landing';
import type { FormErrors, FormValues } from './form-state';

export type { FormErrors, FormState, FormValues } from './form-state';

type FieldsProps = { t: T; form: string; values: FormValues; errors: FormErrors };

/** When the lesson is: wall-clock start and end, read in the zone typed after them. */
function LessonTimeFields(p: FieldsProps) {
  const { t, form, values: v, errors: e } = p;
  return (
    <>
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
    </>
  );
}

/** The lesson fields, shared by "book" and "reschedule"; times are wall-clock in the chosen zone. */
export function BookingFields(p: FieldsProps) {
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
      <LessonTimeFields t={t} form={form} values={v} errors={e} />
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
  landing?: Landing;
}) {
  return (
    <form method="post" action={`/staff/users/${p.userId}/bookings`}>
      <LandingMessage at="form:new-booking" landing={p.landing} />
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

/** Which of the student's confirmed lessons the payment is for, if any. */
function PaidForBookingField(p: {
  t: T;
  locale: Locale;
  bookings: BookingOption[];
  value?: string;
  error?: string;
}) {
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for="payment-bookingId">{p.t('staff.field.booking')}</label>
      <select
        id="payment-bookingId"
        name="bookingId"
        aria-describedby={p.error ? 'payment-bookingId-error' : undefined}
      >
        <option value="">{p.t('staff.field.booking.none')}</option>
        {p.bookings.map((b) => (
          <option value={b.id} selected={p.value === b.id}>
            {`${b.title} · ${formatBookingTime(p.locale, b.startsAt, b.endsAt, b.timeZone)}`}
          </option>
        ))}
      </select>
      {p.error ? (
        <p class="field-error" id="payment-bookingId-error">
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

/** How much, in which currency: UAH unless staff type another. */
function AmountFields(p: { t: T; values: FormValues; errors: FormErrors }) {
  const { t, values: v, errors: e } = p;
  return (
    <>
      <StaffField
        form="payment"
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
        form="payment"
        name="currency"
        label={t('staff.field.currency')}
        hint={t('staff.field.currency.hint')}
        value={v.currency ?? 'UAH'}
        error={e.currency}
        required
        maxlength={3}
      />
    </>
  );
}

export function PaymentForm(p: {
  t: T;
  locale: Locale;
  userId: string;
  bookings: BookingOption[];
  values: FormValues;
  errors: FormErrors;
  landing?: Landing;
}) {
  const { t, values: v, errors: e } = p;
  const form = 'payment';
  return (
    <form method="post" action={`/staff/users/${p.userId}/payments`}>
      <LandingMessage at="form:payment" landing={p.landing} />
      <p class="hint">{t('staff.payment.noCard')}</p>
      <AmountFields t={t} values={v} errors={e} />
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
      <PaidForBookingField
        t={t}
        locale={p.locale}
        bookings={p.bookings}
        value={v.bookingId}
        error={e.bookingId}
      />
      <div class="form-actions">
        <button type="submit" class="button">
          {t('staff.payment.submit')}
        </button>
      </div>
    </form>
  );
}
