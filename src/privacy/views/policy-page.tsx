import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type Locale, type MessageKey, type T } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { renderPage } from '../../views/layout';
import type { policyVersions } from '../../../db/schema';
import type { Controller, Processor } from '../../config-privacy';
import { ControllerSection, ProcessorsTable } from './transparency';

type PolicyVersion = typeof policyVersions.$inferSelect;

export type PolicyPageState = {
  now: Date;
  current: PolicyVersion | null;
  versions: PolicyVersion[];
  shown: PolicyVersion | null;
  schoolName: string;
  controller: Controller;
  processors: Processor[];
  days: { ip: number; inactive: number; grace: number; unverified: number };
};

const sections: [MessageKey, MessageKey][] = [
  ['privacy.what.title', 'privacy.what.body'],
  ['privacy.why.title', 'privacy.why.body'],
  ['privacy.passwords.title', 'privacy.passwords.body'],
  ['privacy.howLong.title', 'privacy.howLong.body'],
  ['privacy.rights.title', 'privacy.rights.body'],
  ['privacy.mail.title', 'privacy.mail.body'],
  ['privacy.staff.title', 'privacy.staff.body'],
  ['privacy.cookies.title', 'privacy.cookies.body'],
  ['privacy.changes.title', 'privacy.changes.body'],
];

/** Plain-language explanation first, then the policy text in force and every past version. */
export function policyPage(c: Context<AppEnv>, s: PolicyPageState) {
  const locale = c.get('locale');
  const t = translator(locale);
  // The retention periods come from configuration: each is said with the form its count takes.
  const days = {
    inactive: t.plural('privacy.howLong.inactive', s.days.inactive),
    ip: t.plural('privacy.howLong.ip', s.days.ip),
    unverified: t.plural('privacy.howLong.unverified', s.days.unverified),
    grace: t.plural('privacy.howLong.grace', s.days.grace),
  };
  return renderPage(
    c,
    { title: t('privacy.title') },
    <article class="prose">
      <h1>{t('privacy.title')}</h1>
      <p class="lead">{t('privacy.lead', { school: s.schoolName })}</p>
      {sections.map(([title, body]) => (
        <section>
          <h2>{t(title)}</h2>
          {t(body, days)
            .split('\n')
            .map((para) => (
              <p>{para}</p>
            ))}
        </section>
      ))}
      <ControllerSection controller={s.controller} t={t} />
      <section aria-labelledby="processors-h" id="processors">
        <h2 id="processors-h">{t('processors.heading')}</h2>
        <ProcessorsTable processors={s.processors} t={t} />
      </section>
      {s.shown ? <PolicyText policy={s.shown} t={t} locale={locale} /> : null}
      <PolicyVersions {...s} t={t} locale={locale} />
    </article>,
  );
}

function PolicyText({ policy, t, locale }: { policy: PolicyVersion; t: T; locale: Locale }) {
  return (
    <section aria-labelledby="policy-text">
      <h2 id="policy-text">{t('privacy.version.heading', { version: policy.version })}</h2>
      <p class="meta">
        {t('privacy.version.dates', {
          published: formatDate(policy.publishedAt, locale),
          effective: formatDate(policy.effectiveAt, locale),
        })}
      </p>
      <p>
        <strong>{policy.summary}</strong>
      </p>
      {policy.body.split('\n\n').map((para) => (
        <p>{para}</p>
      ))}
    </section>
  );
}

function PolicyVersions(p: PolicyPageState & { t: T; locale: Locale }) {
  const { t, locale } = p;
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">{t('privacy.versions')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('privacy.col.version')}</th>
            <th scope="col">{t('privacy.col.effective')}</th>
            <th scope="col">{t('privacy.col.summary')}</th>
          </tr>
        </thead>
        <tbody>
          {p.versions.map((v) => (
            <tr>
              <td>
                <a href={`/privacy?version=${encodeURIComponent(v.version)}`}>{v.version}</a>
                {p.current?.id === v.id
                  ? ` (${t('privacy.inForce')})`
                  : v.effectiveAt > p.now
                    ? ` (${t('privacy.upcoming')})`
                    : ''}
              </td>
              <td>{formatDate(v.effectiveAt, locale)}</td>
              <td>{v.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
