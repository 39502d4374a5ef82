import { eq } from 'drizzle-orm';
import { announcements, deliveryEvents, emailOutbox, type DeliveryOutcome } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { suppressAddress } from '../mail/suppressions';
import { leaveListIn } from '../subscriptions';
import type { ResendEvent, SvixHeaders } from './schemas';
import { verifyResendWebhook, type Verified } from './verify';

const outcomeOf: Record<string, DeliveryOutcome> = {
  'email.delivered': 'delivered',
  'email.delivery_delayed': 'delayed',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
};

/** Later news never hides worse news: a delay after delivery, or a delivery after a bounce. */
const rank: Record<DeliveryOutcome, number> = {
  delayed: 0,
  delivered: 1,
  bounced: 2,
  complained: 3,
};

type EventResult = 'recorded' | 'duplicate' | 'ignored';

type MailRow = {
  id: string;
  userId: string | null;
  toAddress: string;
  outcome: DeliveryOutcome | null;
  list: string | null;
};

function occurredAt(event: ResendEvent, now: Date) {
  const at = event.created_at ? new Date(event.created_at) : now;
  return Number.isNaN(at.getTime()) ? now : at;
}

/**
 * Records one verified Resend event, all in one transaction: the event (its id once only, so
 * a redelivery changes nothing), the outcome on the outbox row of the mail it is about, and
 * for a hard bounce or a complaint the address on the suppression list; a complaint about a
 * list mail also takes the person off that list, in their subscription history.
 */
async function recordResendEvent(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: { eventId: string; event: ResendEvent },
): Promise<EventResult> {
  const outcome = outcomeOf[input.event.type];
  if (!outcome) return 'ignored';
  const now = deps.clock.now();
  const bounceType = outcome === 'bounced' ? (input.event.data.bounce?.type ?? null) : null;
  return deps.db.transaction(async (tx) => {
    const mail = await findMail(tx, input.event.data.email_id);
    const [fresh] = await tx
      .insert(deliveryEvents)
      .values({
        id: input.eventId,
        userId: mail?.userId ?? null,
        outboxId: mail?.id ?? null,
        outcome,
        bounceType: bounceType?.slice(0, 50),
        occurredAt: occurredAt(input.event, now),
        receivedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: deliveryEvents.id });
    if (!fresh) return 'duplicate';
    if (!mail) return 'recorded';
    if (!mail.outcome || rank[outcome] >= rank[mail.outcome]) {
      await tx
        .update(emailOutbox)
        .set({ deliveryOutcome: outcome, deliveryAt: now })
        .where(eq(emailOutbox.id, mail.id));
    }
    await actOn(deps, tx, mail, outcome, bounceType, input.eventId);
    return 'recorded';
  });
}

type Received = { ok: true; result: EventResult } | Extract<Verified, { ok: false }>;

/** One webhook delivery: verified first, and only then parsed and recorded. */
export async function receiveResendWebhook(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  secret: string,
  raw: string,
  headers: SvixHeaders,
): Promise<Received> {
  const verified = verifyResendWebhook(secret, raw, headers);
  if (!verified.ok) return verified;
  return { ok: true, result: await recordResendEvent(deps, verified) };
}

/** The mail an event is about, by the id Resend gave it when it was sent; locked for the update. */
async function findMail(tx: Executor, providerId: string): Promise<MailRow | null> {
  const [row] = await tx
    .select({
      id: emailOutbox.id,
      userId: emailOutbox.userId,
      toAddress: emailOutbox.toAddress,
      outcome: emailOutbox.deliveryOutcome,
      list: announcements.listSlug,
    })
    .from(emailOutbox)
    .leftJoin(announcements, eq(announcements.id, emailOutbox.announcementId))
    .where(eq(emailOutbox.providerId, providerId))
    .limit(1)
    .for('update', { of: emailOutbox });
  return row ?? null;
}

async function actOn(
  deps: Pick<Deps, 'clock' | 'config'>,
  tx: Executor,
  mail: MailRow,
  outcome: DeliveryOutcome,
  bounceType: string | null,
  eventId: string,
) {
  // A soft bounce (full mailbox today) or an undetermined one is not a reason to stop.
  const hardBounce = outcome === 'bounced' && bounceType === 'Permanent';
  if (!hardBounce && outcome !== 'complained') return;
  // First off the list (their waiting copies are dropped as for any unsubscribe), then onto
  // the suppression list, which holds back optional mail from every other list too.
  if (outcome === 'complained' && mail.userId && mail.list) {
    await leaveListIn(deps, tx, { userId: mail.userId, list: mail.list, method: 'complaint' });
  }
  // The farewell to a deleted person forgets its address once sent: nothing left to suppress.
  if (mail.toAddress.includes('@')) {
    await suppressAddress(tx, {
      address: mail.toAddress,
      userId: mail.userId,
      reason: hardBounce ? 'bounce' : 'complaint',
      eventId,
      at: deps.clock.now(),
    });
  }
}
