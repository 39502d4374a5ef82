import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The lines of docs/security-requirements.md, each the name of the test that checks it, so the test
 * list reads as the promise. Wrapped lines are joined with one space.
 */
export const promises = {
  argon2:
    'argon2id, at least m=19456 KiB, t=2, p=1, PHC string stored; rehash on login when the parameters in force are stronger than the stored ones.',
  passwordRules:
    'Length 8..128 (count Unicode code points, NFKC-normalise before hashing); no composition rules; reject passwords found in a common-password list and ones equal to the email/name.',
  noEnumeration:
    'Login, registration, reset and re-auth answers do not tell whether an account exists: same status, same body, and similar time (hash a dummy when the user is unknown).',
  bruteForce:
    'Brute force: per-account and per-IP limits with `429` + `Retry-After`, shared by every instance (kept in the database, not in process memory).',
  tokens:
    'Every secret token (session, email verification, reset, email change, unsubscribe, double opt-in) has ≥ 120 bits from a CSPRNG; only its SHA-256 is stored; comparison is constant-time; single use where it acts once; short expiry (reset: 1 h, verify: 24 h).',
  sessionLifecycle:
    'Session id is rotated at login and at privilege change (no fixation); logout, password change and reset end sessions server-side; idle and absolute expiry both enforced.',
  cookie: 'Cookie: `__Host-` prefix on https, `HttpOnly`, `SameSite=Lax`, `Secure` on https.',
  csrf: 'Unsafe cookie-authenticated requests need a matching `Origin` (CSRF); `?next=` redirects only to same-origin paths (no open redirect).',
  ownership:
    "Every `/me` route acts on the session's user only; ids in paths (sessions, passkeys, bookings) are checked against the owner: another user's id answers 404.",
  roles:
    "Staff and admin routes check the role on the server for every request; every staff read of a user's data is written to the audit log that the user sees.",
  privileged:
    'Sensitive acts (export, delete, email change, passkey add/remove) need a privileged session.',
  recoveryNotMe:
    '"This wasn\'t me" from any security mail ends every session, revokes every outstanding emailed link and pending email change, removes every passkey, TOTP secret and recovery-code set created at or after the reported event, and sends a reset link.',
  recoveryReset:
    'Password reset and change end the other sessions and revoke every other outstanding link and pending email change; second factors survive a reset (mailbox access alone cannot strip them). Passkey sign-in is refused while a reset is required.',
  recoveryEmailChange:
    'Confirming a new email address ends the other sessions, kills links sent to the old one, and mails the old address an undo link valid for 7 days.',
  recoveryRegistration:
    'Registration never changes the password of an existing account, verified or not; the password that becomes active is the one bound to the verification link that was clicked.',
  recoveryMailLimits:
    'Mails that can be triggered by anyone (verification, reset, email change) are limited per recipient address as well as per client, shared by every instance.',
  recoveryAtRest:
    "TOTP secrets are encrypted at rest with a rotatable key; a staff member's IP address and browser are never shown to the person whose data they touched.",
  recoveryNoGetWrites:
    'No GET changes state; a body over the limit always gets its 413 answer, never a reset.',
  validation:
    'zod schemas on every body, query and param; body size limit; strings length-limited; emails normalised (trim, lower-case domain) and validated.',
  html: "All HTML through hono/jsx escaping; strict Content-Security-Policy with nonces, no inline handlers; `X-Content-Type-Options`, `Referrer-Policy`, `frame-ancestors 'none'`.",
  headerInjection:
    'Email headers built from user data cannot inject headers (no CR/LF in subject/name).',
  noSecretsLeak: 'No password, token, cookie or full card/secret in logs, errors or exports.',
  deletion:
    "Deletion removes or anonymises every row that names the user (checked by searching a full database dump for the user's email, name and phone after the purge); records the law requires to keep (payments) are kept without the person's identity.",
  retention:
    'Retention jobs: unverified accounts, expired sessions/tokens, old IP addresses and inactive accounts are purged on schedule; each rule has a documented default.',
  export: 'Export contains everything held about the user and nothing about anyone else.',
} as const;

/** Kept in the repo, so a checkout without ../shared still checks every line. */
export const securityMdPath = fileURLToPath(
  new URL('../../docs/security-requirements.md', import.meta.url),
);

/** The bullet lines of the requirements, continuation lines joined; throws when the file is gone. */
export function securityMdLines(): string[] {
  const lines: string[] = [];
  for (const raw of readFileSync(securityMdPath, 'utf8').split('\n')) {
    if (raw.startsWith('- ')) lines.push(raw.slice(2).trim());
    else if (/^\s+\S/.test(raw) && lines.length && !raw.startsWith('#'))
      lines[lines.length - 1] += ' ' + raw.trim();
    else if (raw.trim() === '' || raw.startsWith('#')) lines.push('\u0000');
  }
  return lines.filter((l) => l !== '\u0000');
}
