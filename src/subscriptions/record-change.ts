import { subscriptionEvents } from '../../db/schema';
import { recordEvent, type RequestMeta } from '../core/activity';
import type { Executor } from '../platform/db-types';

export type SubscriptionAction = 'requested' | 'confirmed' | 'unsubscribed';
/** `complaint`: the person marked a list mail as spam (reported by the mail provider). */
export type ChangeMethod = 'cabinet' | 'link' | 'one-click' | 'complaint';

/**
 * Writes one change twice, in the caller's transaction: to subscription_events, the consent
 * record kept for as long as the account (when and how someone said yes or no), and to the
 * activity log the person reads in the cabinet.
 */
export async function recordSubscriptionChange(
  tx: Executor,
  change: {
    userId: string;
    list: string;
    action: SubscriptionAction;
    method: ChangeMethod;
    at: Date;
    meta?: RequestMeta;
  },
) {
  await tx.insert(subscriptionEvents).values({
    userId: change.userId,
    listSlug: change.list,
    action: change.action,
    method: change.method,
    at: change.at,
  });
  await recordEvent(tx, {
    userId: change.userId,
    action: `subscription.${change.action}`,
    at: change.at,
    meta: change.meta,
    details: { list: change.list, method: change.method },
  });
}
