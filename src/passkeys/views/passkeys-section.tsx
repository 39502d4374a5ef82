import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type T } from '../../i18n';
import { pageDates, type PageDates } from '../../views/dates';
import { Field } from '../../views/components';
import type { PasskeyRow } from '../credentials';
import { passkeyMessages } from './messages';

/**
 * One passkey: rename is a plain form behind <details>; remove links to its own page. On a
 * phone the row is a card: the name, then each value under its column's name.
 */
function PasskeyLine({ t, when, k }: { t: T; when: PageDates; k: PasskeyRow }) {
  return (
    <tr>
      <th scope="row">
        {k.name} {k.backedUp ? <span class="badge ok">{t('passkey.synced')}</span> : null}
      </th>
      <td data-label={t('passkey.col.created')}>{when.dateTime(k.createdAt)}</td>
      <td data-label={t('passkey.col.lastUsed')}>
        {k.lastUsedAt ? when.dateTime(k.lastUsedAt) : t('passkey.never')}
      </td>
      <td>
        <details>
          <summary>
            {t('passkey.rename')}
            <span class="visually-hidden"> {k.name}</span>
          </summary>
          <form method="post" action={`/account/security/passkeys/${k.id}/rename`}>
            <Field
              name="name"
              id={`f-passkey-${k.id}-name`}
              label={t('passkey.rename.label', { name: k.name })}
              value={k.name}
              maxlength={100}
              required
            />
            <button type="submit" class="button small">
              {t('form.save')}
            </button>
          </form>
        </details>
        <a class="button small danger" href={`/account/security/passkeys/${k.id}/remove`}>
          {t('passkey.remove')}
          <span class="visually-hidden"> {k.name}</span>
        </a>
      </td>
    </tr>
  );
}

function PasskeyList({ t, when, passkeys }: { t: T; when: PageDates; passkeys: PasskeyRow[] }) {
  return (
    <div class="table-wrap">
      <table id="passkey-list" class="stack-sm">
        <thead>
          <tr>
            <th scope="col">{t('passkey.col.name')}</th>
            <th scope="col">{t('passkey.col.created')}</th>
            <th scope="col">{t('passkey.col.lastUsed')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('security.col.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {passkeys.map((k) => (
            <PasskeyLine t={t} when={when} k={k} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Without JavaScript it posts, and the answer says why nothing could be added. */
function PasskeyAddForm({ t, isPrivileged }: { t: T; isPrivileged: boolean }) {
  return (
    <form
      method="post"
      action="/account/security/passkeys/add"
      id="passkey-add"
      data-messages={JSON.stringify(passkeyMessages(t))}
    >
      <Field
        name="name"
        label={t('passkey.add.name')}
        hint={t('passkey.add.nameHint')}
        maxlength={100}
      />
      {isPrivileged ? null : <p class="hint">{t('passkey.add.reauth')}</p>}
      <div class="form-actions">
        <button type="submit" class="button">
          {t('passkey.add.submit')}
        </button>
      </div>
      <p id="passkey-add-status" role="status" aria-live="polite"></p>
    </form>
  );
}

/**
 * The "Passkeys" card of the security page. Rename is a plain form; remove is a link to its
 * own confirmation page (src/passkeys/views/passkey-remove-page.tsx); adding one
 * needs the WebAuthn API, so `/assets/passkey-register.js` takes over the add form (without
 * JavaScript the form says so instead of failing silently).
 */
export function PasskeysSection(p: {
  c: Context<AppEnv>;
  passkeys: PasskeyRow[];
  isPrivileged: boolean;
}) {
  const t = translator(p.c.get('locale'));
  const when = pageDates(p.c);
  return (
    <section class="card" aria-labelledby="passkeys-h" id="passkeys">
      <h2 id="passkeys-h">{t('passkey.section')}</h2>
      <p>{t('passkey.lead')}</p>
      {p.passkeys.length === 0 ? (
        <p class="meta">{t('passkey.none')}</p>
      ) : (
        <PasskeyList t={t} when={when} passkeys={p.passkeys} />
      )}
      <PasskeyAddForm t={t} isPrivileged={p.isPrivileged} />
    </section>
  );
}
