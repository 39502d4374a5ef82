import { eq } from 'drizzle-orm';
import { consents, users } from '../../db/schema';
import type { Deps } from '../deps';
import type { Locale } from '../i18n';
import { hitRate } from '../http/rate-limit';
import { actionLink, mailContext, queueMail } from '../mail/queue';
import { recordEvent, type RequestMeta } from '../cabinet/activity';
import { currentPolicy } from '../privacy/policies';
import { verifyEmailMail } from '../../emails/verify-email';
import { alreadyRegisteredMail } from '../../emails/already-registered';
import { issueEmailToken, revokeEmailTokens } from './email-tokens';
import {
  checkPassword,
  isBreachedPassword,
  normalizePassword,
  type PasswordProblem,
} from './password-policy';
import { authRules, rateSubject } from './rules';
import { findUserByEmail } from './users';
import { isUniqueViolation } from '../platform/db-errors';

export type RegisterInput = { email: string; password: string; name: string; locale: Locale };
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
 * Registration answers the same whether or not the address is taken (no enumeration). A
 * verified owner gets a "someone tried to register" mail instead; an unverified account is
 * taken over by the new registration, since nobody has proved owning that address yet.
 */
export async function register(
  deps: Deps,
  input: RegisterInput,
  meta: RequestMeta,
): Promise<RegisterResult> {
  const rules = authRules(deps.config);
  const now = deps.clock.now();
  const ipKey = rateSubject(meta.ip ?? 'unknown');
  const limited = await hitRate(deps.db, rules.registrationsPerIp, ipKey, now);
  if (!limited.ok)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: limited.retryAfterSeconds };

  const password = normalizePassword(input.password);
  const problem = await judgeNewPassword(deps, password, input);
  if (problem) return { ok: false, reason: 'weak-password', problem };
  // Hash on every path, so the answer takes as long for a taken address as for a new one.
  const passwordHash = await deps.hasher.hash(password);

  try {
    await deps.db.transaction(async (tx) => {
      const existing = await findUserByEmail(tx, input.email);
      const policy = await currentPolicy(tx, now);
      if (existing?.emailVerifiedAt) {
        // One notice an hour at most, however often someone tries the address.
        const notice = await hitRate(tx, rules.alreadyRegisteredNotices, existing.id, now);
        if (!notice.ok) return;
        const resetToken = await issueEmailToken(tx, {
          purpose: 'reset-password',
          userId: existing.id,
          now,
        });
        await queueMail(deps, tx, {
          to: existing.email,
          userId: existing.id,
          locale: existing.locale,
          template: 'already-registered',
          containsSecret: true,
          mail: alreadyRegisteredMail(mailContext(deps, existing.locale), {
            name: existing.name,
            resetUrl: actionLink(deps, '/reset-password', resetToken),
          }),
        });
        await recordEvent(tx, {
          userId: existing.id,
          action: 'registration.attempted-existing',
          at: now,
          meta,
        });
        return;
      }
      let userId: string;
      if (existing) {
        await tx
          .update(users)
          // The address as typed now, too: the link below proves that spelling, and
          // verification matches it exactly (a differently cased earlier spelling would
          // otherwise leave the account unverifiable).
          .set({
            email: input.email,
            passwordHash,
            name: input.name,
            locale: input.locale,
            updatedAt: now,
          })
          .where(eq(users.id, existing.id));
        await revokeEmailTokens(tx, existing.id, 'verify-email', now);
        userId = existing.id;
      } else {
        const [row] = await tx
          .insert(users)
          .values({
            email: input.email,
            passwordHash,
            name: input.name,
            locale: input.locale,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: users.id });
        userId = row!.id;
      }
      await tx.insert(consents).values([
        {
          userId,
          kind: 'privacy-policy',
          version: policy?.version ?? null,
          granted: 'granted',
          method: 'registration',
          ip: meta.ip,
          at: now,
        },
        {
          userId,
          kind: 'age-confirmation',
          version: String(deps.config.minAge),
          granted: 'granted',
          method: 'registration',
          ip: meta.ip,
          at: now,
        },
      ]);
      const token = await issueEmailToken(tx, {
        purpose: 'verify-email',
        userId,
        now,
        payload: { email: input.email },
      });
      await queueMail(deps, tx, {
        to: input.email,
        userId,
        locale: input.locale,
        template: 'verify-email',
        containsSecret: true,
        mail: verifyEmailMail(mailContext(deps, input.locale), {
          name: input.name,
          url: actionLink(deps, '/verify-email', token),
        }),
      });
      await recordEvent(tx, { userId, action: 'account.registered', at: now, meta });
    });
  } catch (err) {
    // Two registrations of one address raced; the other one won, and the answer is the same.
    if (!isUniqueViolation(err)) throw err;
  }
  deps.notifyMail();
  return { ok: true };
}
