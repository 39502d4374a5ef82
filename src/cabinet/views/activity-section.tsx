import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { pageDates } from '../../views/dates';
import { activityLabel } from '../../views/activity-label';
import { actedByLabel, type ActivityRow } from '../../core/activity';

/** As `listActivity` gives them: the school's acts carry no staff member's address or browser. */
export type EventRow = Pick<ActivityRow, 'id' | 'action' | 'at' | 'ip' | 'byStaff' | 'byRole'>;

/** The security page's recent activity, the school's own acts marked as such. */
export function ActivitySection(p: { c: Context<AppEnv>; events: EventRow[] }) {
  const t = translator(p.c.get('locale'));
  const when = pageDates(p.c);
  return (
    <section class="card" aria-labelledby="activity-h" id="activity">
      <h2 id="activity-h">{t('security.activity')}</h2>
      <p class="meta">{t('security.activity.lead')}</p>
      <table>
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
              <td>{when.dateTime(e.at)}</td>
              <td>
                {activityLabel(t, e.action)}{' '}
                {e.byStaff ? <span class="badge warn">{actedByLabel(t, e)}</span> : null}
              </td>
              <td>{e.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
