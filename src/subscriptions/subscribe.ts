import { and, eq, sql } from 'drizzle-orm';
import { subscriptions } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import type { RequestMeta } from '../core/activity';
import { findUserById } from '../core/users';
import { hitRate, type RateRule } from '../http/rate-limit';
import { emailedLink } from '../mail/emailed-link';
import { mailContext, queueMail } from '../mail/queue';
import { revokeConfirmTokens } from './confirm-tokens';
import { findList, localized, type ListRow } from './lists';
import { recordSubscriptionChange } from './record-change';

export type SubscribeResult =
  | { ok: true; status: 'pending' | 'subscribed' }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

/** Each request mails the person, so a script with their session cannot flood their inbox. */
export const confirmationMailRule = (deps: Pick<Deps, 'config'>): RateRule => ({
  name: 'subscription-mail',
  limit: deps.config.rateLimits.emailsPerAccount,
  windowMs: 3_600_000,
});

/**
 * Double opt-in, step one: the subscription becomes `pending` and a single-use link goes to
 * the person's address. Nothing is sent to the list's subscribers until the link is used,
 * so nobody can sign someone else up, and every yes is provably the address owner's.
 */
export async function requestSubscription(
  deps: Deps,
  input: { userId: string; list: string },
  meta: RequestMeta,
): Promise<SubscribeResult> {
  const list = await findList(deps.db, input.list);
  if (!list) return { ok: false, reason: 'not-found' };
  if (list.mandatory) return { ok: true, status: 'subscribed' };
  const [current] = await deps.db
    .select({ status: subscriptions.status })
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, input.userId), eq(subscriptions.listSlug, list.slug)));
  if (current?.status === 'subscribed') return { ok: true, status: 'subscribed' };

  const now = deps.clock.now();
  const rate = await hitRate(deps.db, confirmationMailRule(deps), input.userId, now);
  if (!rate.ok)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: rate.retryAfterSeconds };

  const status = await deps.db.transaction((tx) =>
    markPendingAndMail(deps, tx, { userId: input.userId, list, now }, meta),
  );
  if (status === 'pending') deps.notifyMail();
  return { ok: true, status };
}

/**
 * In the caller's transaction: the subscription becomes `pending` (a confirmed one stays as
 * it is), older links for the list are voided, and a fresh one is mailed.
 */
async function markPendingAndMail(
  deps: Deps,
  tx: Executor,
  input: { userId: string; list: ListRow; now: Date },
  meta: RequestMeta,
): Promise<'pending' | 'subscribed'> {
  const { list, now } = input;
  const user = await findUserById(tx, input.userId);
  if (!user) return 'subscribed';
  const [row] = await tx
    .insert(subscriptions)
    .values({
      userId: user.id,
      listSlug: list.slug,
      status: 'pending',
      requestedAt: now,
      updatedAt: now,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: [subscriptions.userId, subscriptions.listSlug],
      set: { status: 'pending', requestedAt: now, updatedAt: now },
      // A confirmation that landed in between wins: never demote a confirmed subscription.
      setWhere: sql`${subscriptions.status} <> 'subscribed'`,
    })
    .returning({ id: subscriptions.id });
  if (!row) return 'subscribed';
  await revokeConfirmTokens(tx, user.id, list.slug, now);
  const ctx = mailContext(deps, user.locale);
  await queueMail(deps, tx, {
    to: user.email,
    userId: user.id,
    locale: ctx.locale,
    template: 'subscription-confirm',
    data: {
      name: user.name,
      listName: localized(list.names, ctx.locale),
      url: await emailedLink(deps, tx, {
        purpose: 'confirm-subscription',
        userId: user.id,
        now,
        payload: { list: list.slug },
        path: '/subscriptions/confirm',
      }),
    },
  });
  await recordSubscriptionChange(tx, {
    userId: user.id,
    list: list.slug,
    action: 'requested',
    method: 'cabinet',
    at: now,
    meta,
  });
  return 'pending';
}
