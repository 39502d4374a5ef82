import type { MessageKey, T } from '../../i18n';
import { en } from '../../i18n/en';
import type { PageDates } from '../../views/dates';
import { Notice } from '../../views/components';

export type ConsentRow = {
  kind: string;
  version: string | null;
  granted: 'granted' | 'withdrawn';
  method: string;
  at: Date;
};

type ConsentsCardProps = {
  policy: { version: string; accepted: boolean } | null;
  consents: ConsentRow[];
  /** The person just accepted the policy here. */
  accepted?: boolean;
  t: T;
  when: PageDates;
};

/** A label from the catalogue when there is one; the raw value (a new kind, say) otherwise. */
const label = (t: T, key: string, fallback: string) =>
  key in en ? t(key as MessageKey) : fallback;

const consentsShown = 20;

/** The policy in force (with Accept while it is not), then the newest consents. */
export function ConsentsCard(p: ConsentsCardProps) {
  const { t, policy } = p;
  return (
    <section class="card" aria-labelledby="consents-h" id="consents">
      <h2 id="consents-h">{t('consents.heading')}</h2>
      {p.accepted ? <Notice kind="success">{t('hold.notice.accepted')}</Notice> : null}
      {policy ? (
        <p>
          {t('consents.current', { version: policy.version })}{' '}
          {policy.accepted ? t('consents.accepted') : t('consents.notAccepted')}{' '}
          <a href="/privacy">{t('consents.read')}</a>
        </p>
      ) : null}
      {policy && !policy.accepted ? (
        <form method="post" action="/account/privacy/consent">
          <input type="hidden" name="version" value={policy.version} />
          <button type="submit" class="button">
            {t('consents.accept', { version: policy.version })}
          </button>
        </form>
      ) : null}
      {p.consents.length === 0 ? <p>{t('consents.none')}</p> : <ConsentsTable {...p} />}
      {p.consents.length > consentsShown ? (
        <p class="meta">{t('consents.more', { count: p.consents.length - consentsShown })}</p>
      ) : null}
    </section>
  );
}

function ConsentsTable({ consents, t, when }: ConsentsCardProps) {
  return (
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
          {consents.slice(0, consentsShown).map((row) => (
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
  );
}
