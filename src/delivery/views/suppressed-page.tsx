import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { pageDates } from '../../views/dates';
import { Pager, renderStaffPage } from '../../views/staff-frame';
import type { SuppressionReason } from '../../../db/schema';

export type SuppressedRow = {
  address: string;
  reason: SuppressionReason;
  since: Date;
  userId: string | null;
  name: string | null;
};

/** Staff: the addresses announcements no longer go to, and why. */
export function suppressedPage(
  c: Context<AppEnv>,
  s: { rows: SuppressedRow[]; page: number; hasMore: boolean },
) {
  const t = translator(c.get('locale'));
  const when = pageDates(c);
  return renderStaffPage(
    c,
    { title: t('delivery.suppressed.title'), section: 'announcements' },
    <>
      <h1>{t('delivery.suppressed.title')}</h1>
      <p class="lead">{t('delivery.suppressed.lead')}</p>
      {s.rows.length === 0 ? (
        <p>{t('delivery.suppressed.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="stack-sm">
            <thead>
              <tr>
                <th scope="col">{t('delivery.col.person')}</th>
                <th scope="col">{t('delivery.col.address')}</th>
                <th scope="col">{t('delivery.col.reason')}</th>
                <th scope="col">{t('delivery.col.since')}</th>
              </tr>
            </thead>
            <tbody>
              {s.rows.map((r) => (
                <tr>
                  <td data-label={t('delivery.col.person')}>
                    {r.userId ? (
                      <a href={`/staff/users/${r.userId}`}>{r.name}</a>
                    ) : (
                      t('delivery.suppressed.noAccount')
                    )}
                  </td>
                  <td data-label={t('delivery.col.address')}>{r.address}</td>
                  <td data-label={t('delivery.col.reason')}>{t(`delivery.reason.${r.reason}`)}</td>
                  <td data-label={t('delivery.col.since')}>{when.dateTime(r.since)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager t={t} path="/staff/suppressions" page={s.page} hasMore={s.hasMore} />
    </>,
  );
}
