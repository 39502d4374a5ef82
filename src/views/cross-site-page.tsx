import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { translator } from '../i18n';
import { renderPage } from './layout';

/**
 * What a GET that records a read answers when another site sent it: why it did not open, and
 * the same address as a link on our own page (following it is the person's own choice).
 */
export function crossSitePage(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const here = c.req.path + (new URL(c.req.url).search || '');
  const staff = c.req.path === '/staff' || c.req.path.startsWith('/staff/');
  return renderPage(
    c,
    {
      title: t('crossSite.title'),
      status: 403,
      staffConsole: staff,
      section: staff ? undefined : 'privacy',
    },
    <section class="card narrow">
      <h1>{t('crossSite.title')}</h1>
      <p>{t(staff ? 'crossSite.staff.body' : 'crossSite.account.body')}</p>
      <div class="actions">
        <a class="button" href={here}>
          {t('crossSite.open')}
        </a>
        <a class="button secondary" href={staff ? '/staff' : '/account/privacy'}>
          {t(staff ? 'crossSite.staff.back' : 'crossSite.account.back')}
        </a>
      </div>
    </section>,
  );
}
