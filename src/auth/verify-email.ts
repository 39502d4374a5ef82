import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { consents, tokens, users } from '../../db/schema';
import type { Deps } from '../deps';
import { localeOr } from '../i18n';
import { hitRate } from '../http/rate-limit';
import { emailedLink } from '../mail/emailed-link';
import { queueMail } from '../mail/queue';
import { recordEvent, type RequestMeta } from '../core/activity';
import { createSession } from '../sessions/create';
import type { Executor, Tx } from '../platform/db-types';
import {
  consumeEmailToken,
  inspectEmailToken,
  issueEmailToken,
  revokeEmailTokens,
  type ConsumedToken,
  type TokenFailure,
} from '../core/email-tokens';
import { completeSignIn } from './complete-sign-in';
import { verifyPasswordFor } from './login';
import type { PendingRegistration } from './register';
import { addressSubject, authRules, hitRecipientLimit } from './rules';
import { takeSignInSlots } from './sign-in-slots';
import { findUserByEmail, findUserById, type UserRow } from '../core/users';

/**
 * What a verification link carries. Links from before decision 013 carry only the address;
 * their account then holds the password itself.
 */
type VerificationPayload = Partial<PendingRegistration> & { email: string };
const payloadOf = (row: ConsumedToken) => ({ email: '', ...row.payload }) as VerificationPayload;

/** The address a verification link would confirm, for its page; or why the link is no good. */
export async function inspectVerification(deps: Pick<Deps, 'db' | 'clock'>, token: string) {
  const found = await inspectEmailToken(deps.db, 'verify-email', token, deps.clock.now());
  return found.ok ? { ok: true as const, email: payloadOf(found.row).email } : found;
}

export type VerifyResult =
  | { ok: true; user: UserRow; token: string; expiresAt: Date; persistent: boolean }
  | { ok: false; reason: TokenFailure | 'invalid-password' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

/**
 * Confirms the address and signs in, in one step, when the password is the one chosen in the
 * registration that sent this link: the click proves the mailbox, the password proves which
 * registration it was. A wrong password is a failed sign-in, and the link stays usable.
 * Once confirmed, the other registrations' links die: none of them may set a password now.
 */
export async function verifyEmail(
  deps: Deps,
  input: { token: string; password: string; remember?: boolean },
  meta: RequestMeta,
): Promise<VerifyResult> {
  const now = deps.clock.now();
  const found = await inspectEmailToken(deps.db, 'verify-email', input.token, now);
  if (!found.ok) return found;
  const pending = payloadOf(found.row);
  const slots = await takeSignInSlots(deps, meta.ip, pending.email, now);
  if (!slots.ok)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: slots.retryAfterSeconds };
  const owner = await findUserById(deps.db, found.row.userId);
  const passwordHash = pending.passwordHash ?? owner?.passwordHash ?? null;
  if (!owner || !(await verifyPasswordFor(deps, { passwordHash }, input.password))) {
    if (owner)
      await recordEvent(deps.db, {
        userId: owner.id,
        action: 'sign-in.failed',
        at: now,
        meta,
        details: { via: 'verify-email' },
      });
    return { ok: false, reason: 'invalid-password' };
  }
  const result = await deps.db.transaction((tx) =>
    confirmAndSignIn(
      deps,
      tx,
      { token: input.token, remember: input.remember, pending, owner, passwordHash, now },
      meta,
    ),
  );
  if (result.ok) await slots.succeed();
  else await slots.giveBack();
  deps.notifyMail();
  return result;
}

/**
 * Uses the link up, confirms the address with this registration's choices and opens the
 * session, all in the caller's transaction.
 */
