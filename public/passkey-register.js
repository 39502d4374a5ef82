// Adds a passkey from /account/security. Needs a privileged session: when the server answers
// reauth-required, the person confirms it is them first and comes back to this form.
import { messageFor, post, problemSlug, say, webauthn } from './passkey-common.js';

const form = document.getElementById('passkey-add');

if (form) {
  const messages = JSON.parse(form.dataset.messages || '{}');
  const status = document.getElementById('passkey-add-status');
  const button = form.querySelector('button[type="submit"]');
  const reauth = () =>
    window.location.assign('/reauth?next=' + encodeURIComponent('/account/security#passkeys'));

  if (!webauthn?.browserSupportsWebAuthn()) {
    say(status, messages.unsupported, true);
    if (button) button.disabled = true;
  } else {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (button) button.disabled = true;
      try {
        say(status, messages.working);
        const options = await post('/api/v1/me/passkeys/options');
        if (problemSlug(options.data) === 'reauth-required') return reauth();
        if (!options.ok) return say(status, messageFor(messages, options.data), true);
        let response;
        try {
          response = await webauthn.startRegistration({ optionsJSON: options.data });
        } catch (err) {
          return say(status, messageFor(messages, err), true);
        }
        const name = (new FormData(form).get('name') || '').toString().trim();
        const saved = await post('/api/v1/me/passkeys', name ? { response, name } : { response });
        if (saved.status === 201)
          return window.location.assign('/account/security?notice=passkey-added#passkeys');
        if (problemSlug(saved.data) === 'reauth-required') return reauth();
        say(status, messageFor(messages, saved.data), true);
      } finally {
        if (button) button.disabled = false;
      }
    });
  }
}
