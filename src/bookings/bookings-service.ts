import { eq, sql } from 'drizzle-orm';
import { bookings, users } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { recordEvent, type RequestMeta } from '../core/activity';
import {
  queueBookingMail,
  type BookingRow,
  type BookingMailKind,
  type Student,
} from './booking-mail';
import { resolveDateTime, type BookingChanges, type InputError } from './schemas';

type StaffAct = { staffId: string; meta: RequestMeta };

export type BookingResult =
  | { ok: true; booking: BookingRow }
  | { ok: false; reason: 'not-found' }
  /** The owner comes along so staff can be sent back to the right card. */
  | { ok: false; reason: 'cancelled'; userId: string }
  | { ok: false; reason: 'invalid'; errors: InputError[] }
  /** The person restricts processing of their data (GDPR art. 18): nothing of theirs changes. */
  | { ok: false; reason: 'restricted' };

export type NewBooking = {
  userId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location?: string | null;
  notes?: string | null;
};

const maxLessonMs = 24 * 3_600_000;
const earliest = Date.UTC(2000, 0, 1);
const latest = Date.UTC(2100, 0, 1);

/** Reads both ends in the zone and checks the span; errors name the field they belong to. */
export function resolveSpan(startsAt: string, endsAt: string, timeZone: string) {
  const start = resolveDateTime(startsAt, timeZone);
  const end = resolveDateTime(endsAt, timeZone);
  const errors: InputError[] = [];
  if (!start.ok) errors.push({ path: 'startsAt', code: start.code });
  if (!end.ok) errors.push({ path: 'endsAt', code: end.code });
  if (!start.ok || !end.ok) return { ok: false as const, errors };
  if (start.date.getTime() < earliest || start.date.getTime() > latest)
    errors.push({ path: 'startsAt', code: 'range' });
  if (end.date <= start.date) errors.push({ path: 'endsAt', code: 'order' });
  else if (end.date.getTime() - start.date.getTime() > maxLessonMs)
    errors.push({ path: 'endsAt', code: 'too-long' });
  return errors.length
    ? { ok: false as const, errors }
    : { ok: true as const, startsAt: start.date, endsAt: end.date };
}

async function findStudent(db: Executor, userId: string): Promise<Student | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/**
 * The student for a change to their lessons, read under a share lock: a restriction of
 * processing (set under an update lock) either lands before, and the change is refused here,
 * or waits until the change has committed. Cancelling does not ask: it protects the person.
 */
export async function studentForChange(
  tx: Executor,
  userId: string,
): Promise<Student | { ok: false; reason: 'restricted' } | null> {
  const [row] = await tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      restrictedAt: users.processingRestrictedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for('share');
  if (!row) return null;
  if (row.restrictedAt) return { ok: false, reason: 'restricted' };
  const { restrictedAt: _, ...student } = row;
  return student;
}

/** The UID stays with the booking for life; the host part makes it unique beyond us (RFC 5545 §3.8.4.7). */
const newUid = (appUrl: string) => `${crypto.randomUUID()}@${new URL(appUrl).hostname}`;

async function finish(
  deps: Pick<Deps, 'config' | 'clock'>,
  tx: Executor,
  act: StaffAct,
  booking: BookingRow,
  student: Student,
  kind: BookingMailKind,
  previous?: BookingRow,
) {
  await recordEvent(tx, {
    userId: booking.userId,
    actorId: act.staffId,
    action: `staff.booking-${kind === 'confirmed' ? 'created' : kind}`,
    at: deps.clock.now(),
    meta: act.meta,
    details: { bookingId: booking.id, sequence: booking.sequence },
  });
  await queueBookingMail(deps, tx, { booking, student, kind, previous });
}

