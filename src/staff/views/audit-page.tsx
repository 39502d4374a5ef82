import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { pageDates } from '../../views/dates';
import { repeatsLabel, repeatsOf } from '../../views/activity-label';
import type { listAuditTrail } from '../audit-trail';
import { Pager, renderStaffPage } from '../../views/staff-frame';
import { AuditSentence } from './audit-sentence';

type Trail = Awaited<ReturnType<typeof listAuditTrail>>;

/**
 * /staff/audit (admins): who did or saw what, about whom, in staff wording ("You opened
 * Olena Koval’s card — 3 times between 10:02 and 10:04"), never as an action code.
 */
export function auditPage(c: Context<AppEnv>, trail: Trail) {
  const locale = c.get('locale');
  const t = translator(locale);
  // The reader's (staff member's) own zone, like every other page.
  const when = pageDates(c);
  const readerId = c.get('auth')?.user.id ?? null;
  return renderStaffPage(
    c,
    { title: t('staff.audit.title'), section: 'audit' },
    <>
      <h1>{t('staff.audit.title')}</h1>
      <p class="lead">{t('staff.audit.lead')}</p>
      <div class="table-wrap">
        <table class="stack-sm">
          <thead>
            <tr>
              <th scope="col">{t('staff.col.when')}</th>
              <th scope="col">{t('audit.col.event')}</th>
            </tr>
          </thead>
          <tbody>
            {trail.events.map((e) => {
              const repeats = repeatsOf(e.details);
              return (
                <tr>
                  <td data-label={t('staff.col.when')}>{when.dateTime(e.at)}</td>
                  <td data-label={t('audit.col.event')}>
                    <AuditSentence t={t} readerId={readerId} event={e} />
                    {repeats ? ` — ${repeatsLabel(t, locale, when, repeats)}` : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager t={t} path="/staff/audit" page={trail.page} hasMore={trail.hasMore} />
    </>,
  );
}
