import { and, eq } from 'drizzle-orm';
import { bookings, payments } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { recordEvent, type RequestMeta } from '../core/activity';
import { mailContext, queueMail } from '../mail/queue';
import { formatMoney, formatPaidAt } from './format';
import { normalizeAmount, readPaidAt, type InputError } from './schemas';
import { studentForChange } from './bookings-service';

export type PaymentRow = typeof payments.$inferSelect;

export type NewPayment = {
  userId: string;
  amount: string | number;
  currency: string;
  description: string;
  paidAt: string;
  bookingId?: string | null;
};

export type PaymentResult =
  | { ok: true; payment: PaymentRow }
  | { ok: false; reason: 'invalid'; errors: InputError[] }
  /** The person restricts processing of their data (GDPR art. 18): nothing of theirs changes. */
  | { ok: false; reason: 'restricted' };

/** A payment can be dated at most a day ahead (time zones), never further. */
const futureSlackMs = 24 * 3_600_000;

type Payer = { id: string; email: string; name: string; locale: string };
type Refusal = Extract<PaymentResult, { ok: false }>;

const refuse = (path: string, code: InputError['code']): Refusal => ({
  ok: false,
  reason: 'invalid',
  errors: [{ path, code }],
});

/** The student paying, and the booking paid for when one is named: only their own. */
async function findPayer(tx: Executor, input: NewPayment): Promise<Payer | Refusal> {
  const student = await studentForChange(tx, input.userId);
  if (!student) return refuse('userId', 'no-person');
  if ('reason' in student) return student;
  if (input.bookingId) {
    // Only the student's own booking: another person's id must not be linkable.
    const [booking] = await tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.id, input.bookingId), eq(bookings.userId, student.id)));
    if (!booking) return refuse('bookingId', 'not-own-booking');
  }
  return student;
}

/** The confirmation, in the caller's transaction and the student's language. */
async function queuePaymentMail(deps: Deps, tx: Executor, student: Payer, payment: PaymentRow) {
  const ctx = mailContext(deps, student.locale);
  await queueMail(deps, tx, {
    to: student.email,
    userId: student.id,
    locale: ctx.locale,
    template: 'payment-recorded',
    data: {
      name: student.name,
      amount: formatMoney(ctx.locale, payment.amount, payment.currency),
      description: payment.description,
      paidOn: formatPaidAt(ctx.locale, payment.paidAt),
      url: `${deps.config.appUrl}/account/bookings`,
    },
  });
}

/**
 * Records a payment the school received (amount, currency, description, date: never card
 * data; the payment provider holds that) and mails the student a confirmation.
 */
export async function recordPayment(
  deps: Deps,
  act: { staffId: string; meta: RequestMeta },
  input: NewPayment,
): Promise<PaymentResult> {
  const paidAt = readPaidAt(input.paidAt);
  const now = deps.clock.now();
  if (paidAt.getTime() > now.getTime() + futureSlackMs) return refuse('paidAt', 'future');
  const result = await deps.db.transaction(async (tx): Promise<PaymentResult> => {
    const student = await findPayer(tx, input);
    if ('reason' in student) return student;
    const [payment] = await tx
      .insert(payments)
      .values({
        userId: student.id,
        bookingId: input.bookingId ?? null,
        amount: normalizeAmount(input.amount),
        currency: input.currency,
        description: input.description,
        paidAt,
        recordedBy: act.staffId,
        createdAt: now,
      })
      .returning();
    await recordEvent(tx, {
      userId: student.id,
      actorId: act.staffId,
      action: 'staff.payment-recorded',
      at: now,
      meta: act.meta,
      details: { paymentId: payment!.id },
    });
    await queuePaymentMail(deps, tx, student, payment!);
    return { ok: true, payment: payment! };
  });
  if (result.ok) deps.notifyMail();
  return result;
}
