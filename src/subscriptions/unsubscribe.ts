import { and, eq, ne } from 'drizzle-orm';
import { mailingLists, subscriptions, users } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import { queueMail } from '../mail/queue';
import type { Deps } from '../deps';
import type { RequestMeta } from '../core/activity';
import { cancelQueuedAnnouncements } from './announcement-outbox';
import { revokeConfirmTokens } from './confirm-tokens';
import { findList, type ListRow } from './lists';
import { recordSubscriptionChange, type ChangeMethod } from './record-change';
import { loadUnsubscribeKey } from './signing-key';
import { verifyUnsubscribeToken } from './unsubscribe-token';

export type LeaveResult =
  | {
      ok: true;
      list: ListRow;
      changed: boolean;
      /** Still on (or joining) another list they could leave: no offer to delete the account. */
      onAnyList: boolean;
    }
  | { ok: false; reason: 'not-found' | 'mandatory' };

/** Whether the person is still on (or waiting to join) any list they could leave. */
async function onAnyOptionalList(tx: Executor, userId: string) {
  const [row] = await tx
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .innerJoin(mailingLists, eq(mailingLists.slug, subscriptions.listSlug))
    .where(
      and(
        eq(subscriptions.userId, userId),
        eq(mailingLists.mandatory, false),
        ne(subscriptions.status, 'unsubscribed'),
      ),
    )
    .limit(1);
  return !!row;
}

/**
 * After the last optional list is left: one mail that confirms no mailing comes any more and
 * offers the rest of opting out, deleting the account (the normal deletion, from the cabinet).
 */
async function mailOptOutOffer(deps: Pick<Deps, 'clock' | 'config'>, tx: Executor, userId: string) {
  const [user] = await tx
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return;
  await queueMail(deps, tx, {
    to: user.email,
    userId,
    locale: user.locale,
    template: 'mailings-stopped',
    data: { name: user.name, graceDays: deps.config.deletionGraceDays },
  });
}

/**
 * The change itself, in the caller's transaction (a complaint records its delivery event in
 * the same one). Whether to say "mailings stopped" is the caller's: a complaint gets no such
 * mail, since they asked for less mail.
 */
export async function leaveListIn(
  deps: Pick<Deps, 'clock'>,
  tx: Executor,
  input: { userId: string; list: string; method: ChangeMethod },
  meta?: RequestMeta,
) {
  const now = deps.clock.now();
  const [row] = await tx
    .update(subscriptions)
    .set({ status: 'unsubscribed', unsubscribedAt: now, updatedAt: now })
    .where(
      and(
        eq(subscriptions.userId, input.userId),
        eq(subscriptions.listSlug, input.list),
        ne(subscriptions.status, 'unsubscribed'),
      ),
    )
    .returning({ id: subscriptions.id });
  if (!row) return { changed: false, onAnyList: await onAnyOptionalList(tx, input.userId) };
  await revokeConfirmTokens(tx, input.userId, input.list, now);
  await cancelQueuedAnnouncements(tx, input.userId, input.list);
  await recordSubscriptionChange(tx, { ...input, action: 'unsubscribed', at: now, meta });
  return { changed: true, onAnyList: await onAnyOptionalList(tx, input.userId) };
}

/**
 * Leaves a list at once (no confirmation: stopping mail must be as easy as possible). Also
 * voids waiting confirmation links and drops list mail still queued for the person.
 * Leaving a list one is not on changes nothing and is still a success.
 */
export async function leaveList(
  deps: Pick<Deps, 'db' | 'clock' | 'config'> & Partial<Pick<Deps, 'notifyMail'>>,
  input: { userId: string; list: string; method: ChangeMethod },
  meta?: RequestMeta,
): Promise<LeaveResult> {
  const list = await findList(deps.db, input.list);
  if (!list) return { ok: false, reason: 'not-found' };
  if (list.mandatory) return { ok: false, reason: 'mandatory' };
  const outcome = await deps.db.transaction(async (tx) => {
    const left = await leaveListIn(deps, tx, { ...input, list: list.slug }, meta);
    // The offer goes once: when this change left the last list, not on a repeated click.
    if (left.changed && !left.onAnyList) await mailOptOutOffer(deps, tx, input.userId);
    return left;
  });
  if (outcome.changed && !outcome.onAnyList) deps.notifyMail?.();
  return { ok: true, list, ...outcome };
}

export type TokenLeaveResult =
  { ok: true; list: ListRow; onAnyList: boolean } | { ok: false; reason: 'invalid' | 'mandatory' };

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
  deps: Pick<Deps, 'db' | 'clock' | 'config'> & Partial<Pick<Deps, 'notifyMail'>>,
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
  return { ok: true, list: result.list, onAnyList: result.onAnyList };
}
