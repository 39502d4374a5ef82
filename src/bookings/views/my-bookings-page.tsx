import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type Locale, type T } from '../../i18n';
import { renderPage } from '../../views/layout';
import type { BookingRow } from '../booking-mail';
import { formatBookingTime, formatMoney, formatPaidAt } from '../format';
import type { PaymentRow } from '../payments-service';
import { Place } from '../../views/place';

/** /account/bookings: the student's lessons (in each lesson's own zone) and recorded payments. */
export function myBookingsPage(
  c: Context<AppEnv>,
  d: { bookings: BookingRow[]; payments: PaymentRow[]; now: Date },
) {
  const locale = c.get('locale');
  const t = translator(locale);
  const upcoming = d.bookings.filter((b) => b.status === 'confirmed' && b.endsAt > d.now);
  const past = d.bookings.filter((b) => !upcoming.includes(b)).reverse();
  return renderPage(
    c,
    { title: t('bookings.title'), section: 'bookings' },
    <>
      <h1>{t('bookings.title')}</h1>
      <p class="lead">{t('bookings.lead')}</p>
      <section class="card" aria-labelledby="upcoming-h">
        <h2 id="upcoming-h">{t('bookings.upcoming')}</h2>
        {upcoming.length ? (
          <BookingList t={t} locale={locale} bookings={upcoming} />
        ) : (
          <p>{t('bookings.none')}</p>
        )}
      </section>
      {past.length ? (
        <section class="card" aria-labelledby="past-h">
          <h2 id="past-h">{t('bookings.past')}</h2>
          <BookingList t={t} locale={locale} bookings={past} />
        </section>
      ) : null}
      <section class="card" aria-labelledby="payments-h">
        <h2 id="payments-h">{t('bookings.payments')}</h2>
        <p class="meta">{t('bookings.paymentsNote')}</p>
        {d.payments.length ? (
          <PaymentList t={t} locale={locale} payments={d.payments} />
        ) : (
          <p>{t('bookings.noPayments')}</p>
        )}
      </section>
    </>,
  );
}

function BookingList(p: { t: T; locale: Locale; bookings: BookingRow[] }) {
  const { t, locale } = p;
  return (
    <div class="table-wrap">
      <table class="stack-sm">
        <thead>
          <tr>
            <th scope="col">{t('staff.col.when')}</th>
            <th scope="col">{t('staff.col.lesson')}</th>
            <th scope="col">{t('staff.col.where')}</th>
            <th scope="col">{t('staff.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {p.bookings.map((b) => (
            <tr>
              <td data-label={t('staff.col.when')}>
                <time datetime={b.startsAt.toISOString()}>
                  {formatBookingTime(locale, b.startsAt, b.endsAt, b.timeZone)}
                </time>
              </td>
              <td data-label={t('staff.col.lesson')}>
                {b.title}
                {b.notes ? <p class="meta">{b.notes}</p> : null}
              </td>
              <td data-label={t('staff.col.where')}>
                <Place location={b.location} />
              </td>
              <td data-label={t('staff.col.status')}>
                <span class={b.status === 'confirmed' ? 'badge ok' : 'badge'}>
                  {t(`staff.status.${b.status}`)}
                </span>{' '}
                {b.status === 'confirmed' ? (
                  <a href={`/api/v1/me/bookings/${b.id}/calendar`}>{t('bookings.calendar')}</a>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PaymentList(p: { t: T; locale: Locale; payments: PaymentRow[] }) {
  const { t, locale } = p;
  return (
    <div class="table-wrap">
      <table class="stack-sm">
        <thead>
          <tr>
            <th scope="col">{t('staff.col.paidOn')}</th>
            <th scope="col">{t('staff.col.amount')}</th>
            <th scope="col">{t('staff.col.for')}</th>
          </tr>
        </thead>
        <tbody>
          {p.payments.map((x) => (
            <tr>
              <td data-label={t('staff.col.paidOn')}>{formatPaidAt(locale, x.paidAt)}</td>
              <td data-label={t('staff.col.amount')} class="num">
                {formatMoney(locale, x.amount, x.currency)}
              </td>
              <td data-label={t('staff.col.for')}>{x.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
