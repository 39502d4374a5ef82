import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../http/env';
import { translator, type T } from '../i18n';
import { renderPage, type PageOptions } from './layout';

export type StaffSection = 'search' | 'announcements' | 'restrictions' | 'audit' | 'team';

/**
 * Every staff page sits in this frame: a standing banner that says this is the staff console
 * and that what staff open here is shown to the person, and the console's own navigation
 * (the admin pages only for admins). The title names the console too.
 */
export function renderStaffPage(
  c: Context<AppEnv>,
  options: Pick<PageOptions, 'title' | 'status'> & { section?: StaffSection },
  body: Child,
) {
  const t = translator(c.get('locale'));
  const isAdmin = c.get('auth')?.user.role === 'admin';
  const links: [StaffSection, string, string][] = [
    ['search', '/staff', t('staff.nav.search')],
    ['announcements', '/staff/announcements', t('announce.title')],
    ...(isAdmin
      ? ([
          ['restrictions', '/staff/restrictions', t('staff.nav.restrictions')],
          ['audit', '/staff/audit', t('staff.nav.audit')],
          ['team', '/staff/team', t('staff.nav.team')],
        ] as [StaffSection, string, string][])
      : []),
  ];
  return renderPage(
    c,
    {
      title: `${options.title} · ${t('staff.console')}`,
      status: options.status,
      staffConsole: true,
    },
    <>
      <div class="notice staff-banner" role="note">
        <p>{t('staff.console')}</p>
        <p>{t('staff.banner')}</p>
      </div>
      <nav aria-label={t('staff.nav.label')} class="console-nav">
        <ul>
          {links.map(([section, href, label]) => (
            <li>
              <a href={href} aria-current={section === options.section ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {body}
    </>,
  );
}

/** Previous/next links that keep the other query parameters; plain links, so no JavaScript. */
export function Pager(p: {
  t: T;
  path: string;
  params?: Record<string, string>;
  page: number;
  hasMore: boolean;
}) {
  if (p.page === 1 && !p.hasMore) return null;
  const href = (page: number) =>
    `${p.path}?${new URLSearchParams({ ...p.params, page: String(page) })}`;
  return (
    <nav aria-label={p.t('staff.pager.label')} class="actions">
      {p.page > 1 ? (
        <a href={href(p.page - 1)} rel="prev">
          {p.t('staff.pager.prev')}
        </a>
      ) : null}{' '}
      <span>{p.t('staff.pager.page', { page: p.page })}</span>{' '}
      {p.hasMore ? (
        <a href={href(p.page + 1)} rel="next">
          {p.t('staff.pager.next')}
        </a>
      ) : null}
    </nav>
  );
}