async function confirmAndSignIn(
  deps: Deps,
  tx: Tx,
  input: {
    token: string;
    remember?: boolean;
    pending: VerificationPayload;
    owner: UserRow;
    passwordHash: string | null;
    now: Date;
  },
  meta: RequestMeta,
): Promise<VerifyResult> {
  const { pending, owner, passwordHash, now } = input;
  const used = await consumeEmailToken(tx, 'verify-email', input.token, now);
  if (!used.ok) return used;
  const [user] = await tx
    .update(users)
    // The spelling of the address this link proves, and this registration's choices.
    .set({
      email: pending.email,
      passwordHash,
      name: pending.name ?? owner.name,
      locale: localeOr(pending.locale ?? owner.locale),
      timeZone: pending.timeZone ?? owner.timeZone,
      emailVerifiedAt: now,
      updatedAt: now,
    })
    .where(
      and(
        eq(users.id, owner.id),
        isNull(users.emailVerifiedAt),
        sql`lower(${users.email}) = lower(${pending.email})`,
      ),
    )
    .returning();
  // Confirmed already through another link, or the account moved on since.
  if (!user) return { ok: false, reason: 'used' };
  await revokeEmailTokens(tx, user.id, 'verify-email', now);
  await recordConsents(tx, user.id, pending, used.row.createdAt);
  await recordEvent(tx, { userId: user.id, action: 'email.verified', at: now, meta });
  await completeSignIn(deps, tx, user, meta, 'verify-email');
  const created = await createSession(deps, tx, {
    userId: user.id,
    remember: !!input.remember,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  return {
    ok: true,
    user,
    token: created.token,
    expiresAt: created.session.absoluteExpiresAt,
    persistent: !!input.remember,
  };
}

/** The consents given in the registration form, dated when it was sent. */
async function recordConsents(
  tx: Executor,
  userId: string,
  pending: VerificationPayload,
  registeredAt: Date,
) {
  // Links from before decision 013: their consents were recorded at registration.
  if (pending.minAge === undefined) return;
  const given = {
    userId,
    granted: 'granted' as const,
    method: 'registration',
    ip: pending.ip ?? null,
    at: registeredAt,
  };
  await tx.insert(consents).values([
    { ...given, kind: 'privacy-policy', version: pending.policyVersion ?? null },
    { ...given, kind: 'age-confirmation', version: String(pending.minAge) },
  ]);
}

/**
 * "Not your registration? Choose a new password": the click proved the mailbox, which is what
 * a reset link proves, so the verification link is traded for a reset token.
 */
export async function tradeVerificationForReset(
  deps: Deps,
  token: string,
  meta: RequestMeta,
): Promise<{ ok: true; resetToken: string } | { ok: false; reason: TokenFailure }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const used = await consumeEmailToken(tx, 'verify-email', token, now);
    if (!used.ok) return used;
    const resetToken = await issueEmailToken(tx, {
      purpose: 'reset-password',
      userId: used.row.userId,
      now,
    });
    await recordEvent(tx, {
      userId: used.row.userId,
      action: 'registration.disowned',
      at: now,
      meta,
    });
    return { ok: true as const, resetToken };
  });
}

/**
 * Sends the newest registration's link again (bound to that registration's password). Always
 * "accepted": the answer reveals nothing.
 */
export async function resendVerification(
  deps: Deps,
  email: string,
  meta: RequestMeta,
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const now = deps.clock.now();
  const byIp = await hitRate(
    deps.db,
    authRules(deps.config).emailsPerIp,
    addressSubject(meta.ip),
    now,
  );
  if (!byIp.ok) return { ok: false, retryAfterSeconds: byIp.retryAfterSeconds };
  const byRecipient = await hitRecipientLimit(deps, email, now);
  if (!byRecipient.ok) return { ok: false, retryAfterSeconds: byRecipient.retryAfterSeconds };
  await deps.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || user.emailVerifiedAt) return;
    const [newest] = await tx
      .select({ payload: tokens.payload })
      .from(tokens)
      .where(and(eq(tokens.userId, user.id), eq(tokens.purpose, 'verify-email')))
      .orderBy(desc(tokens.createdAt))
      .limit(1);
    const payload = { email: user.email, ...newest?.payload };
    await queueMail(deps, tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'verify-email',
      data: {
        url: await emailedLink(deps, tx, {
          purpose: 'verify-email',
          userId: user.id,
          now,
          payload,
          path: '/verify-email',
        }),
      },
    });
  });
  deps.notifyMail();
  return { ok: true };
}
