// Shared by passkey-login.js and passkey-register.js: the vendored @simplewebauthn/browser
// (its own single-file build, copied verbatim into public/ so no CDN and no build step is
// needed; a test keeps the copy equal to the installed package) and small helpers.
import './passkey-simplewebauthn-browser.js';

export const webauthn = globalThis.SimpleWebAuthnBrowser;

/** Shows a message in a status element; errors are announced at once. */
export function say(el, text, isError = false) {
  if (!el) return;
  el.textContent = text;
  el.className = isError ? 'notice notice-error' : 'hint';
  el.setAttribute('role', isError ? 'alert' : 'status');
}

/** POSTs JSON to our API (same origin: the browser sends Origin, the session cookie rides along). */
export async function post(path, body) {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  if (res.status !== 204) {
    try {
      data = await res.json();
    } catch {
      data = null;
    }
  }
  return { status: res.status, ok: res.ok, data };
}

/** The slug of a problem type (`…/problems/passkey-challenge-expired` → `challenge-expired`). */
export function problemSlug(problem) {
  const type = typeof problem?.type === 'string' ? problem.type : '';
  return type.slice(type.lastIndexOf('/') + 1).replace(/^passkey-/, '');
}

/** The page's message for a failed request or ceremony. */
export function messageFor(messages, problemOrError) {
  if (problemOrError instanceof Error) {
    const name = problemOrError.name;
    const code = problemOrError.code;
    if (name === 'NotAllowedError' || name === 'AbortError' || code === 'ERROR_CEREMONY_ABORTED')
      return messages.cancelled;
    if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return messages['already-registered'];
    return messages.generic;
  }
  return messages[problemSlug(problemOrError)] ?? messages.generic;
}
