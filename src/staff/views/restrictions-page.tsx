import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type T } from '../../i18n';
import { pageDates } from '../../views/dates';
import { Field, Notice } from '../../views/components';
import type { RestrictionRequest } from '../../privacy';
import { renderStaffPage } from '../../views/staff-frame';

export type RestrictionsState = {
  requests: RestrictionRequest[];
  notice?: string;
  /** A decision form that failed: whose, what was typed, and the error. */
  failed?: { userId: string; decision: string; reason: string; error: string };
  status?: 200 | 400 | 409;
};

/** One person's decision form: upheld or lifted, with the reason the person is told. */
function DecisionForm(p: { t: T; userId: string; failed?: RestrictionsState['failed'] }) {
  const { t, failed } = p;
  const chosen = failed?.decision ?? 'upheld';
  return (
    <form method="post" action={`/staff/restrictions/${p.userId}`}>
      <fieldset>
        <legend>{t('staff.restrictions.decision')}</legend>
        {(['upheld', 'lifted'] as const).map((d) => (
          <label>
            <input type="radio" name="decision" value={d} checked={chosen === d} required />{' '}
            {t(`staff.restrictions.${d}`)}
          </label>
        ))}
      </fieldset>
      <Field
        id={`reason-${p.userId}`}
        name="reason"
        label={t('staff.restrictions.reason')}
        hint={t('staff.restrictions.reason.hint')}
        value={failed?.reason}
        error={failed?.error}
        textarea
        required
        maxlength={1000}
        autofocus={!!failed}
      />
      <div class="form-actions">
        <button type="submit" class="button small">
          {t('staff.restrictions.submit')}
        </button>
      </div>
    </form>
  );
}

/** /staff/restrictions (admins): the people waiting for a decision on their restriction. */
export function restrictionsPage(c: Context<AppEnv>, s: RestrictionsState) {
  const t = translator(c.get('locale'));
  const when = pageDates(c);
  return renderStaffPage(
    c,
    { title: t('staff.restrictions.title'), section: 'restrictions', status: s.status },
    <>
      <h1>{t('staff.restrictions.title')}</h1>
      <p class="lead">{t('staff.restrictions.lead')}</p>
      {s.notice ? <Notice kind="success">{s.notice}</Notice> : null}
      {s.failed ? <Notice kind="error">{s.failed.error}</Notice> : null}
      {s.requests.length === 0 ? (
        <p>{t('staff.restrictions.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="stack-sm">
            <thead>
              <tr>
                <th scope="col">{t('staff.restrictions.col.person')}</th>
                <th scope="col">{t('staff.restrictions.col.since')}</th>
                <th scope="col">{t('staff.restrictions.col.reason')}</th>
                <th scope="col">{t('staff.restrictions.col.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {s.requests.map((r) => (
                <tr id={`request-${r.id}`}>
                  <th scope="row">
                    <a href={`/staff/users/${r.id}`}>{`${r.name} <${r.email}>`}</a>
                  </th>
                  <td data-label={t('staff.restrictions.col.since')}>
                    {when.dateTime(r.restrictedAt)}
                  </td>
                  <td data-label={t('staff.restrictions.col.reason')}>{r.reason ?? '—'}</td>
                  <td data-label={t('staff.restrictions.col.decision')}>
                    <DecisionForm
                      t={t}
                      userId={r.id}
                      failed={s.failed?.userId === r.id ? s.failed : undefined}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
}
