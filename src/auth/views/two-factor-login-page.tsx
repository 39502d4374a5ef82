import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type T } from '../../i18n';
import { Notice } from '../../views/components';
import { renderPage } from '../../views/layout';

/** `?use=recovery-code`: the field is for a recovery code (letters and digits). */
export type CodeKind = 'app' | 'recovery-code';

export const codeKindOf = (query: string | undefined): CodeKind =>
  query === 'recovery-code' ? 'recovery-code' : 'app';

/** /login/2fa with what to ask for and where to go next, as the form and links need it. */
function stepPath(kind: CodeKind, next: string | undefined) {
  const query = new URLSearchParams();
  if (kind === 'recovery-code') query.set('use', kind);
  if (next) query.set('next', next);
  const search = query.toString();
  return `/login/2fa${search ? `?${search}` : ''}`;
}

/**
 * The code field, fitted to what is typed: an app code gets the digit keypad and one-time-code
 * autofill; a recovery code (a-z and 2-7) a keyboard with letters that neither capitalises nor
 * corrects. The server takes either kind from either field.
 */
function CodeField(p: { t: T; kind: CodeKind; error?: string }) {
  const { t } = p;
  const recovery = p.kind === 'recovery-code';
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for="f-code">
        {t(recovery ? 'twoFactor.login.recoveryLabel' : 'twoFactor.login.appLabel')}
      </label>
      {recovery ? (
        <p class="hint" id="f-code-hint">
          {t('twoFactor.login.recoveryHint')}
        </p>
      ) : null}
      <input
        id="f-code"
        name="code"
        type="text"
        required
        maxlength={40}
        autocomplete={recovery ? 'off' : 'one-time-code'}
        inputmode={recovery ? 'text' : 'numeric'}
        autocapitalize="off"
        autocorrect="off"
        spellcheck={false}
        autofocus={!!p.error}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={recovery ? 'f-code-hint' : undefined}
      />
    </div>
  );
}

/** The second step of a password sign-in: an app code, or (one link away) a recovery code. */
export function twoFactorLoginPage(
  c: Context<AppEnv>,
  s: { next?: string; kind?: CodeKind; error?: string; status?: 200 | 401 | 429 },
) {
  const t = translator(c.get('locale'));
  const kind = s.kind ?? 'app';
  const other: CodeKind = kind === 'app' ? 'recovery-code' : 'app';
  return renderPage(
    c,
    { title: t('twoFactor.login.title'), status: s.status ?? 200 },
    <section class="card narrow">
      <h1>{t('twoFactor.login.title')}</h1>
      <p>{t(kind === 'app' ? 'twoFactor.login.lead' : 'twoFactor.login.recoveryLead')}</p>
      {s.error ? <Notice kind="error">{s.error}</Notice> : null}
      <form method="post" action={stepPath(kind, s.next)}>
        <CodeField t={t} kind={kind} error={s.error} />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('twoFactor.login.submit')}
          </button>
          <a href="/login">{t('form.cancel')}</a>
        </div>
      </form>
      <p>
        <a href={stepPath(other, s.next)}>
          {t(kind === 'app' ? 'twoFactor.login.useRecovery' : 'twoFactor.login.useApp')}
        </a>
      </p>
    </section>,
  );
}
