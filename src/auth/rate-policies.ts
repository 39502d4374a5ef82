import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import type { RatePolicy } from '../http/rate-limit-headers';
import { accountSubject, addressSubject, authRules, rateSubject } from './rules';

type Rules = ReturnType<typeof authRules>;

const byAddress = (c: Context<AppEnv>) => addressSubject(c.get('clientIp'));
const bySignedInPerson = (c: Context<AppEnv>) => {
  const auth = c.get('auth');
  return auth ? rateSubject(auth.user.id) : null;
};
/** The counter of the address signed in with, once the body was valid (same key as sign-in-slots). */
const bySignInEmail = (c: Context<AppEnv>) => {
  const body = (
    c.req as unknown as { valid(target: 'json'): { email?: string } | undefined }
  ).valid('json');
  return body?.email ? accountSubject(body.email) : null;
};

const policy = (name: keyof Rules, subject: RatePolicy['subject']): RatePolicy => ({
  rule: (config) => authRules(config)[name],
  subject,
});

/** The limits of the auth flows, for the RateLimit headers of the routes that count them. */
export const authRateLimits = {
  registrationsByAddress: policy('registrationsPerIp', byAddress),
  emailsByAddress: policy('emailsPerIp', byAddress),
  failedSignInsByAddress: policy('loginFailuresPerIp', byAddress),
  failedSignInsByAccount: policy('loginFailuresPerAccount', bySignInEmail),
  failedReauthsByPerson: policy('reauthFailuresPerAccount', bySignedInPerson),
  emailsByPerson: policy('emailsPerAccount', bySignedInPerson),
  failedCodesByPerson: policy('twoFactorFailuresPerAccount', bySignedInPerson),
};
