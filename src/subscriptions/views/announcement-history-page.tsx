import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type Locale, type T } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { pageDates } from '../../views/dates';
import { renderStaffPage } from '../../views/staff-frame';
import type { AnnouncementSummary } from '../announcement-history';

/** "sent 420 of 1,000" and friends, in the page's language. */
export const progressLine = (t: T, locale: Locale, a: AnnouncementSummary) =>
  a.done
    ? t('history.progress.done', {
        sent: formatNumber(a.counts.sent, locale),
        recipients: formatNumber(a.counts.recipients, locale),
      })
    : t('history.progress.sending', {
        sent: formatNumber(a.counts.sent, locale),
        recipients: formatNumber(a.counts.recipients, locale),
      });

/** Staff: every announcement sent, newest first, with how far each has gone. */
export function announcementHistoryPage(
  c: Context<AppEnv>,
  s: { items: AnnouncementSummary[]; next: string | null },
) {
  const locale = c.get('locale');
  const t = translator(locale);
  const when = pageDates(c);
  return renderStaffPage(
    c,
    { title: t('history.title'), section: 'announcements' },
    <>
      <h1>{t('history.title')}</h1>
      <p class="lead">{t('history.lead')}</p>
      <p class="actions">
        <a href="/staff/announcements">{t('history.compose')}</a>{' '}
        <a href="/staff/suppressions">{t('delivery.suppressed.title')}</a>
      </p>
      {s.items.length === 0 ? (
        <p>{t('history.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="stack-sm">
            <thead>
              <tr>
                <th scope="col">{t('history.col.when')}</th>
                <th scope="col">{t('history.col.subject')}</th>
                <th scope="col">{t('history.col.list')}</th>
                <th scope="col">{t('history.col.author')}</th>
                <th scope="col">{t('history.col.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {s.items.map((a) => (
                <tr>
                  <td data-label={t('history.col.when')}>{when.dateTime(a.createdAt)}</td>
                  <td data-label={t('history.col.subject')}>
                    <a href={`/staff/announcements/${a.id}`}>{a.subject}</a>
                  </td>
                  <td data-label={t('history.col.list')}>{a.listName}</td>
                  <td data-label={t('history.col.author')}>
                    {a.author ?? t('history.authorGone')}
                  </td>
                  <td data-label={t('history.col.progress')}>{progressLine(t, locale, a)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {s.next ? (
        <nav aria-label={t('staff.pager.label')} class="actions">
          <a href={`/staff/announcements/history?cursor=${encodeURIComponent(s.next)}`} rel="next">
            {t('staff.pager.next')}
          </a>
        </nav>
      ) : null}
    </>,
  );
}
