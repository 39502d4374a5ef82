import { completeSignIn } from './complete-sign-in';
import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import { hitRate, peekRate } from '../http/rate-limit';
import { emailedLink } from '../mail/emailed-link';
import { queueMail } from '../mail/queue';
import { recordEvent, type RequestMeta } from '../core/activity';
import { createSession } from '../sessions/create';
import type { PasswordHasher } from '../platform/hasher';
import { notMeLink } from './not-me';
import { normalizePassword } from '../core/password-policy';
import { accountSubject, authRules } from './rules';
import { takeSignInSlots } from './sign-in-slots';
import { deletionIsDue, type UserRow } from '../core/users';
import { startTwoFactorSignIn } from './two-factor/sign-in';

export type LoginInput = { email: string; password: string; remember: boolean };
export type LoginResult =
  | { ok: true; user: UserRow; token: string; expiresAt: Date; persistent: boolean }
  /** The password was right and two-step sign-in is on: no session yet, a code is due. */
  | { ok: 'two-factor'; user: UserRow; pendingToken: string }
  | { ok: false; reason: 'invalid' | 'unverified' | 'reset-required' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

// Verifying against a real hash of a random password costs the same as a wrong password,
// so an unknown address cannot be told apart by timing.
const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();
function dummyHash(hasher: PasswordHasher) {
  let h = dummyHashes.get(hasher);
  if (!h) dummyHashes.set(hasher, (h = hasher.hash(crypto.randomUUID())));
  return h;
}

/** Checks a password for a user (or a dummy), the same work either way. */
export async function verifyPasswordFor(
  deps: Pick<Deps, 'hasher'>,
  user: Pick<UserRow, 'passwordHash'> | null,
  password: string,
) {
  const stored = user?.passwordHash ?? (await dummyHash(deps.hasher));
  const ok = await deps.hasher.verify(stored, normalizePassword(password));
  return ok && !!user?.passwordHash;
}

/**
 * The account behind an address, whether a code is due after the password, and for an
 * unconfirmed account the password of its newest registration: one query.
 */
async function findSignInCandidate(db: Deps['db'], email: string, now: Date) {
  // Qualified by hand: Drizzle leaves columns of a one-table select unqualified, and inside
  // these subqueries a bare "id" would be the inner table's.
  const [row] = await db
    .select({
      user: users,
      twoFactor: sql<boolean>`exists (select 1 from totp_credentials t where t.user_id = "users"."id" and t.enabled_at is not null)`,
      pendingHash: sql<string | null>`case when "users"."email_verified_at" is null then (
        select v.payload->>'passwordHash' from tokens v
        where v.user_id = "users"."id" and v.purpose = 'verify-email' and v.used_at is null and v.expires_at > ${now.toISOString()}::timestamptz
        order by v.created_at desc limit 1) end`,
    })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row ?? null;
}

export async function login(
  deps: Deps,
  input: LoginInput,
  meta: RequestMeta,
): Promise<LoginResult> {
  const now = deps.clock.now();
  const slots = await takeSignInSlots(deps, meta.ip, input.email, now);
  if (!slots.ok)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: slots.retryAfterSeconds };
  const accountKey = accountSubject(input.email);

  const candidate = await findSignInCandidate(deps.db, input.email, now);
  // An account past its deletion date answers like one that does not exist.
  const user = candidate && !deletionIsDue(candidate.user, now) ? candidate.user : null;
  // An unconfirmed account has no password yet; its newest registration's stands in, so
  // only that person learns the address still needs confirming.
  const stored = user && { passwordHash: user.passwordHash ?? candidate!.pendingHash };
  const passwordOk = await verifyPasswordFor(deps, stored, input.password);
  if (!passwordOk || !user) {
    await recordFailure(deps, user, accountKey, meta, now);
    return { ok: false, reason: 'invalid' };
  }
  // The password was right, so these answers are not failures.
  // Only someone who knows the password learns that the address is unverified.
  if (!user.emailVerifiedAt) {
    await slots.giveBack();
    return { ok: false, reason: 'unverified' };
  }
  if (user.passwordResetRequiredAt) {
    await slots.giveBack();
    return { ok: false, reason: 'reset-required' };
  }

  const rehash =
    user.passwordHash && deps.hasher.needsRehash(user.passwordHash)
      ? await deps.hasher.hash(normalizePassword(input.password))
      : null;
  if (candidate!.twoFactor) {
    const pendingToken = await deps.db.transaction(async (tx) => {
      if (rehash) await tx.update(users).set({ passwordHash: rehash }).where(eq(users.id, user.id));
      return startTwoFactorSignIn(tx, user.id, input.remember, now);
    });
    // Not a failure, and not yet a sign-in: the per-account counter is cleared by the code step.
    await slots.giveBack();
    return { ok: 'two-factor', user, pendingToken };
  }
  const created = await deps.db.transaction(async (tx) => {
    if (rehash) await tx.update(users).set({ passwordHash: rehash }).where(eq(users.id, user.id));
    const { mailQueued } = await completeSignIn(deps, tx, user, meta, 'password');
    const session = await createSession(deps, tx, {
      userId: user.id,
      remember: input.remember,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return { ...session, mailQueued };
  });
  await slots.succeed();
  if (created.mailQueued) deps.notifyMail();
  return {
    ok: true,
    user,
    token: created.token,
    expiresAt: created.session.absoluteExpiresAt,
    persistent: input.remember,
  };
}

async function recordFailure(
  deps: Deps,
  user: UserRow | null,
  accountKey: string,
  meta: RequestMeta,
  now: Date,
) {
  const rules = authRules(deps.config);
  // The failure was already counted when the attempt took its slots.
  if (!user) return;
  await recordEvent(deps.db, { userId: user.id, action: 'sign-in.failed', at: now, meta });
  const locked = await peekRate(deps.db, rules.loginFailuresPerAccount, accountKey, now);
  if (locked.ok) return;
  // Tell the owner once per lockout window, with a way out.
  const notice = await hitRate(deps.db, rules.lockoutNotices, user.id, now);
  if (!notice.ok) return;
  await deps.db.transaction(async (tx) => {
    await queueMail(deps, tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'lockout',
      data: {
        name: user.name,
        minutes: Math.ceil(locked.retryAfterSeconds / 60),
        resetUrl: await emailedLink(deps, tx, {
          purpose: 'reset-password',
          userId: user.id,
          now,
          path: '/reset-password',
        }),
        notMeUrl: await notMeLink(deps, tx, user.id, now),
      },
    });
    await recordEvent(tx, { userId: user.id, action: 'account.locked', at: now, meta });
  });
  deps.notifyMail();
}
