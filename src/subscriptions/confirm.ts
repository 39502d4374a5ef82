import { and, eq } from 'drizzle-orm';
import { subscriptions } from '../../db/schema';
import type { Deps } from '../deps';
import type { RequestMeta } from '../core/activity';
import { consumeEmailToken, type TokenFailure } from '../core/email-tokens';
import { recordSubscriptionChange } from './record-change';

/**
 * Double opt-in, step two: the emailed link (POSTed from its page, or by an API client)
 * turns a pending subscription into a confirmed one. The token is used up in the same
 * statement that checks it, so a second click finds it used.
 */
export async function confirmSubscription(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
  meta: RequestMeta,
): Promise<{ ok: true; list: string } | { ok: false; reason: TokenFailure }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const used = await consumeEmailToken(tx, 'confirm-subscription', token, now);
    if (!used.ok) return used;
    const userId = used.row.userId;
    // The link was issued with the list's slug (subscribe.ts); anything else names no list.
    const slug = used.row.payload?.list;
    const list = typeof slug === 'string' ? slug : '';
    const [row] = await tx
      .update(subscriptions)
      .set({ status: 'subscribed', confirmedAt: now, updatedAt: now })
      .where(
        and(
          eq(subscriptions.userId, userId),
          eq(subscriptions.listSlug, list),
          eq(subscriptions.status, 'pending'),
        ),
      )
      .returning({ id: subscriptions.id });
    if (row)
      await recordSubscriptionChange(tx, {
        userId,
        list,
        action: 'confirmed',
        method: 'link',
        at: now,
        meta,
      });
    return { ok: true as const, list };
  });
}
