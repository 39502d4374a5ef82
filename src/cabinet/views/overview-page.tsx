import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { pageDates } from '../../views/dates';
import type { UserRow } from '../../core/users';
import { renderPage } from '../../views/layout';

export function overviewPage(
  c: Context<AppEnv>,
  d: { user: Omit<UserRow, 'passwordHash'>; sessionCount: number; lastSignIn: Date | null },
) {
  const locale = c.get('locale');
  const t = translator(locale);
  const when = pageDates(c);
  const u = d.user;
  const missing = [u.phone, u.videoHandle, u.goals].filter((v) => !v).length;
  return renderPage(
    c,
    { title: t('overview.title'), section: 'overview' },
    <>
      <h1>{t('overview.hello', { name: u.name })}</h1>
      <p class="lead">{t('overview.lead')}</p>
      <ul class="cards">
        <li class="card">
          <h2>{t('nav.profile')}</h2>
          <p>
            {missing
              ? t('overview.profile.missing', { count: missing })
              : t('overview.profile.complete')}
          </p>
          <a href="/account/profile">{t('overview.profile.link')}</a>
        </li>
        <li class="card">
          <h2>{t('nav.security')}</h2>
          <p>{t('overview.security.sessions', { count: d.sessionCount })}</p>
          {d.lastSignIn ? (
            <p class="meta">{t('overview.security.last', { when: when.dateTime(d.lastSignIn) })}</p>
          ) : null}
          <a href="/account/security">{t('overview.security.link')}</a>
        </li>
        <li class="card">
          <h2>{t('nav.bookings')}</h2>
          <p>{t('overview.bookings.body')}</p>
          <a href="/account/bookings">{t('overview.bookings.link')}</a>
        </li>
        <li class="card">
          <h2>{t('nav.privacy')}</h2>
          <p>{t('overview.privacy.body')}</p>
          <a href="/account/privacy">{t('overview.privacy.link')}</a>
        </li>
        <li class="card">
          <h2>{t('nav.subscriptions')}</h2>
          <p>{t('overview.subscriptions.body')}</p>
          <a href="/account/subscriptions">{t('overview.subscriptions.link')}</a>
        </li>
      </ul>
      <dl class="facts">
        <dt>{t('profile.email')}</dt>
        <dd>
          {u.email}{' '}
          {u.emailVerifiedAt ? <span class="badge ok">{t('overview.verified')}</span> : null}
        </dd>
        <dt>{t('overview.memberSince')}</dt>
        <dd>{when.dateTime(u.createdAt)}</dd>
      </dl>
    </>,
  );
}
