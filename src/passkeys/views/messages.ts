import type { T } from '../../i18n';
import { failureMessageKey, type PasskeyFailure } from '../failures';

const failures: PasskeyFailure[] = [
  'challenge-missing',
  'challenge-unknown',
  'challenge-expired',
  'challenge-used',
  'malformed',
  'origin-mismatch',
  'rp-id-mismatch',
  'unknown-credential',
  'counter-regression',
  'invalid-signature',
  'user-not-verified',
  'already-registered',
];

/**
 * What the browser scripts may need to say, in the page's language, keyed by the slug of
 * the problem type (without `passkey-`); handed over in a data attribute, not inline script.
 */
export function passkeyMessages(t: T): Record<string, string> {
  return {
    generic: t('passkey.error.generic'),
    cancelled: t('passkey.error.cancelled'),
    unsupported: t('passkey.error.unsupported'),
    working: t('passkey.working'),
    'rate-limited': t('passkey.error.rate-limited'),
    'last-sign-in-method': t('passkey.error.last'),
    'password-reset-required': t('passkey.error.reset-required'),
    ...Object.fromEntries(failures.map((f) => [f, t(failureMessageKey(f))])),
  };
}
