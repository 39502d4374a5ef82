import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type MessageKey } from '../../i18n';
import { pageDates } from '../../views/dates';
import { Notice } from '../../views/components';
import { formatMoney, formatPaidAt } from '../../bookings';
import type { PersonCard } from '../people';
import { TimeZoneList } from '../../views/time-zone-list';
import { NewBookingForm, PaymentForm, type FormState } from './booking-forms';
import { BookingsTable } from './bookings-table';
import { PersonBadges } from './person-badges';
import { renderStaffPage } from '../../views/staff-frame';

export type CardState = {
  card: PersonCard;
  notice?: string;
  /** A submission that failed, re-shown with its values and errors. */
  failed?: FormState;
  status?: 200 | 400 | 409;
};

const defaultZone = 'Europe/Kyiv';

/** /staff/users/:id: everything about one person, with the forms staff act through. */
export function personCardPage(c: Context<AppEnv>, s: CardState) {
  const locale = c.get('locale');
  const when = pageDates(c);
  const t = translator(locale);
  const { user, bookings, payments, subscriptions } = s.card;
  const formState = (form: string) => (s.failed?.form === form ? s.failed : undefined);
  const lastZone = bookings[0]?.timeZone ?? defaultZone;
  return renderStaffPage(
    c,
    { title: user.name, section: 'search', status: s.status },
    <>
      <p>
        <a href="/staff">{t('staff.card.back')}</a>
      </p>
      <h1>
        {user.name} <PersonBadges t={t} person={user} />
      </h1>
      <p class="meta">{t('staff.card.notice', { name: user.name })}</p>
      {user.processingRestrictedAt ? (
        <div class="notice notice-error restriction-banner" role="alert">
          <p>{t('staff.restricted.title')}</p>
          <p>{t('staff.restricted.body', { date: when.date(user.processingRestrictedAt) })}</p>
          {user.processingRestrictionReason ? (
            <p>{t('staff.restricted.reason', { reason: user.processingRestrictionReason })}</p>
          ) : null}
        </div>
      ) : null}
      {user.deletionScheduledFor ? (
        <Notice kind="info">
          {t('staff.deletion.body', { date: when.date(user.deletionScheduledFor) })}
        </Notice>
      ) : null}
      {s.notice ? <Notice kind="success">{s.notice}</Notice> : null}
      {s.failed ? <Notice kind="error">{t('form.fixErrors')}</Notice> : null}

      <section class="card" aria-labelledby="profile-h">
        <h2 id="profile-h">{t('staff.card.profile')}</h2>
        <dl class="facts">
          <dt>{t('staff.field.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('staff.field.phone')}</dt>
          <dd>{user.phone ?? '—'}</dd>
          <dt>{t('staff.field.videoHandle')}</dt>
          <dd>{user.videoHandle ?? '—'}</dd>
          <dt>{t('staff.field.goals')}</dt>
          <dd>{user.goals ?? '—'}</dd>
          <dt>{t('staff.field.locale')}</dt>
          <dd>{user.locale === 'uk' ? 'Українська' : 'English'}</dd>
          <dt>{t('staff.col.role')}</dt>
          <dd>{t(`staff.role.${user.role}` as MessageKey)}</dd>
          <dt>{t('staff.field.created')}</dt>
          <dd>{when.date(user.createdAt)}</dd>
        </dl>
      </section>

      <TimeZoneList />
      <section class="card" aria-labelledby="bookings-h" id="bookings">
        <h2 id="bookings-h">{t('staff.card.bookings')}</h2>
        {bookings.length === 0 ? (
          <p>{t('staff.card.noBookings')}</p>
        ) : (
          <BookingsTable t={t} locale={locale} bookings={bookings} failed={s.failed} />
        )}
      </section>

      <section class="card" aria-labelledby="new-booking-h" id="new-booking">
        <h2 id="new-booking-h">{t('staff.booking.new')}</h2>
        <NewBookingForm
          t={t}
          userId={user.id}
          values={formState('new-booking')?.values ?? { timeZone: lastZone }}
          errors={formState('new-booking')?.errors ?? {}}
        />
      </section>

      <section class="card" aria-labelledby="payments-h" id="payments">
        <h2 id="payments-h">{t('staff.card.payments')}</h2>
        {payments.length === 0 ? (
          <p>{t('staff.card.noPayments')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('staff.col.paidOn')}</th>
                  <th scope="col">{t('staff.col.amount')}</th>
                  <th scope="col">{t('staff.col.for')}</th>
                </tr>
              </thead>
              <tbody>
                {payments.map((p) => (
                  <tr>
                    <td>{formatPaidAt(locale, p.paidAt)}</td>
                    <td>{formatMoney(locale, p.amount, p.currency)}</td>
                    <td>{p.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3 id="payment-h">{t('staff.payment.new')}</h3>
        <PaymentForm
          t={t}
          locale={locale}
          userId={user.id}
          bookings={bookings.filter((b) => b.status === 'confirmed')}
          values={
            formState('payment')?.values ?? {
              paidAt: c.get('deps').clock.now().toISOString().slice(0, 10),
            }
          }
          errors={formState('payment')?.errors ?? {}}
        />
      </section>

      <section class="card" aria-labelledby="subscriptions-h">
        <h2 id="subscriptions-h">{t('staff.card.subscriptions')}</h2>
        {subscriptions.length === 0 ? (
          <p>{t('staff.card.noSubscriptions')}</p>
        ) : (
          <ul>
            {subscriptions.map((x) => (
              <li>
                {x.names[locale] ?? x.names.en ?? x.list}:{' '}
                {t(`staff.subscription.${x.status}` as MessageKey)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>,
  );
}
