import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv, AppVariables } from '../http/env';
import { html } from 'hono/html';
import { HtmlEscapedCallbackPhase, resolveCallback } from 'hono/utils/html';
import { languageNames, translator, type Locale, type MessageKey, type T } from '../i18n';

export type PageOptions = {
  title: string;
  /** Marks the current item in the cabinet navigation. */
  section?: CabinetSection;
  scripts?: string[];
  /** A staff-console page: the header is marked as such on every one of them. */
  staffConsole?: boolean;
  status?: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;
};

export type CabinetSection =
  'overview' | 'profile' | 'security' | 'privacy' | 'subscriptions' | 'bookings';

const cabinetNav: [CabinetSection, string, MessageKey][] = [
  ['overview', '/account', 'nav.overview'],
  ['profile', '/account/profile', 'nav.profile'],
  ['security', '/account/security', 'nav.security'],
  ['privacy', '/account/privacy', 'nav.privacy'],
  ['subscriptions', '/account/subscriptions', 'nav.subscriptions'],
  ['bookings', '/account/bookings', 'nav.bookings'],
];

/** The cabinet's pages, in its navigation's order. */
export const cabinetPages = cabinetNav.map(([, href]) => href);

type Area = 'staff' | 'account' | null;

function AccountLinks({ t, auth, area }: { t: T; auth: AppVariables['auth']; area: Area }) {
  const current = (which: 'staff' | 'account') => (area === which ? ('page' as const) : undefined);
  if (!auth)
    return (
      <>
        <a href="/login">{t('nav.signIn')}</a>
        <a href="/register" class="button small">
          {t('nav.register')}
        </a>
      </>
    );
  return (
    <>
      <a href="/account" aria-current={current('account')}>
        {t('nav.account')}
      </a>
      {auth.user.role !== 'user' ? (
        <a href="/staff" aria-current={current('staff')}>
          {t('nav.staff')}
        </a>
      ) : null}
      <form method="post" action="/logout" class="inline-form">
        <button type="submit" class="link-button">
          {t('nav.signOut')}
        </button>
      </form>
    </>
  );
}

/**
 * A form, not a link: it changes a setting, and a GET must change nothing. One globe, then
 * every other language the school offers, each by its own name.
 */
function LanguageSwitch(p: { t: T; locale: Locale; offered: readonly Locale[]; here: string }) {
  const others = p.offered.filter((l) => l !== p.locale);
  if (others.length === 0) return null;
  return (
    <form method="post" action="/lang" class="lang-switch-form">
      <input type="hidden" name="next" value={p.here} />
      <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24">
        <circle cx="12" cy="12" r="9.25" />
        <path d="M2.75 12h18.5M12 2.75c2.6 2.7 3.9 5.8 3.9 9.25S14.6 18.55 12 21.25M12 2.75C9.4 5.45 8.1 8.55 8.1 12s1.3 6.55 3.9 9.25" />
      </svg>
      {others.map((l) => (
        <button type="submit" name="locale" value={l} class="link-button lang-switch">
          <span class="visually-hidden">{p.t('layout.language')}: </span>
          <span lang={l}>{languageNames[l]}</span>
        </button>
      ))}
    </form>
  );
}

type HeaderProps = {
  t: T;
  locale: Locale;
  offered: readonly Locale[];
  school: string;
  auth: AppVariables['auth'];
  area: Area;
  here: string;
};

function SiteHeader({ t, locale, offered, school, auth, area, here }: HeaderProps) {
  return (
    <header class="site-header">
      <p class="brand-line">
        <a class="brand" href="/">
          {school}
        </a>
        {area === 'staff' ? <span class="console-tag">{t('layout.staffMode')}</span> : null}
      </p>
      <nav class="site-nav" aria-label={t('layout.mainNav')}>
        <AccountLinks t={t} auth={auth} area={area} />
        <LanguageSwitch t={t} locale={locale} offered={offered} here={here} />
      </nav>
    </header>
  );
}

function CabinetNav({ t, section }: { t: T; section: CabinetSection }) {
  return (
    <nav class="cabinet-nav" aria-label={t('layout.cabinetNav')}>
      <ul>
        {cabinetNav.map(([item, href, key]) => (
          <li>
            <a href={href} aria-current={item === section ? 'page' : undefined}>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SiteFooter({ t }: { t: T }) {
  return (
    <footer class="site-footer">
      <a href="/privacy">{t('nav.privacy.policy')}</a>
      <a href="/cookies">{t('nav.cookies')}</a>
      <a href="/api/docs">{t('nav.api')}</a>
    </footer>
  );
}

/** Renders a full page in the shared layout, in the request's locale. */
export async function renderPage(c: Context<AppEnv>, options: PageOptions, body: Child) {
  const locale = c.get('locale');
  const t = translator(locale);
  const nonce = c.get('secureHeadersNonce');
  const { schoolName: school, supportedLocales } = c.get('deps').config;
  const here = c.req.path + (new URL(c.req.url).search || '');
  // The header shows which part of the site this is, as well as the cabinet's own navigation.
  const area: Area =
    options.staffConsole || c.req.path.startsWith('/staff')
      ? 'staff'
      : c.req.path.startsWith('/account')
        ? 'account'
        : null;
  const page = (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${options.title} · ${school}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {(options.scripts ?? []).map((src) => (
          <script type="module" src={src} nonce={nonce}></script>
        ))}
      </head>
      <body class={area === 'staff' ? 'staff-console' : undefined}>
        <a class="skip-link" href="#main">
          {t('layout.skip')}
        </a>
        <SiteHeader
          t={t}
          locale={locale}
          offered={supportedLocales}
          school={school}
          auth={c.get('auth')}
          area={area}
          here={here}
        />
        <div class={options.section ? 'page with-sidebar' : 'page'}>
          {options.section ? <CabinetNav t={t} section={options.section} /> : null}
          <main id="main" tabindex={-1}>
            {body}
          </main>
        </div>
        <SiteFooter t={t} />
      </body>
    </html>
  );
  const document = await resolveCallback(
    html`<!doctype html>${page}`,
    HtmlEscapedCallbackPhase.Stringify,
    false,
    {},
  );
  // A primitive string, not hono's String object: @hono/node-server writes a string straight
  // to the socket, but wraps anything else in a web Response and reads it back through a
  // ReadableStream, which cost about 5 % of a page's CPU.
  return c.html(`${document}`, options.status ?? 200);
}
