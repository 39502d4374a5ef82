import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { translator } from '../../i18n';
import { renderErrorPage } from '../../views/error-page';
import { bookLessonFor, changeLesson, recordPaymentFor, visibleBookingOwner } from '../lessons';
import { renderFailedForm, renderRefused, staffAct, toCard, uuid } from './card';
import {
  bookingFields,
  bookingForm,
  paymentFields,
  paymentForm,
  pick,
  translatedInputErrors,
  translatedZodErrors,
} from './forms';

/** The "book a lesson" form on the card. */
async function bookLesson(c: Context<AppEnv>) {
  const a = staffAct(c);
  const t = translator(c.get('locale'));
  const userId = uuid.safeParse(c.req.param('id'));
  if (!userId.success) return renderErrorPage(c, 404);
  const form = 'new-booking';
  const values = pick(await readForm(c), bookingFields);
  const parsed = bookingForm.safeParse(values);
  if (!parsed.success)
    return renderFailedForm(c, userId.data, {
      form,
      values,
      errors: translatedZodErrors(t, parsed.error),
    });
  const result = await bookLessonFor(c.get('deps'), a, { userId: userId.data, ...parsed.data });
  if (!result.ok && result.reason === 'restricted') return renderRefused(c, userId.data, form);
  if (!result.ok) {
    const errors =
      result.reason === 'invalid'
        ? translatedInputErrors(t, result.errors, parsed.data.timeZone)
        : {};
    return renderFailedForm(c, userId.data, { form, values, errors });
  }
  return c.redirect(toCard(userId.data, 'booking-created'), 303);
}

/** A booking's inline reschedule form; a failure re-shows the owner's card with it open. */
async function rescheduleLesson(c: Context<AppEnv>) {
  const a = staffAct(c);
  const t = translator(c.get('locale'));
  const id = uuid.safeParse(c.req.param('id'));
  const ownerId = id.success ? await visibleBookingOwner(c.get('deps'), a, id.data) : null;
  if (!id.success || !ownerId) return renderErrorPage(c, 404);
  const form = `booking-${id.data}`;
  const values = pick(await readForm(c), bookingFields);
  const parsed = bookingForm.safeParse(values);
  if (!parsed.success)
    return renderFailedForm(c, ownerId, {
      form,
      values,
      errors: translatedZodErrors(t, parsed.error),
    });
  const result = await changeLesson(c.get('deps'), a, id.data, parsed.data);
  if (result.ok) return c.redirect(toCard(ownerId, 'booking-updated'), 303);
  if (result.reason === 'restricted') return renderRefused(c, ownerId, form);
  if (result.reason === 'cancelled') return c.redirect(toCard(ownerId, 'cancelled-already'), 303);
  if (result.reason !== 'invalid') return renderErrorPage(c, 404);
  return renderFailedForm(c, ownerId, {
    form,
    values,
    errors: translatedInputErrors(t, result.errors, parsed.data.timeZone),
  });
}

/** The "record a payment" form on the card. */
async function addPayment(c: Context<AppEnv>) {
  const a = staffAct(c);
  const t = translator(c.get('locale'));
  const userId = uuid.safeParse(c.req.param('id'));
  if (!userId.success) return renderErrorPage(c, 404);
  const form = 'payment';
  const values = pick(await readForm(c), paymentFields);
  const parsed = paymentForm.safeParse(values);
  if (!parsed.success)
    return renderFailedForm(c, userId.data, {
      form,
      values,
      errors: translatedZodErrors(t, parsed.error),
    });
  const result = await recordPaymentFor(c.get('deps'), a, { userId: userId.data, ...parsed.data });
  if (!result.ok && result.reason === 'restricted') return renderRefused(c, userId.data, form);
  if (!result.ok)
    return renderFailedForm(c, userId.data, {
      form,
      values,
      errors: translatedInputErrors(t, result.errors, ''),
    });
  return c.redirect(toCard(userId.data, 'payment-recorded'), 303);
}

/**
 * The forms behind the card: each answers with a redirect back to it, or the card with errors.
 * Cancelling asks first: see ./cancel.ts.
 */
export function bookingFormPages() {
  const app = new Hono<AppEnv>();
  app.post('/staff/users/:id/bookings', bookLesson);
  app.post('/staff/bookings/:id', rescheduleLesson);
  app.post('/staff/users/:id/payments', addPayment);
  return app;
}
