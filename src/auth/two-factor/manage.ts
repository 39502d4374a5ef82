import { personTimeZone } from '../../i18n/time-zone';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { renderSVG } from 'uqr';
import { recoveryCodes, totpCredentials } from '../../../db/schema';
import type { Deps } from '../../deps';
import { recordEvent, type RequestMeta } from '../../core/activity';
import { takeRate, releaseRate } from '../../http/rate-limit';
import { formatDateTime } from '../../i18n/format';
import { mailContext, queueMail } from '../../mail/queue';
import type { Executor } from '../../platform/db-types';
import { type TwoFactorNotice } from '../../../emails/two-factor-notices';
import { notMeLink } from '../not-me';
import { authRules, rateSubject } from '../rules';
import { findUserById, type UserRow } from '../../core/users';
import { openTotpSecret, sealTotpSecret, storesSameSecret } from './at-rest';
import { countUnusedRecoveryCodes, replaceRecoveryCodes } from './recovery-codes';
import { generateTotpSecret, matchTotpStep, totpKeyUri } from './totp';

/** A setup not confirmed with a code within this time has to be started again. */
export const setupTtlMs = 30 * 60_000;

export type TwoFactorStatus = {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
};

export async function twoFactorStatus(db: Executor, userId: string): Promise<TwoFactorStatus> {
  const [row] = await db
    .select({ enabledAt: totpCredentials.enabledAt })
    .from(totpCredentials)
    .where(eq(totpCredentials.userId, userId));
  const enabledAt = row?.enabledAt ?? null;
  return {
    enabled: !!enabledAt,
    enabledAt,
    recoveryCodesLeft: enabledAt ? await countUnusedRecoveryCodes(db, userId) : 0,
  };
}

export async function isTwoFactorEnabled(db: Executor, userId: string) {
  const [row] = await db
    .select({ userId: totpCredentials.userId })
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, userId), isNotNull(totpCredentials.enabledAt)));
  return !!row;
}

/** Mails a two-factor notice with its "not me" link, in the caller's transaction. */
export async function queueTwoFactorNotice(
  deps: Deps,
  tx: Executor,
  user: UserRow,
  now: Date,
  notice: TwoFactorNotice,
) {
  const ctx = mailContext(deps, user.locale);
  await queueMail(deps, tx, {
    to: user.email,
    userId: user.id,
    locale: user.locale,
    template:
      notice.kind === 'enabled' || notice.kind === 'disabled'
        ? `two-factor-${notice.kind}`
        : notice.kind,
    data: {
      name: user.name,
      when: formatDateTime(now, ctx.locale, personTimeZone(user)),
      notice,
      notMeUrl: await notMeLink(deps, tx, user.id, now),
    },
  });
}

export type SetupResult =
  | { ok: true; secret: string; otpauthUrl: string; qrSvg: string }
  | { ok: false; reason: 'already-enabled' };

/**
 * Starts enrolment: a new secret, not yet in force, as an otpauth:// URI and a QR code of it
 * (SVG made here, so the secret never goes to a third-party QR service). Asking again
 * replaces an unconfirmed secret; an enabled one stays until two-step sign-in is turned off.
 */
export async function beginTotpSetup(
  deps: Deps,
  user: Pick<UserRow, 'id' | 'email'>,
): Promise<SetupResult> {
  const now = deps.clock.now();
  const secret = generateTotpSecret();
  // Sealed before it is stored (src/auth/two-factor/at-rest.ts): never in clear in the database.
  const sealed = await sealTotpSecret(deps, user.id, secret);
  const [row] = await deps.db
    .insert(totpCredentials)
    .values({ userId: user.id, ...sealed, createdAt: now })
    .onConflictDoUpdate({
      target: totpCredentials.userId,
      set: { ...sealed, createdAt: now, lastUsedStep: null },
      setWhere: isNull(totpCredentials.enabledAt),
    })
    .returning({ userId: totpCredentials.userId });
  if (!row) return { ok: false, reason: 'already-enabled' };
  const otpauthUrl = totpKeyUri(deps.config.schoolName, user.email, secret);
  return { ok: true, secret, otpauthUrl, qrSvg: renderSVG(otpauthUrl, { ecc: 'M', border: 4 }) };
}

