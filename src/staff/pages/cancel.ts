import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { renderErrorPage } from '../../views/error-page';
import { bookingToCancel, cancelLessonOf, visibleBookingOwner } from '../lessons';
import { cancelBookingPage } from '../views/cancel-booking-page';
import { staffAct, toCard, uuid } from './card';

/** The confirmation page for one booking of one person. */
export const cancelPagePath = (userId: string, bookingId: string) =>
  `/staff/users/${userId}/bookings/${bookingId}/cancel`;

/**
 * "Cancel this booking?": names the lesson, its time and the student, and offers the one
 * form that cancels. A booking already cancelled goes back to the card saying so.
 */
async function confirmCancel(c: Context<AppEnv>) {
  const a = staffAct(c);
  const userId = uuid.safeParse(c.req.param('id'));
  const bookingId = uuid.safeParse(c.req.param('bookingId'));
  if (!userId.success || !bookingId.success) return renderErrorPage(c, 404);
  const found = await bookingToCancel(c.get('deps'), a, {
    userId: userId.data,
    bookingId: bookingId.data,
  });
  if (!found) return renderErrorPage(c, 404);
  if (found.booking.status === 'cancelled')
    return c.redirect(toCard(userId.data, 'cancelled-already'), 303);
  return cancelBookingPage(c, found);
}

/**
 * Cancels, but only when sent from the confirmation page's form (`confirm=yes`); any other
 * POST (an old card's button, a stray form) is sent to that page and changes nothing.
 */
async function cancelLesson(c: Context<AppEnv>) {
  const a = staffAct(c);
  const id = uuid.safeParse(c.req.param('id'));
  if (!id.success) return renderErrorPage(c, 404);
  if ((await readForm(c)).confirm !== 'yes') {
    const owner = await visibleBookingOwner(c.get('deps'), a, id.data);
    return owner ? c.redirect(cancelPagePath(owner, id.data), 303) : renderErrorPage(c, 404);
  }
  const result = await cancelLessonOf(c.get('deps'), a, id.data);
  if (result.ok) return c.redirect(toCard(result.booking.userId, 'booking-cancelled'), 303);
  if (result.reason === 'cancelled')
    return c.redirect(toCard(result.userId, 'cancelled-already'), 303);
  return renderErrorPage(c, 404);
}

/** Cancelling a booking from the card: a page that asks, and the form on it that acts. */
export function cancelPages() {
  const app = new Hono<AppEnv>();
  app.get('/staff/users/:id/bookings/:bookingId/cancel', confirmCancel);
  app.post('/staff/bookings/:id/cancel', cancelLesson);
  return app;
}
