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
import { reauthFor } from '../../http/reauth-link';

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
  /** Set when the person came back from confirming it is them to download: start it. */
  download?: 'zip' | 'json';
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
      {s.deletionScheduledFor ? (
        <Notice kind="info">
          {t('hold.deletionPending', { date: when.date(s.deletionScheduledFor) })}
        </Notice>
      ) : null}
      <PageIndex t={t} />
      {/* The rights first: on a phone the categories below are several screens long. */}
      <ExportCard isPrivileged={s.isPrivileged} starting={s.download} t={t} />
      <RestrictionCard
        {...s}
        notice={s.notice === 'restricted' || s.notice === 'lifted' ? s.notice : undefined}
        t={t}
        when={when}
      />
      <DeleteCard t={t} />
      <HoldingsCard counts={s.counts} retentionDays={s.retentionDays} t={t} />
      <section class="card" aria-labelledby="processors-h" id="processors">
        <h2 id="processors-h">{t('processors.heading')}</h2>
        <ProcessorsTable processors={s.processors} t={t} />
        <p class="meta">
          <a href="/privacy#controller">{t('controller.heading')}</a>
        </p>
      </section>
      <ConsentsCard
        policy={s.policy}
        consents={s.consents}
        accepted={s.notice === 'accepted'}
        t={t}
        when={when}
      />
    </>,
  );
}

const indexed = [
  ['export', 'export.heading'],
  ['restriction', 'restriction.heading'],
  ['delete', 'delete.heading'],
  ['holdings', 'hold.heading'],
  ['processors', 'processors.heading'],
  ['consents', 'consents.heading'],
] as const;

/** A short index of the page's cards, so nothing is more than one tap away on a phone. */
function PageIndex({ t }: { t: T }) {
  return (
    <nav class="page-index" aria-label={t('hold.index')}>
      <ul>
        {indexed.map(([id, key]) => (
          <li>
            <a href={`#${id}`}>{t(key)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function HoldingsCard(p: Pick<PrivacyPageState, 'counts' | 'retentionDays'> & { t: T }) {
  const { t } = p;
  // Each period in the form its count takes, in the case the policy page's sentences use.
  const days = {
    inactive: t.plural('privacy.howLong.inactive', p.retentionDays.inactive),
    ip: t.plural('privacy.howLong.ip', p.retentionDays.ip),
  };
  const cat = (key: CategoryKey, part: 'title' | 'purpose' | 'retention') =>
    t(`privacy.cat.${key}.${part}` as MessageKey, days);
  return (
    <section class="card" aria-labelledby="hold-h" id="holdings">
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
                <td data-label={t('hold.col.retention')}>
                  {cat(row.key, 'retention')}
                  {row.key === 'emails' ? ` ${t('delivery.hold.retention')}` : null}
                </td>
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

type ExportCardProps = { isPrivileged: boolean; starting?: 'zip' | 'json'; t: T };

/** Where the download link leads once the person has confirmed it is them. */
export const exportPath = (format: 'zip' | 'json') =>
  format === 'json' ? '/account/privacy/export?format=json' : '/account/privacy/export';

function ExportCard({ isPrivileged, starting, t }: ExportCardProps) {
  // Confirming it is you comes back here and starts the download (the page sends Refresh).
  const reauthNext = reauthFor('/account/privacy?download=zip#export');
  return (
    <section class="card" aria-labelledby="export-h" id="export">
      <h2 id="export-h">{t('export.heading')}</h2>
      <p>{t('export.lead')}</p>
      {isPrivileged && starting ? (
        <Notice kind="success">
          {t('export.starting')}{' '}
          <a href={exportPath(starting)} download>
            {t('export.startingLink')}
          </a>
        </Notice>
      ) : null}
      {isPrivileged ? (
        <>
          <p class="actions">
            <a class="button" href={exportPath('zip')} download aria-describedby="export-wait">
              {t('export.zip')}
            </a>{' '}
            <a href={exportPath('json')} download aria-describedby="export-wait">
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
