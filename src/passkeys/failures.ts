import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../http/env';
import { problem } from '../http/problem';
import type { MessageKey } from '../i18n';
import type { ChallengeFailure } from './challenges';
import type { CeremonyFailure } from './ceremony-checks';
import { relyingParty } from './relying-party';

/** Every way a passkey ceremony can fail, each with its own problem type and message. */
export type PasskeyFailure =
  | ChallengeFailure
  | CeremonyFailure
  | 'challenge-missing'
  | 'unknown-credential'
  | 'counter-regression'
  | 'invalid-signature'
  | 'user-not-verified'
  | 'already-registered';

const statusOf: Record<PasskeyFailure, ContentfulStatusCode> = {
  'challenge-missing': 400,
  'challenge-unknown': 400,
  'challenge-expired': 400,
  'challenge-used': 400,
  malformed: 400,
  'origin-mismatch': 400,
  'rp-id-mismatch': 400,
  'unknown-credential': 401,
  'counter-regression': 401,
  'invalid-signature': 401,
  'user-not-verified': 401,
  'already-registered': 409,
};

const titleOf: Record<PasskeyFailure, string> = {
  'challenge-missing': 'No passkey request is open here; start again',
  'challenge-unknown': 'This passkey request is not known; start again',
  'challenge-expired': 'This passkey request has expired (after 5 minutes); start again',
  'challenge-used': 'This passkey request was already used; start again',
  malformed: 'The passkey answer is not a valid WebAuthn response',
  'origin-mismatch': 'The passkey was used on another web address than this service',
  'rp-id-mismatch': 'The passkey was made for another site than this service',
  'unknown-credential': 'This passkey is not registered for any account here',
  'counter-regression': 'This passkey looks cloned: its signature counter went backwards',
  'invalid-signature': 'The passkey answer could not be verified',
  'user-not-verified':
    'Two-step sign-in is on: the passkey must verify you (PIN, fingerprint or face)',
  'already-registered': 'This passkey is already registered',
};

/** The message key shown on pages (and by the browser script) for each failure. */
export const failureMessageKey = (reason: PasskeyFailure) =>
  `passkey.error.${reason}` as MessageKey;

/** A problem+json answer naming the failure; origin and RP ID problems say what was expected. */
export function passkeyProblem(
  c: Context<AppEnv>,
  reason: PasskeyFailure,
  seen?: { origin?: string },
) {
  const rp = relyingParty(c.get('deps').config);
  const detail =
    reason === 'origin-mismatch'
      ? `The browser signed for ${seen?.origin ?? 'another origin'}; passkeys here work only at ${rp.origin} (APP_URL).`
      : reason === 'rp-id-mismatch'
        ? `Expected the RP ID ${rp.id}, the host name of APP_URL (${rp.origin}).`
        : undefined;
  return problem(c, {
    status: statusOf[reason],
    type: `passkey-${reason}`,
    title: titleOf[reason],
    detail,
  });
}
