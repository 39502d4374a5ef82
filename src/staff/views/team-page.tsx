import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type MessageKey, type T } from '../../i18n';
import { Notice } from '../../views/components';
import type { listTeam } from '../roles';
import { StaffField } from './staff-field';
import { renderStaffPage } from '../../views/staff-frame';

type Member = Awaited<ReturnType<typeof listTeam>>[number];

function MembersSection(p: { t: T; members: Member[]; selfId: string }) {
  return (
    <section class="card" aria-labelledby="members-h">
      <h2 id="members-h">{p.t('staff.team.members')}</h2>
      <div class="table-wrap">
        <table class="stack-sm">
          <thead>
            <tr>
              <th scope="col">{p.t('staff.col.name')}</th>
              <th scope="col">{p.t('staff.col.email')}</th>
              <th scope="col">{p.t('staff.col.role')}</th>
              <th scope="col">{p.t('staff.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {p.members.map((m) => (
              <tr>
                <th scope="row">{m.name}</th>
                <td data-label={p.t('staff.col.email')}>{m.email}</td>
                <td data-label={p.t('staff.col.role')}>
                  {p.t(`staff.role.${m.role}` as MessageKey)}
                </td>
                <td data-label={p.t('staff.col.actions')}>
                  {m.id === p.selfId ? (
                    <span class="badge">{p.t('staff.team.you')}</span>
                  ) : m.role === 'staff' ? (
                    <form method="post" action={`/staff/team/${m.id}/remove`} class="inline-form">
                      <button type="submit" class="button small danger">
                        {p.t('staff.team.remove')}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Staff access is given by email: the admin names the person, the role follows their account. */
function GrantSection(p: { t: T; email?: string; error?: string }) {
  return (
    <section class="card" aria-labelledby="grant-h">
      <h2 id="grant-h">{p.t('staff.team.grant')}</h2>
      <form method="post" action="/staff/team/grant">
        <StaffField
          form="grant"
          name="email"
          type="email"
          label={p.t('staff.team.grant.label')}
          value={p.email}
          error={p.error}
          required
          maxlength={254}
        />
        <div class="form-actions">
          <button type="submit" class="button">
            {p.t('staff.team.grant.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** /staff/team (admins): who has console access, and the forms that grant or remove it. */
export function teamPage(
  c: Context<AppEnv>,
  s: {
    members: Member[];
    selfId: string;
    notice?: string;
    error?: string;
    email?: string;
    status?: 200 | 400 | 404 | 409;
  },
) {
  const t = translator(c.get('locale'));
  return renderStaffPage(
    c,
    { title: t('staff.team.title'), section: 'team', status: s.status },
    <>
      <h1>{t('staff.team.title')}</h1>
      <p class="lead">{t('staff.team.lead')}</p>
      {s.notice ? <Notice kind="success">{s.notice}</Notice> : null}
      <MembersSection t={t} members={s.members} selfId={s.selfId} />
      <GrantSection t={t} email={s.email} error={s.error} />
    </>,
  );
}
