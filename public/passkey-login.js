// Sign in (or re-authenticate) with a passkey: the button on /login and /reauth, plus
// conditional UI (passkeys offered in the email field's autofill) on /login where supported.
import { messageFor, post, say, webauthn } from './passkey-common.js';

const box = document.getElementById('passkey-login');

if (box && webauthn?.browserSupportsWebAuthn()) {
  const mode = box.dataset.mode;
  const next = box.dataset.next || '/account';
  const messages = JSON.parse(box.dataset.messages || '{}');
  const button = document.getElementById('passkey-login-button');
  const status = document.getElementById('passkey-login-status');
  box.hidden = false;

  const remember = () => document.getElementById('f-remember')?.checked === true;

  async function ceremony(useBrowserAutofill) {
    const optionsPath =
      mode === 'reauth' ? '/api/v1/auth/reauth/passkey/options' : '/api/v1/auth/passkey/options';
    const options = await post(optionsPath);
    if (!options.ok)
      return useBrowserAutofill ? undefined : say(status, messageFor(messages, options.data), true);
    let response;
    try {
      response = await webauthn.startAuthentication({
        optionsJSON: options.data,
        useBrowserAutofill,
      });
    } catch (err) {
      // An autofill request is aborted whenever the button starts another one: not an error.
      if (!useBrowserAutofill) say(status, messageFor(messages, err), true);
      return;
    }
    say(status, messages.working);
    const done =
      mode === 'reauth'
        ? await post('/api/v1/auth/reauth', { response })
        : await post('/api/v1/auth/passkey/verify', { response, remember: remember() });
    if (done.ok) {
      window.location.assign(next);
      return;
    }
    say(status, messageFor(messages, done.data), true);
  }

  button?.addEventListener('click', () => {
    button.disabled = true;
    say(status, messages.working);
    ceremony(false).finally(() => {
      button.disabled = false;
    });
  });

  if (mode === 'login' && document.querySelector('input[autocomplete~="webauthn"]')) {
    webauthn.browserSupportsWebAuthnAutofill().then((supported) => {
      if (supported) ceremony(true);
    });
  }
}
