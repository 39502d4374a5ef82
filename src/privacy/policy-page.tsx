import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { translator, type MessageKey } from '../i18n';
import { formatDate } from '../i18n/format';
import { renderPage } from '../views/layout';
import { currentPolicy, listPolicies } from '../core/policies';

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
export async function showPrivacyPolicy(c: Context<AppEnv>) {
  const locale = c.get('locale');
  const t = translator(locale);
  const { db, clock, config } = c.get('deps');
  const now = clock.now();
  const [current, versions] = await Promise.all([currentPolicy(db, now), listPolicies(db)]);
  const wanted = c.req.query('version');
  const shown = (wanted && versions.find((v) => v.version === wanted)) || current;
  const days = {
    ip: config.ipRetentionDays,
    inactive: config.inactiveAccountDays,
    grace: config.deletionGraceDays,
    unverified: config.unverifiedAccountDays,
  };
  return renderPage(
    c,
    { title: t('privacy.title') },
    <article class="prose">
      <h1>{t('privacy.title')}</h1>
      <p class="lead">{t('privacy.lead', { school: config.schoolName })}</p>
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
      {shown ? (
        <section aria-labelledby="policy-text">
          <h2 id="policy-text">{t('privacy.version.heading', { version: shown.version })}</h2>
          <p class="meta">
            {t('privacy.version.dates', {
              published: formatDate(shown.publishedAt, locale),
              effective: formatDate(shown.effectiveAt, locale),
            })}
          </p>
          <p>
            <strong>{shown.summary}</strong>
          </p>
          {shown.body.split('\n\n').map((para) => (
            <p>{para}</p>
          ))}
        </section>
      ) : null}
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
            {versions.map((v) => (
              <tr>
                <td>
                  <a href={`/privacy?version=${encodeURIComponent(v.version)}`}>{v.version}</a>
                  {current?.id === v.id
                    ? ` (${t('privacy.inForce')})`
                    : v.effectiveAt > now
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
    </article>,
  );
}
