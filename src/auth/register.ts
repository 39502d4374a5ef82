import { users } from '../../db/schema';
import type { Deps } from '../deps';
import type { Locale } from '../i18n';
import { hitRate } from '../http/rate-limit';
import { emailedLink } from '../mail/emailed-link';
import { queueMail } from '../mail/queue';
import { recordEvent, type RequestMeta } from '../core/activity';
import { currentPolicy } from '../core/policies';
import {
  checkPassword,
  isBreachedPassword,
  normalizePassword,
  type PasswordProblem,
} from '../core/password-policy';
import { addressSubject, authRules, hitRecipientLimit } from './rules';
import { findUserByEmail, type UserRow } from '../core/users';
import type { Executor } from '../platform/db-types';
import { isUniqueViolation } from '../platform/db-errors';

export type RegisterInput = {
  email: string;
  password: string;
  name: string;
  locale: Locale;
  /** A zone the runtime knows (checked by the caller), or none: times then show in UTC. */
  timeZone?: string | null;
};
export type RegisterResult =
  | { ok: true }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number }
  | { ok: false; reason: 'weak-password'; problem: PasswordProblem };

/** Checks a new password against every rule, the optional breach list included. */
export async function judgeNewPassword(
  deps: Pick<Deps, 'config'>,
  password: string,
  identity: { email?: string; name?: string },
): Promise<PasswordProblem | null> {
  const problem = checkPassword(password, identity);
  if (problem) return problem;
  if (
    deps.config.pwnedPasswordsUrl &&
    (await isBreachedPassword(password, deps.config.pwnedPasswordsUrl))
  ) {
    return 'breached';
  }
  return null;
}

/**
 * What one registration attempt chose, kept with its own verification link until the link is
 * used: the password is bound to the link, so confirming the address activates the password
 * of the person who registered with that link, and no other (decision 013).
 */
export type PendingRegistration = {
  email: string;
  passwordHash: string;
  name: string;
  locale: Locale;
  timeZone?: string | null;
  policyVersion: string | null;
  minAge: number;
  ip: string | null;
};

/**
 * Registration answers the same whether or not the address is taken (no enumeration). A
 * verified owner gets a "someone tried to register" mail instead. An unconfirmed account is
 * never changed: each attempt gets its own link, bound to its own password, and the account
 * holds no password until one of those links is used with the password chosen for it.
 */
export async function register(
  deps: Deps,
  input: RegisterInput,
  meta: RequestMeta,
): Promise<RegisterResult> {
  const rules = authRules(deps.config);
  const now = deps.clock.now();
  const byIp = await hitRate(deps.db, rules.registrationsPerIp, addressSubject(meta.ip), now);
  if (!byIp.ok)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: byIp.retryAfterSeconds };
  const byRecipient = await hitRecipientLimit(deps, input.email, now);
  if (!byRecipient.ok)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: byRecipient.retryAfterSeconds };

  const password = normalizePassword(input.password);
  const problem = await judgeNewPassword(deps, password, input);
  if (problem) return { ok: false, reason: 'weak-password', problem };
  // Hash on every path, so the answer takes as long for a taken address as for a new one.
  const passwordHash = await deps.hasher.hash(password);

  // Two first registrations of one address may race to insert it; the loser tries once more
  // and then finds the account the winner made.
  for (let attempt = 0; ; attempt++) {
    try {
      await deps.db.transaction((tx) =>
        recordRegistration(deps, tx, input, passwordHash, meta, now),
      );
      break;
    } catch (err) {
      if (!isUniqueViolation(err) || attempt > 0) throw err;
    }
  }
  deps.notifyMail();
  return { ok: true };
}

async function recordRegistration(
  deps: Deps,
  tx: Executor,
  input: RegisterInput,
  passwordHash: string,
  meta: RequestMeta,
  now: Date,
) {
  const existing = await findUserByEmail(tx, input.email);
  if (existing?.emailVerifiedAt) return noticeExistingOwner(deps, tx, existing, meta, now);
  const userId =
    existing?.id ??
    (
      await tx
        .insert(users)
        .values({
          email: input.email,
          passwordHash: null,
          name: input.name,
          locale: input.locale,
          timeZone: input.timeZone ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: users.id })
    )[0]!.id;
  const policy = await currentPolicy(tx, now);
  const pending: PendingRegistration = {
    email: input.email,
    passwordHash,
    name: input.name,
    locale: input.locale,
    timeZone: input.timeZone ?? null,
    policyVersion: policy?.version ?? null,
    minAge: deps.config.minAge,
    ip: meta.ip,
  };
  await queueMail(deps, tx, {
    to: input.email,
    userId,
    locale: input.locale,
    template: 'verify-email',
    data: {
      url: await emailedLink(deps, tx, {
        purpose: 'verify-email',
        userId,
        now,
        payload: pending,
        path: '/verify-email',
      }),
    },
  });
  await recordEvent(tx, {
    userId,
    action: existing ? 'registration.attempted-unverified' : 'account.registered',
    at: now,
    meta,
  });
}

/** The address is someone's confirmed account: tell them (at most hourly), change nothing. */
async function noticeExistingOwner(
  deps: Deps,
  tx: Executor,
  existing: UserRow,
  meta: RequestMeta,
  now: Date,
) {
  const notice = await hitRate(
    tx,
    authRules(deps.config).alreadyRegisteredNotices,
    existing.id,
    now,
  );
  if (!notice.ok) return;
  await queueMail(deps, tx, {
    to: existing.email,
    userId: existing.id,
    locale: existing.locale,
    template: 'already-registered',
    data: {
      name: existing.name,
      resetUrl: await emailedLink(deps, tx, {
        purpose: 'reset-password',
        userId: existing.id,
        now,
        path: '/reset-password',
      }),
    },
  });
  await recordEvent(tx, {
    userId: existing.id,
    action: 'registration.attempted-existing',
    at: now,
    meta,
  });
}
