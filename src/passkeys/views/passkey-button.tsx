import { translator, type Locale } from '../../i18n';
import { passkeyMessages } from './messages';

/**
 * The "use a passkey" button of the sign-in and re-authentication pages. It starts hidden:
 * `/assets/passkey-login.js` shows it only where the browser can use passkeys, so without
 * JavaScript the page is simply the password form.
 */
export function PasskeyButton(p: { locale: Locale; mode: 'login' | 'reauth'; next: string }) {
  const t = translator(p.locale);
  return (
    <div
      id="passkey-login"
      class="passkey-login"
      data-mode={p.mode}
      data-next={p.next}
      data-messages={JSON.stringify(passkeyMessages(t))}
      hidden
    >
      <button type="button" class="button secondary" id="passkey-login-button">
        {p.mode === 'login' ? t('passkey.login.button') : t('passkey.reauth.button')}
      </button>
      <p id="passkey-login-status" role="status" class="hint" aria-live="polite"></p>
    </div>
  );
}
