import { isLocale, languageNames, type Locale, type MessageKey, type T } from '../../i18n';
import type { pageDates } from '../../views/dates';
import type { PersonCard } from '../people';

type Dates = ReturnType<typeof pageDates>;

/** The profile as the person filled it in, and their account's basics. */
export function ProfileSection(p: { t: T; when: Dates; user: PersonCard['user'] }) {
  const { t, when, user } = p;
  return (
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
        <dd>
          {isLocale(user.locale) ? (
            <span lang={user.locale}>{languageNames[user.locale]}</span>
          ) : (
            user.locale
          )}
        </dd>
        <dt>{t('staff.col.role')}</dt>
        <dd>{t(`staff.role.${user.role}` as MessageKey)}</dd>
        <dt>{t('staff.field.created')}</dt>
        <dd>{when.date(user.createdAt)}</dd>
      </dl>
    </section>
  );
}

export function SubscriptionsSection(p: {
  t: T;
  locale: Locale;
  subscriptions: PersonCard['subscriptions'];
}) {
  const { t, locale } = p;
  return (
    <section class="card" aria-labelledby="subscriptions-h">
      <h2 id="subscriptions-h">{t('staff.card.subscriptions')}</h2>
      {p.subscriptions.length === 0 ? (
        <p>{t('staff.card.noSubscriptions')}</p>
      ) : (
        <ul>
          {p.subscriptions.map((x) => (
            <li>
              {x.names[locale] ?? x.names.en ?? x.list}:{' '}
              {t(`staff.subscription.${x.status}` as MessageKey)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
