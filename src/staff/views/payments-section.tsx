import type { Locale, T } from '../../i18n';
import { formatMoney, formatPaidAt } from '../../bookings';
import type { PersonCard } from '../people';
import { PaymentForm, type FormState } from './booking-forms';
import { LandingMessage, type Landing } from './landing';

function PaymentsTable(p: { t: T; locale: Locale; payments: PersonCard['payments'] }) {
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

/**
 * The payments recorded so far (stacked cards on a phone), and the form that records one
 * (dated today unless re-shown); while processing is restricted, the reason there is no form.
 */
export function PaymentsSection(p: {
  t: T;
  locale: Locale;
  card: PersonCard;
  failed?: FormState;
  today: string;
  locked: boolean;
  landing?: Landing;
}) {
  const { t, locale, card } = p;
  return (
    <section class="card" aria-labelledby="payments-h" id="payments">
      <h2 id="payments-h">{t('staff.card.payments')}</h2>
      <LandingMessage at="section:payments" landing={p.landing} />
      {card.payments.length === 0 ? (
        <p>{t('staff.card.noPayments')}</p>
      ) : (
        <PaymentsTable t={t} locale={locale} payments={card.payments} />
      )}
      <h3 id="payment-h">{t('staff.payment.new')}</h3>
      {p.locked ? (
        <p class="meta">{t('staff.restricted.locked')}</p>
      ) : (
        <PaymentForm
          t={t}
          locale={locale}
          userId={card.user.id}
          bookings={card.bookings.filter((b) => b.status === 'confirmed')}
          values={p.failed?.values ?? { paidAt: p.today }}
          errors={p.failed?.errors ?? {}}
          landing={p.landing}
        />
      )}
    </section>
  );
}
