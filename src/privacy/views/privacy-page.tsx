import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type MessageKey, type T } from '../../i18n';
import { en } from '../../i18n/en';
import { pageDates } from '../../views/dates';
import { Field, Notice } from '../../views/components';
import { renderPage } from '../../views/layout';
import { translateError } from '../../views/translate-error';
import type { CategoryKey } from '../registry';

export type PrivacyPageState = {
  counts: { key: CategoryKey; count: number }[];
  retentionDays: { ip: number; inactive: number; grace: number };
  isPrivileged: boolean;
  restriction: { at: Date; reason: string | null } | null;
  deletionScheduledFor: Date | null;
  policy: { version: string; accepted: boolean } | null;
  consents: {
    kind: string;
    version: string | null;
    granted: 'granted' | 'withdrawn';
    method: string;
    at: Date;
  }[];
  notice?: 'restricted' | 'lifted' | 'accepted';
  reasonValue?: string;
  reasonError?: string;
  status?: 200 | 400;
};

/** A label from the catalogue when there is one; the raw value (a new kind, say) otherwise. */
const label = (t: T, key: string, fallback: string) =>
  key in en ? t(key as MessageKey) : fallback;

const consentsShown = 20;

/** "What we hold about you", with the rights next to it: download, restrict, consents, delete. */
export function privacyPage(c: Context<AppEnv>, s: PrivacyPageState) {
  const t = translator(c.get('locale'));
  const when = pageDates(c);
  const cat = (key: CategoryKey, part: 'title' | 'purpose' | 'retention') =>
    t(`privacy.cat.${key}.${part}` as MessageKey, s.retentionDays);
  const reauthNext = `/reauth?next=${encodeURIComponent('/account/privacy#export')}`;
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
              {s.counts.map((row) => (
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

      <section class="card" aria-labelledby="export-h" id="export">
        <h2 id="export-h">{t('export.heading')}</h2>
        <p>{t('export.lead')}</p>
        {s.isPrivileged ? (
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

      <section class="card" aria-labelledby="restriction-h" id="restriction">
        <h2 id="restriction-h">{t('restriction.heading')}</h2>
        <p>{t('restriction.lead')}</p>
        {s.restriction ? (
          <>
            <Notice kind="info">
              {t('restriction.active', { when: when.dateTime(s.restriction.at) })}
              {s.restriction.reason
                ? ` ${t('restriction.yourReason')} “${s.restriction.reason}”`
                : ''}
            </Notice>
            <form method="post" action="/account/privacy/restriction/lift">
              <button type="submit" class="button">
                {t('restriction.lift')}
              </button>
            </form>
          </>
        ) : (
          <form method="post" action="/account/privacy/restriction">
            <Field
              name="reason"
              label={t('restriction.reason')}
              hint={t('restriction.reason.hint')}
              value={s.reasonValue}
              error={translateError(t, s.reasonError)}
              textarea
              required
              maxlength={1000}
            />
            <div class="form-actions">
              <button type="submit" class="button">
                {t('restriction.submit')}
              </button>
            </div>
          </form>
        )}
      </section>

      <section class="card" aria-labelledby="consents-h" id="consents">
        <h2 id="consents-h">{t('consents.heading')}</h2>
        {s.policy ? (
          <p>
            {t('consents.current', { version: s.policy.version })}{' '}
            {s.policy.accepted ? t('consents.accepted') : t('consents.notAccepted')}{' '}
            <a href="/privacy">{t('consents.read')}</a>
          </p>
        ) : null}
        {s.policy && !s.policy.accepted ? (
          <form method="post" action="/account/privacy/consent">
            <input type="hidden" name="version" value={s.policy.version} />
            <button type="submit" class="button">
              {t('consents.accept', { version: s.policy.version })}
            </button>
          </form>
        ) : null}
        {s.consents.length === 0 ? (
          <p>{t('consents.none')}</p>
        ) : (
          <div class="table-wrap">
            <table class="stack-sm">
              <thead>
                <tr>
                  <th scope="col">{t('consents.col.when')}</th>
                  <th scope="col">{t('consents.col.what')}</th>
                  <th scope="col">{t('consents.col.version')}</th>
                  <th scope="col">{t('consents.col.how')}</th>
                </tr>
              </thead>
              <tbody>
                {s.consents.slice(0, consentsShown).map((row) => (
                  <tr>
                    <td data-label={t('consents.col.when')}>{when.dateTime(row.at)}</td>
                    <td data-label={t('consents.col.what')}>
                      {label(t, `consents.kind.${row.kind}`, row.kind)} —{' '}
                      {t(row.granted === 'granted' ? 'consents.granted' : 'consents.withdrawn')}
                    </td>
                    <td data-label={t('consents.col.version')}>{row.version ?? '—'}</td>
                    <td data-label={t('consents.col.how')}>
                      {label(t, `consents.method.${row.method}`, row.method)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {s.consents.length > consentsShown ? (
          <p class="meta">{t('consents.more', { count: s.consents.length - consentsShown })}</p>
        ) : null}
      </section>

      <section class="card" aria-labelledby="delete-h" id="delete">
        <h2 id="delete-h">{t('delete.heading')}</h2>
        <p>{t('delete.lead')}</p>
        <p>
          <a class="button danger" href="/account/delete">
            {t('delete.link')}
          </a>
        </p>
      </section>
    </>,
  );
}
