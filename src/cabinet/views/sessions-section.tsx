import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type T } from '../../i18n';
import { pageDates, type PageDates } from '../../views/dates';
import { describeDevice } from '../../views/device-label';
import { renderPage } from '../../views/layout';

export type SessionRow = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
};

function SessionLine(p: { t: T; when: PageDates; session: SessionRow; isCurrent: boolean }) {
  const { t, session: x } = p;
  return (
    <tr>
      <th scope="row" title={x.userAgent ?? ''}>
        {describeDevice(x.userAgent)}
      </th>
      <td data-label={t('security.col.ip')}>{x.ip ?? '—'}</td>
      <td data-label={t('security.col.lastSeen')}>{p.when.dateTime(x.lastSeenAt)}</td>
      <td>
        {p.isCurrent ? (
          <span class="badge ok">{t('security.thisDevice')}</span>
        ) : (
          <form method="post" action={`/account/security/sessions/${x.id}/end`} class="inline-form">
            <button type="submit" class="button small secondary">
              {t('security.endSession')}
              <span class="visually-hidden">{` (${describeDevice(x.userAgent)}, ${x.ip ?? '—'})`}</span>
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

/**
 * The security page's list of signed-in devices; each but this one can be ended. The action
 * cell has no column name on a phone: its button names itself.
 */
export function SessionsSection(p: {
  c: Context<AppEnv>;
  sessions: SessionRow[];
  currentSessionId: string;
}) {
  const t = translator(p.c.get('locale'));
  const when = pageDates(p.c);
  const others = p.sessions.filter((x) => x.id !== p.currentSessionId).length;
  return (
    <section class="card" aria-labelledby="sessions-h" id="sessions">
      <h2 id="sessions-h">{t('security.sessions')}</h2>
      {/* On a phone each device is a card (its name, then each value under its column's name). */}
      <table class="stack-sm">
        <thead>
          <tr>
            <th scope="col">{t('security.col.device')}</th>
            <th scope="col">{t('security.col.ip')}</th>
            <th scope="col">{t('security.col.lastSeen')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('security.col.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.sessions.map((x) => (
            <SessionLine t={t} when={when} session={x} isCurrent={x.id === p.currentSessionId} />
          ))}
        </tbody>
      </table>
      {others > 0 ? (
        <p>
          <a class="button secondary" href="/account/security/sessions/end-others">
            {t('security.endOthers', { count: others })}
          </a>
        </p>
      ) : null}
    </section>
  );
}

export function endOthersConfirmPage(c: Context<AppEnv>, count: number) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: t('security.endOthers.title'), section: 'security' },
    <section class="card narrow">
      <h1>{t('security.endOthers.title')}</h1>
      <p>{t('security.endOthers.body', { count })}</p>
      <form method="post" action="/account/security/sessions/end-others" class="form-actions">
        <button type="submit" class="button danger">
          {t('security.endOthers', { count })}
        </button>
        <a href="/account/security#sessions">{t('form.cancel')}</a>
      </form>
    </section>,
  );
}
