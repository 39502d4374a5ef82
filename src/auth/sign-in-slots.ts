import type { Deps } from '../deps';
import { releaseAndClearRates, releaseRate, takeRate } from '../http/rate-limit';
import { accountSubject, addressSubject, authRules } from './rules';

export type SignInSlots = {
  /** The attempt was not a failure (a right password, whatever came next): give both back. */
  giveBack(): Promise<void>;
  /** Signed in: give the address's slot back and wipe the account's failures. */
  succeed(): Promise<void>;
};

/**
 * Every password check takes a failure slot per client address and per account before the
 * hash is compared, atomically, so a burst of parallel guesses cannot all slip under the
 * limit; attempts that turn out not to be failures give their slots back.
 */
export async function takeSignInSlots(
  deps: Pick<Deps, 'db' | 'config'>,
  ip: string | null,
  email: string,
  now: Date,
): Promise<({ ok: true } & SignInSlots) | { ok: false; retryAfterSeconds: number }> {
  const rules = authRules(deps.config);
  const ipKey = addressSubject(ip);
  const accountKey = accountSubject(email);
  const byIp = await takeRate(deps.db, rules.loginFailuresPerIp, ipKey, now);
  if (!byIp.ok) return byIp;
  const byAccount = await takeRate(deps.db, rules.loginFailuresPerAccount, accountKey, now);
  if (!byAccount.ok) {
    await releaseRate(deps.db, rules.loginFailuresPerIp, ipKey, now);
    return byAccount;
  }
  return {
    ok: true,
    async giveBack() {
      await releaseRate(deps.db, rules.loginFailuresPerIp, ipKey, now);
      await releaseRate(deps.db, rules.loginFailuresPerAccount, accountKey, now);
    },
    // After the commit, so parallel sign-ins from one address do not queue on its row's lock.
    async succeed() {
      await releaseAndClearRates(
        deps.db,
        { rule: rules.loginFailuresPerIp, subject: ipKey, takenAt: now },
        { rule: rules.loginFailuresPerAccount, subject: accountSubject(email) },
      );
    },
  };
}
