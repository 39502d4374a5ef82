import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { pageDates } from '../../views/dates';
import { activityLine } from '../../views/activity-label';
import { actedByLabel, type ActivityRow } from '../../core/activity';

/**
 * As `listActivity` gives them: the school's acts carry no staff member's address or browser;
 * a staff member's repeated views in one visit are one row, its count and times in `details`.
 */
export type EventRow = Pick<
  ActivityRow,
  'id' | 'action' | 'at' | 'ip' | 'byStaff' | 'byRole' | 'details'
>;

/** The security page's recent activity, the school's own acts marked as such. */
export function ActivitySection(p: { c: Context<AppEnv>; events: EventRow[] }) {
  const locale = p.c.get('locale');
  const t = translator(locale);
  const when = pageDates(p.c);
  return (
    <section class="card" aria-labelledby="activity-h" id="activity">
      <h2 id="activity-h">{t('security.activity')}</h2>
      <p class="meta">{t('security.activity.lead')}</p>
      <table class="stack-sm">
        <thead>
          <tr>
            <th scope="col">{t('security.col.when')}</th>
            <th scope="col">{t('security.col.what')}</th>
            <th scope="col">{t('security.col.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {p.events.map((e) => (
            <tr>
              <td data-label={t('security.col.when')}>{when.dateTime(e.at)}</td>
              <td data-label={t('security.col.what')}>
                {activityLine(t, locale, when, e)}{' '}
                {e.byStaff ? <span class="badge warn">{actedByLabel(t, e)}</span> : null}
              </td>
              <td data-label={t('security.col.ip')}>{e.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
