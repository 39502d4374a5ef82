import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type Locale, type T } from '../../i18n';
import { pageDates, type PageDates } from '../../views/dates';
import type { UserRow } from '../../core/users';
import type { SuppressionReason } from '../../../db/schema';
import { renderPage } from '../../views/layout';
import { Notice } from '../../views/components';
import { MailBounceBanner } from './mail-bounce-banner';

type Person = Omit<UserRow, 'passwordHash'>;
type Summary = {
  sessionCount: number;
  lastSignIn: Date | null;
  deletionCancelledBySignIn?: boolean;
  mailSuppressed?: SuppressionReason | null;
};

/**
 * "Your browser is set to Europe/Kyiv: show times in that zone?", while the account has no
 * zone of its own. Hidden until /assets/browser-time-zone.js fills in the browser's zone, so
 * without JavaScript (or in a UTC browser) nothing is shown.
 */
function TimeZoneOffer({ t }: { t: T }) {
  return (
    <form method="post" action="/account/time-zone" id="time-zone-offer" class="notice" hidden>
      <p data-label={t('overview.timeZone.offer')}></p>
      <input type="hidden" name="timeZone" value="" data-browser-time-zone="" />
      <div class="actions">
        <button type="submit" class="button small">
          {t('overview.timeZone.use')}
        </button>
        <button type="submit" name="keep" value="utc" class="button small secondary">
          {t('overview.timeZone.keep')}
        </button>
      </div>
    </form>
  );
}

/** A card per cabinet section, each with one line of what is there and a link to it. */
function OverviewCards(p: { t: T; locale: Locale; when: PageDates; user: Person } & Summary) {
  const { t, user: u } = p;
  const missing = [u.phone, u.videoHandle, u.goals].filter((v) => !v).length;
  return (
    <ul class="cards">
      <li class="card">
        <h2>{t('nav.profile')}</h2>
        <p>
          {missing ? t.plural('overview.profile.missing', missing) : t('overview.profile.complete')}
        </p>
        <a href="/account/profile">{t('overview.profile.link')}</a>
      </li>
      <li class="card">
        <h2>{t('nav.security')}</h2>
        <p>{t.plural('overview.security.sessions', p.sessionCount)}</p>
        {p.lastSignIn ? (
          <p class="meta">{t('overview.security.last', { when: p.when.dateTime(p.lastSignIn) })}</p>
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
  );
}

export function overviewPage(
  c: Context<AppEnv>,
  d: { user: Person; timeZoneSet?: boolean } & Summary,
) {
  const locale = c.get('locale');
  const t = translator(locale);
  const when = pageDates(c);
  const u = d.user;
  // Never chosen: an explicit UTC ("Keep UTC", or typed on the profile page) is a choice.
  const offerZone = !u.timeZone;
  return renderPage(
    c,
    {
      title: t('overview.title'),
      section: 'overview',
      scripts: offerZone ? ['/assets/browser-time-zone.js'] : [],
    },
    <>
      <h1>{t('overview.hello', { name: u.name })}</h1>
      <p class="lead">{t('overview.lead')}</p>
      <MailBounceBanner
        t={t}
        user={u}
        reason={d.mailSuppressed ?? null}
        reconfirmed={c.req.query('notice') === 'mail-reconfirmed'}
      />
      {d.timeZoneSet ? (
        <Notice kind="success">{t('overview.timeZone.set', { zone: when.zone })}</Notice>
      ) : null}
      {offerZone ? <TimeZoneOffer t={t} /> : null}
      {d.deletionCancelledBySignIn ? (
        <Notice kind="info">
          {t('overview.deletionCancelled')}{' '}
          <a href="/account/delete">{t('overview.deletionCancelled.again')}</a>
        </Notice>
      ) : null}
      {u.processingRestrictedAt ? (
        <div id="restricted-notice">
          <Notice kind="info">
            {t('overview.restricted', { date: when.date(u.processingRestrictedAt) })}{' '}
            <a href="/account/privacy#restriction">{t('overview.restricted.lift')}</a>
          </Notice>
        </div>
      ) : null}
      <OverviewCards t={t} locale={locale} when={when} {...d} />
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
