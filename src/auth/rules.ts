import type { Config } from '../config';
import type { Deps } from '../deps';
import { hitRate, type RateRule } from '../http/rate-limit';
import { hashSecret } from '../platform/secret-tokens';

const minute = 60_000;
const hour = 60 * minute;

/**
 * Limits per client address are generous (a school's computer room shares one NAT address);
 * limits per account are tight, since a real person rarely needs more than a few tries.
 */
export function authRules(config: Config) {
  const r = config.rateLimits;
  return {
    loginFailuresPerAccount: {
      name: 'login-fail-acct',
      limit: r.loginFailuresPerAccount,
      windowMs: 15 * minute,
    },
    loginFailuresPerIp: { name: 'login-fail-ip', limit: r.loginFailuresPerIp, windowMs: hour },
    registrationsPerIp: { name: 'register-ip', limit: r.registrationsPerIp, windowMs: hour },
    emailsPerAccount: { name: 'email-acct', limit: r.emailsPerAccount, windowMs: hour },
    emailsPerIp: { name: 'email-ip', limit: r.emailsPerIp, windowMs: hour },
    // Anyone can make us mail any address (register, resend, forgot, email change): this one
    // counter per inbox, shared by those flows, keeps the service from being a mail bomb.
    mailsPerRecipient: { name: 'mail-to', limit: r.mailsPerRecipient, windowMs: hour },
    reauthFailuresPerAccount: {
      name: 'reauth-fail-acct',
      limit: r.loginFailuresPerAccount,
      windowMs: 15 * minute,
    },
    alreadyRegisteredNotices: { name: 'already-registered', limit: 1, windowMs: hour },
    lockoutNotices: { name: 'lockout-notice', limit: 1, windowMs: 15 * minute },
    // Three codes of a million are valid at any moment (one step of drift either way), so five
    // guesses per 15 minutes give about 1 chance in 700 a day, to someone who has the password.
    twoFactorFailuresPerAccount: { name: 'two-factor-fail-acct', limit: 5, windowMs: 15 * minute },
  } satisfies Record<string, RateRule>;
}

/** Rate-limit subjects are not stored in clear: the key holds no email address. */
export { hashSecret as rateSubject } from '../platform/secret-tokens';

/** The subject of a per-address counter; every client whose address is unknown shares one. */
export const addressSubject = (ip: string | null | undefined) => hashSecret(ip ?? 'unknown');

/** The subject of a per-account counter kept by address, whatever case it was typed in. */
export const accountSubject = (email: string) => hashSecret(email.toLowerCase());

/** Counts one mail that anyone could have asked for to `address`, whether or not it has an account. */
export function hitRecipientLimit(deps: Pick<Deps, 'db' | 'config'>, address: string, now: Date) {
  return hitRate(
    deps.db,
    authRules(deps.config).mailsPerRecipient,
    hashSecret(address.trim().toLowerCase()),
    now,
  );
}