/** Books a lesson for a student and mails the confirmation with its calendar file. */
export async function createBooking(
  deps: Deps,
  act: StaffAct,
  input: NewBooking,
): Promise<BookingResult> {
  const span = resolveSpan(input.startsAt, input.endsAt, input.timeZone);
  if (!span.ok) return { ok: false, reason: 'invalid', errors: span.errors };
  const result = await deps.db.transaction(async (tx): Promise<BookingResult> => {
    const student = await studentForChange(tx, input.userId);
    if (!student)
      return { ok: false, reason: 'invalid', errors: [{ path: 'userId', code: 'no-person' }] };
    if ('reason' in student) return student;
    const now = deps.clock.now();
    const [booking] = await tx
      .insert(bookings)
      .values({
        uid: newUid(deps.config.appUrl),
        sequence: 0,
        userId: student.id,
        staffId: act.staffId,
        title: input.title,
        startsAt: span.startsAt,
        endsAt: span.endsAt,
        timeZone: input.timeZone,
        location: input.location || null,
        notes: input.notes || null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await finish(deps, tx, act, booking!, student, 'confirmed');
    return { ok: true, booking: booking! };
  });
  if (result.ok) deps.notifyMail();
  return result;
}

/**
 * Locks a booking that can still change, so two staff acting at once take turns (and get
 * distinct SEQUENCE numbers); a missing or cancelled one is a failure value.
 */
async function lockOpenBooking(tx: Executor, bookingId: string) {
  const [current] = await tx
    .select()
    .from(bookings)
    .where(eq(bookings.id, bookingId))
    .for('update');
  if (!current) return { ok: false as const, reason: 'not-found' as const };
  if (current.status === 'cancelled')
    return { ok: false as const, reason: 'cancelled' as const, userId: current.userId };
  return current;
}

/**
 * Reschedules or edits a booking: same UID, SEQUENCE one higher, so calendars replace the
 * event instead of adding a second one. The row is locked, so two staff editing at once
 * still get two distinct sequence numbers.
 */
export async function updateBooking(
  deps: Deps,
  act: StaffAct,
  bookingId: string,
  changes: BookingChanges,
): Promise<BookingResult> {
  const result = await deps.db.transaction(async (tx): Promise<BookingResult> => {
    const current = await lockOpenBooking(tx, bookingId);
    if ('reason' in current) return current;
    const student = await studentForChange(tx, current.userId);
    if (student && 'reason' in student) return student;
    const timeZone = changes.timeZone ?? current.timeZone;
    // A time without an offset is read in the (possibly new) zone. Moving only the start
    // keeps the lesson's length; untouched times keep their instant.
    const startsAt = changes.startsAt ?? current.startsAt.toISOString();
    let endsAt = changes.endsAt ?? current.endsAt.toISOString();
    const movedStart =
      changes.startsAt && !changes.endsAt ? resolveDateTime(changes.startsAt, timeZone) : null;
    if (movedStart?.ok) {
      endsAt = new Date(
        movedStart.date.getTime() + current.endsAt.getTime() - current.startsAt.getTime(),
      ).toISOString();
    }
    const span = resolveSpan(startsAt, endsAt, timeZone);
    if (!span.ok) return { ok: false, reason: 'invalid', errors: span.errors };
    const [booking] = await tx
      .update(bookings)
      .set({
        title: changes.title ?? current.title,
        startsAt: span.startsAt,
        endsAt: span.endsAt,
        timeZone,
        location: changes.location === undefined ? current.location : changes.location || null,
        notes: changes.notes === undefined ? current.notes : changes.notes || null,
        sequence: sql`${bookings.sequence} + 1`,
        updatedAt: deps.clock.now(),
      })
      .where(eq(bookings.id, bookingId))
      .returning();
    await finish(deps, tx, act, booking!, student!, 'updated', current);
    return { ok: true, booking: booking! };
  });
  if (result.ok) deps.notifyMail();
  return result;
}

/** Calls a booking off: METHOD:CANCEL with the same UID and a higher SEQUENCE removes it from calendars. */
export async function cancelBooking(
  deps: Deps,
  act: StaffAct,
  bookingId: string,
): Promise<BookingResult> {
  const result = await deps.db.transaction(async (tx): Promise<BookingResult> => {
    const current = await lockOpenBooking(tx, bookingId);
    if ('reason' in current) return current;
    const [booking] = await tx
      .update(bookings)
      .set({
        status: 'cancelled',
        sequence: sql`${bookings.sequence} + 1`,
        updatedAt: deps.clock.now(),
      })
      .where(eq(bookings.id, bookingId))
      .returning();
    const student = await findStudent(tx, booking!.userId);
    await finish(deps, tx, act, booking!, student!, 'cancelled');
    return { ok: true, booking: booking! };
  });
  if (result.ok) deps.notifyMail();
  return result;
}

/** One booking as stored, or null. */
export async function findBooking(db: Executor, bookingId: string): Promise<BookingRow | null> {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
  return row ?? null;
}

/** Whose booking this is, for sending staff back to the right card. */
export async function findBookingOwner(db: Executor, bookingId: string): Promise<string | null> {
  const [row] = await db
    .select({ userId: bookings.userId })
    .from(bookings)
    .where(eq(bookings.id, bookingId));
  return row?.userId ?? null;
}