/** The pending secret, to show the setup page again after a wrong code. */
export async function pendingSetup(deps: Deps, user: Pick<UserRow, 'id' | 'email'>) {
  const [row] = await deps.db
    .select()
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, user.id), isNull(totpCredentials.enabledAt)));
  if (!row || deps.clock.now().getTime() - row.createdAt.getTime() > setupTtlMs) return null;
  const { secret } = await openTotpSecret(deps, row);
  const otpauthUrl = totpKeyUri(deps.config.schoolName, user.email, secret);
  return { secret, otpauthUrl, qrSvg: renderSVG(otpauthUrl, { ecc: 'M', border: 4 }) };
}

export type EnableResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; reason: 'no-setup' | 'already-enabled' | 'invalid-code' | 'code-used' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

/**
 * Confirms enrolment with a code from the app (proof the person's app has the secret), turns
 * two-step sign-in on, and returns ten new recovery codes: the only time they are shown.
 */
export async function enableTotp(
  deps: Deps,
  user: UserRow,
  code: string,
  meta: RequestMeta,
): Promise<EnableResult> {
  const rules = authRules(deps.config);
  const now = deps.clock.now();
  const [row] = await deps.db
    .select()
    .from(totpCredentials)
    .where(eq(totpCredentials.userId, user.id));
  if (row?.enabledAt) return { ok: false, reason: 'already-enabled' };
  if (!row || now.getTime() - row.createdAt.getTime() > setupTtlMs)
    return { ok: false, reason: 'no-setup' };
  const key = rateSubject(user.id);
  const verdict = await takeRate(deps.db, rules.twoFactorFailuresPerAccount, key, now);
  if (!verdict.ok)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: verdict.retryAfterSeconds };
  const opened = await openTotpSecret(deps, row);
  const match = matchTotpStep(opened.secret, code.trim(), now, row.lastUsedStep);
  if (!match.ok)
    return { ok: false, reason: match.reason === 'used' ? 'code-used' : 'invalid-code' };
  const codes = await deps.db.transaction(async (tx) => {
    const [enabled] = await tx
      .update(totpCredentials)
      .set({ enabledAt: now, lastUsedStep: match.step, ...opened.reseal })
      .where(
        and(
          eq(totpCredentials.userId, user.id),
          isNull(totpCredentials.enabledAt),
          storesSameSecret(row),
        ),
      )
      .returning({ userId: totpCredentials.userId });
    if (!enabled) return null;
    const fresh = await replaceRecoveryCodes(tx, user.id, now);
    await recordEvent(tx, { userId: user.id, action: 'two-factor.enabled', at: now, meta });
    await queueTwoFactorNotice(deps, tx, user, now, { kind: 'enabled' });
    return fresh;
  });
  await releaseRate(deps.db, rules.twoFactorFailuresPerAccount, key, now);
  if (!codes) return { ok: false, reason: 'already-enabled' };
  deps.notifyMail();
  return { ok: true, recoveryCodes: codes };
}

/**
 * Turns two-step sign-in off: the secret and every recovery code are deleted. False (and
 * nothing changed) when it is not on: a set-up started but not confirmed stays as it was.
 */
export async function disableTotp(deps: Deps, userId: string, meta: RequestMeta) {
  const user = await findUserById(deps.db, userId);
  if (!user) return false;
  const now = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    // The condition is part of the DELETE itself: no window between a check and the delete.
    const [removed] = await tx
      .delete(totpCredentials)
      .where(and(eq(totpCredentials.userId, user.id), isNotNull(totpCredentials.enabledAt)))
      .returning({ userId: totpCredentials.userId });
    if (!removed) return false;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await recordEvent(tx, { userId: user.id, action: 'two-factor.disabled', at: now, meta });
    await queueTwoFactorNotice(deps, tx, user, now, { kind: 'disabled' });
    return true;
  });
  if (done) deps.notifyMail();
  return done;
}

/** New recovery codes replace all old ones (used or not); null when two-step sign-in is off. */
export async function regenerateRecoveryCodes(deps: Deps, userId: string, meta: RequestMeta) {
  const user = await findUserById(deps.db, userId);
  if (!user) return null;
  const now = deps.clock.now();
  if (!(await isTwoFactorEnabled(deps.db, user.id))) return null;
  const codes = await deps.db.transaction(async (tx) => {
    const fresh = await replaceRecoveryCodes(tx, user.id, now);
    await recordEvent(tx, {
      userId: user.id,
      action: 'two-factor.recovery-codes-regenerated',
      at: now,
      meta,
    });
    await queueTwoFactorNotice(deps, tx, user, now, { kind: 'recovery-codes-regenerated' });
    return fresh;
  });
  deps.notifyMail();
  return codes;
}
