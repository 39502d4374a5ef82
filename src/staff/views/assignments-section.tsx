import type { T } from '../../i18n';
import type { PageDates } from '../../views/dates';
import type { AssignedStaff } from '../assignments';
import type { FormState } from './booking-forms';
import { LandingMessage, type Landing } from './landing';

export type AssignableStaff = { id: string; email: string; name: string };

/** The admin's form that assigns one more staff member to the person. */
function AssignForm(p: {
  t: T;
  userId: string;
  choices: AssignableStaff[];
  failed?: FormState;
  landing?: Landing;
}) {
  const error = p.failed?.errors.staffId;
  if (p.choices.length === 0)
    return (
      <>
        <LandingMessage at="form:assign" landing={p.landing} />
        <p>{p.t('staff.assign.noneLeft')}</p>
      </>
    );
  return (
    <form method="post" action={`/staff/users/${p.userId}/assignments`}>
      <LandingMessage at="form:assign" landing={p.landing} />
      <div class={error ? 'field has-error' : 'field'}>
        <label for="assign-staffId">{p.t('staff.assign.label')}</label>
        <select
          id="assign-staffId"
          name="staffId"
          required
          aria-describedby={error ? 'assign-staffId-error' : undefined}
        >
          {p.choices.map((m) => (
            <option value={m.id} selected={p.failed?.values.staffId === m.id}>
              {`${m.name} (${m.email})`}
            </option>
          ))}
        </select>
        {error ? (
          <p class="field-error" id="assign-staffId-error">
            {error}
          </p>
        ) : null}
      </div>
      <div class="form-actions">
        <button type="submit" class="button">
          {p.t('staff.assign.submit')}
        </button>
      </div>
    </form>
  );
}

/**
 * Who works with the person: the staff an admin assigned (teachers with a lesson see them
 * without). Admins get the forms that assign and unassign; `choices` is null for teachers.
 */
export function AssignmentsSection(p: {
  t: T;
  when: PageDates;
  userId: string;
  assigned: AssignedStaff[];
  choices: AssignableStaff[] | null;
  failed?: FormState;
  landing?: Landing;
}) {
  const { t } = p;
  return (
    <section class="card" aria-labelledby="assignments-h" id="assignments">
      <h2 id="assignments-h">{t('staff.assign.title')}</h2>
      <LandingMessage at="section:assignments" landing={p.landing} />
      <p class="meta">{t('staff.assign.lead')}</p>
      {p.assigned.length === 0 ? (
        <p>{t('staff.assign.none')}</p>
      ) : (
        <ul>
          {p.assigned.map((a) => (
            <li>
              {`${a.name} (${a.email}) · ${t('staff.assign.since', { date: p.when.date(a.since) })}`}
              {p.choices ? (
                <form
                  method="post"
                  action={`/staff/users/${p.userId}/assignments/${a.id}/remove`}
                  class="inline-form"
                >
                  <button type="submit" class="button small danger">
                    {t('staff.assign.remove')}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {p.choices ? (
        <AssignForm
          t={t}
          userId={p.userId}
          choices={p.choices}
          failed={p.failed}
          landing={p.landing}
        />
      ) : null}
    </section>
  );
}
