import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { pageDates } from '../../views/dates';
import { activityLabel } from '../../views/activity-label';
import type { listAuditTrail } from '../audit-trail';
import { Pager, renderStaffPage } from '../../views/staff-frame';

type Trail = Awaited<ReturnType<typeof listAuditTrail>>;

/** /staff/audit (admins): who did or saw what, about whom. */
export function auditPage(c: Context<AppEnv>, trail: Trail) {
  const locale = c.get('locale');
  const t = translator(locale);
  // The reader's (staff member's) own zone, like every other page.
  const when = pageDates(c);
  // An id with no account left is a deleted person; no id at all means the act was about nobody in particular.
  const who = (id: string | null, name: string | null, email: string | null) =>
    !id ? '—' : name ? `${name} <${email}>` : t('staff.audit.gone');
  return renderStaffPage(
    c,
    { title: t('staff.audit.title'), section: 'audit' },
    <>
      <h1>{t('staff.audit.title')}</h1>
      <p class="lead">{t('staff.audit.lead')}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('staff.col.when')}</th>
              <th scope="col">{t('staff.col.actor')}</th>
              <th scope="col">{t('staff.col.action')}</th>
              <th scope="col">{t('staff.col.subject')}</th>
            </tr>
          </thead>
          <tbody>
            {trail.events.map((e) => (
              <tr>
                <td>{when.dateTime(e.at)}</td>
                <td>
                  {e.actorId ? who(e.actorId, e.actorName, e.actorEmail) : t('staff.audit.gone')}
                </td>
                <td>
                  {activityLabel(t, e.action)} <code>{e.action}</code>
                </td>
                <td>
                  {e.userId ? (
                    <a href={`/staff/users/${e.userId}`}>
                      {who(e.userId, e.userName, e.userEmail)}
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager t={t} path="/staff/audit" page={trail.page} hasMore={trail.hasMore} />
    </>,
  );
}
