import { and, eq, ne } from 'drizzle-orm';
import { subscriptions } from '../../db/schema';
import type { Deps } from '../deps';
import type { RequestMeta } from '../core/activity';
import { cancelQueuedAnnouncements } from './announcement-outbox';
import { revokeConfirmTokens } from './confirm-tokens';
import { findList, type ListRow } from './lists';
import { recordSubscriptionChange, type ChangeMethod } from './record-change';
import { loadUnsubscribeKey } from './signing-key';
import { verifyUnsubscribeToken } from './unsubscribe-token';

export type LeaveResult =
  { ok: true; list: ListRow; changed: boolean } | { ok: false; reason: 'not-found' | 'mandatory' };

/**
 * Leaves a list at once (no confirmation: stopping mail must be as easy as possible). Also
 * voids waiting confirmation links and drops list mail still queued for the person.
 * Leaving a list one is not on changes nothing and is still a success.
 */
export async function leaveList(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { userId: string; list: string; method: ChangeMethod },
  meta?: RequestMeta,
): Promise<LeaveResult> {
  const list = await findList(deps.db, input.list);
  if (!list) return { ok: false, reason: 'not-found' };
  if (list.mandatory) return { ok: false, reason: 'mandatory' };
  const now = deps.clock.now();
  const changed = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(subscriptions)
      .set({ status: 'unsubscribed', unsubscribedAt: now, updatedAt: now })
      .where(
        and(
          eq(subscriptions.userId, input.userId),
          eq(subscriptions.listSlug, list.slug),
          ne(subscriptions.status, 'unsubscribed'),
        ),
      )
      .returning({ id: subscriptions.id });
    if (!row) return false;
    await revokeConfirmTokens(tx, input.userId, list.slug, now);
    await cancelQueuedAnnouncements(tx, input.userId, list.slug);
    await recordSubscriptionChange(tx, {
      userId: input.userId,
      list: list.slug,
      action: 'unsubscribed',
      method: input.method,
      at: now,
      meta,
    });
    return true;
  });
  return { ok: true, list, changed };
}

export type TokenLeaveResult =
  { ok: true; list: ListRow } | { ok: false; reason: 'invalid' | 'mandatory' };

/** Reads an unsubscribe link without acting on it: the GET page only shows a button. */
export async function readUnsubscribeToken(deps: Pick<Deps, 'db'>, token: string) {
  const claim = await verifyUnsubscribeToken(await loadUnsubscribeKey(deps.db), token);
  if (!claim) return null;
  const list = await findList(deps.db, claim.list);
  return list ? { ...claim, list } : null;
}

/**
 * Unsubscribes whoever the signed link names, without a session: from the link's page
 * (`link`) or from a mail client's RFC 8058 POST (`one-click`). Using a link twice is fine.
 */
export async function unsubscribeWithToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { token: string; method: 'link' | 'one-click' },
  meta: RequestMeta,
): Promise<TokenLeaveResult> {
  const claim = await readUnsubscribeToken(deps, input.token);
  if (!claim) return { ok: false, reason: 'invalid' };
  const result = await leaveList(
    deps,
    { userId: claim.userId, list: claim.list.slug, method: input.method },
    meta,
  );
  if (!result.ok)
    return { ok: false, reason: result.reason === 'mandatory' ? 'mandatory' : 'invalid' };
  return { ok: true, list: result.list };
}
