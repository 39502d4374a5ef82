import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type MessageKey, type T } from '../../i18n';
import { pageDates } from '../../views/dates';
import { Notice } from '../../views/components';
import { renderPage } from '../../views/layout';
import type { CategoryKey } from '../registry';
import { ConsentsCard, type ConsentRow } from './privacy-consents';
import { RestrictionCard, type RestrictionDecision } from './privacy-restriction';
import type { Processor } from '../../config-privacy';
import { ProcessorsTable } from './transparency';

export type PrivacyPageState = {
  counts: { key: CategoryKey; count: number }[];
  retentionDays: { ip: number; inactive: number; grace: number };
  isPrivileged: boolean;
  restriction: { at: Date; reason: string | null } | null;
  restrictionDecision: RestrictionDecision | null;
  deletionScheduledFor: Date | null;
  policy: { version: string; accepted: boolean } | null;
  consents: ConsentRow[];
  processors: Processor[];
  notice?: 'restricted' | 'lifted' | 'accepted';
  reasonValue?: string;
  reasonError?: string;
  status?: 200 | 400;
};

/** "What we hold about you", with the rights next to it: download, restrict, consents, delete. */
export function privacyPage(c: Context<AppEnv>, s: PrivacyPageState) {
  const t = translator(c.get('locale'));
  const when = pageDates(c);
  return renderPage(
    c,
    { title: t('hold.title'), section: 'privacy', status: s.status ?? 200 },
    <>
      <h1>{t('hold.title')}</h1>
      <p class="lead">{t('hold.lead')}</p>
      {s.notice ? <Notice kind="success">{t(`hold.notice.${s.notice}`)}</Notice> : null}
      {s.deletionScheduledFor ? (
        <Notice kind="info">
          {t('hold.deletionPending', { date: when.date(s.deletionScheduledFor) })}
        </Notice>
      ) : null}

      <HoldingsCard counts={s.counts} retentionDays={s.retentionDays} t={t} />
      <section class="card" aria-labelledby="processors-h" id="processors">
        <h2 id="processors-h">{t('processors.heading')}</h2>
        <ProcessorsTable processors={s.processors} t={t} />
        <p class="meta">
          <a href="/privacy#controller">{t('controller.heading')}</a>
        </p>
      </section>
      <ExportCard isPrivileged={s.isPrivileged} t={t} />
      <RestrictionCard {...s} t={t} when={when} />
      <ConsentsCard policy={s.policy} consents={s.consents} t={t} when={when} />
      <DeleteCard t={t} />
    </>,
  );
}

function HoldingsCard(p: Pick<PrivacyPageState, 'counts' | 'retentionDays'> & { t: T }) {
  const { t } = p;
  const cat = (key: CategoryKey, part: 'title' | 'purpose' | 'retention') =>
    t(`privacy.cat.${key}.${part}` as MessageKey, p.retentionDays);
  return (
    <section class="card" aria-labelledby="hold-h">
      <h2 id="hold-h">{t('hold.heading')}</h2>
      <div class="table-wrap">
        <table class="stack-sm">
          <thead>
            <tr>
              <th scope="col">{t('hold.col.category')}</th>
              <th scope="col">{t('hold.col.count')}</th>
              <th scope="col">{t('hold.col.purpose')}</th>
              <th scope="col">{t('hold.col.retention')}</th>
            </tr>
          </thead>
          <tbody>
            {p.counts.map((row) => (
              <tr id={`cat-${row.key}`}>
                <th scope="row">{cat(row.key, 'title')}</th>
                <td data-label={t('hold.col.count')} data-count={row.key}>
                  {row.count}
                </td>
                <td data-label={t('hold.col.purpose')}>{cat(row.key, 'purpose')}</td>
                <td data-label={t('hold.col.retention')}>{cat(row.key, 'retention')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="meta">
        <a href="/account/profile">{t('hold.correct')}</a>
      </p>
    </section>
  );
}

function ExportCard({ isPrivileged, t }: { isPrivileged: boolean; t: T }) {
  const reauthNext = `/reauth?next=${encodeURIComponent('/account/privacy#export')}`;
  return (
    <section class="card" aria-labelledby="export-h" id="export">
      <h2 id="export-h">{t('export.heading')}</h2>
      <p>{t('export.lead')}</p>
      {isPrivileged ? (
        <>
          <p class="actions">
            <a
              class="button"
              href="/account/privacy/export"
              download
              aria-describedby="export-wait"
            >
              {t('export.zip')}
            </a>{' '}
            <a href="/account/privacy/export?format=json" download aria-describedby="export-wait">
              {t('export.json')}
            </a>
          </p>
          <p class="hint busy-note" id="export-wait">
            {t('export.wait')}
          </p>
        </>
      ) : (
        <>
          <p class="hint">{t('export.reauth')}</p>
          <p class="actions">
            <a class="button" href={reauthNext}>
              {t('export.reauthButton')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

function DeleteCard({ t }: { t: T }) {
  return (
    <section class="card" aria-labelledby="delete-h" id="delete">
      <h2 id="delete-h">{t('delete.heading')}</h2>
      <p>{t('delete.lead')}</p>
      <p>
        <a class="button danger" href="/account/delete">
          {t('delete.link')}
        </a>
      </p>
    </section>
  );
}
