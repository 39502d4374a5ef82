import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import { recordEvent } from '../core/activity';
import {
  cancelBooking,
  createBooking,
  findBooking,
  findBookingOwner,
  recordPayment,
  updateBooking,
} from '../bookings';
import { canSeePerson, type StaffActor } from './visibility';

/**
 * Booking and payments as the console does them: only for a person the actor may see. A
 * teacher starts working with someone when an admin assigns them (or books the first lesson
 * with them as admin); after that their own lessons keep the person visible.
 *
 * A person (or a booking of a person) the actor may not see is asked about as nobody: the
 * service gets an id no row ever has, so the answer is exactly the one for an unknown id,
 * field errors and their order included, and tells nothing about whether the person exists.
 */
const nobody = '00000000-0000-0000-0000-000000000000';

type Input<F extends (...args: never[]) => unknown> = Parameters<F>[2];

async function seenOrNobody(deps: Pick<Deps, 'db' | 'clock'>, act: StaffActor, userId: string) {
  return (await canSeePerson(deps.db, act, userId, deps.clock.now())) ? userId : nobody;
}

/** The person a booking belongs to, when the actor may see them; null as for no booking. */
export async function visibleBookingOwner(
  deps: Pick<Deps, 'db' | 'clock'>,
  act: StaffActor,
  bookingId: string,
): Promise<string | null> {
  const owner = await findBookingOwner(deps.db, bookingId);
  if (!owner) return null;
  return (await canSeePerson(deps.db, act, owner, deps.clock.now())) ? owner : null;
}

export async function bookLessonFor(
  deps: Deps,
  act: StaffActor,
  input: Input<typeof createBooking>,
) {
  return createBooking(deps, act, {
    ...input,
    userId: await seenOrNobody(deps, act, input.userId),
  });
}

export async function changeLesson(
  deps: Deps,
  act: StaffActor,
  bookingId: string,
  input: Parameters<typeof updateBooking>[3],
) {
  const owner = await visibleBookingOwner(deps, act, bookingId);
  return updateBooking(deps, act, owner ? bookingId : nobody, input);
}

/**
 * A booking of this person and the person's name, for the "cancel this booking?" page; null
 * unless the booking is theirs and the actor may see them. Showing an open booking names the
 * person and their lesson, so it is logged as a look at them, as the card is.
 */
export async function bookingToCancel(
  deps: Pick<Deps, 'db' | 'clock'>,
  act: StaffActor,
  ids: { userId: string; bookingId: string },
) {
  if ((await visibleBookingOwner(deps, act, ids.bookingId)) !== ids.userId) return null;
  const booking = await findBooking(deps.db, ids.bookingId);
  const [student] = await deps.db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, ids.userId));
  if (!booking || !student) return null;
  if (booking.status === 'confirmed')
    await recordEvent(deps.db, {
      userId: ids.userId,
      actorId: act.staffId,
      action: 'staff.viewed-profile',
      at: deps.clock.now(),
      meta: act.meta,
    });
  return { booking, studentName: student.name };
}

export async function cancelLessonOf(deps: Deps, act: StaffActor, bookingId: string) {
  return cancelBooking(
    deps,
    act,
    (await visibleBookingOwner(deps, act, bookingId)) ? bookingId : nobody,
  );
}

export async function recordPaymentFor(
  deps: Deps,
  act: StaffActor,
  input: Input<typeof recordPayment>,
) {
  return recordPayment(deps, act, {
    ...input,
    userId: await seenOrNobody(deps, act, input.userId),
  });
}
