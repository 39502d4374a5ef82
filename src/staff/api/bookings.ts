import type { Context } from 'hono';
import { createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';
import { createApiRouter, jsonBody, problemResponses } from '../../http/validation';
import { problem, problems, validationProblem } from '../../http/problem';
import { staffActor } from '../access';
import { bookLessonFor, cancelLessonOf, changeLesson, recordPaymentFor } from '../lessons';
import {
  createBookingSchema,
  inputErrorMessages,
  paymentSchema,
  recordPaymentSchema,
  staffBookingSchema,
  toPaymentJson,
  toStaffBookingJson,
  updateBookingSchema,
  type BookingResult,
  type InputError,
} from '../../bookings';
import { idParam, json, staffRoute } from './route-parts';

const restrictedNote =
  'While the person restricts processing of their data (GDPR art. 18) this answers 409 with type processing-restricted, until they or an admin lift it.';

const createBookingRoute = createRoute({
  ...staffRoute,
  method: 'post',
  path: '/staff/bookings',
  summary:
    'Book a lesson for someone you work with; the student is mailed a confirmation with an .ics (METHOD:REQUEST)',
  request: { body: jsonBody(createBookingSchema) },
  description: restrictedNote,
  responses: {
    201: json(staffBookingSchema, 'Booked'),
    ...problemResponses(400, 401, 403, 409),
  },
});

const updateBookingRoute = createRoute({
  ...staffRoute,
  method: 'patch',
  path: '/staff/bookings/{id}',
  summary: 'Reschedule or edit; an update mail with the same UID and a higher SEQUENCE goes out',
  description: `${restrictedNote} A cancelled booking answers 409 booking-cancelled.`,
  request: { params: idParam, body: jsonBody(updateBookingSchema) },
  responses: {
    200: json(staffBookingSchema, 'Updated'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const cancelBookingRoute = createRoute({
  ...staffRoute,
  method: 'post',
  path: '/staff/bookings/{id}/cancel',
  summary: 'Cancel; a cancellation (METHOD:CANCEL) goes out',
  description:
    'Allowed while the person restricts processing: cancelling holds processing back and protects them.',
  request: { params: idParam },
  responses: {
    200: json(staffBookingSchema, 'Cancelled'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const paymentRoute = createRoute({
  ...staffRoute,
  method: 'post',
  path: '/staff/payments',
  summary: 'Record a payment from someone you work with; the student is mailed a confirmation',
  request: { body: jsonBody(recordPaymentSchema) },
  description: restrictedNote,
  responses: {
    201: json(paymentSchema, 'Recorded'),
    ...problemResponses(400, 401, 403, 409),
  },
});

const invalid = (c: Context<AppEnv>, errors: InputError[]) =>
  validationProblem(
    c,
    errors.map((e) => ({ path: e.path, message: inputErrorMessages[e.code] })),
  );

/** Refused while the person restricts processing: staff change nothing of theirs. */
const restrictedProblem = (c: Context<AppEnv>) =>
  problem(c, {
    status: 409,
    type: 'processing-restricted',
    title: 'Processing of this person’s data is restricted',
    detail:
      'The person restricted processing of their data; their data cannot be changed until the restriction is lifted. Cancelling a lesson is still possible.',
  });

/**
 * A failed booking write as a problem: unknown booking 404, already cancelled 409, processing
 * restricted 409, bad input 400.
 */
function bookingProblem(c: Context<AppEnv>, result: Exclude<BookingResult, { ok: true }>) {
  if (result.reason === 'restricted') return restrictedProblem(c);
  if (result.reason === 'invalid') return invalid(c, result.errors);
  if (result.reason === 'cancelled')
    return problem(c, {
      status: 409,
      type: 'booking-cancelled',
      title: 'This booking is already cancelled',
    });
  return problem(c, problems.notFound);
}

/** Booking, rescheduling and cancelling lessons, and recording payments; each mails the student. */
export function staffBookingsApi() {
  const api = createApiRouter();

  api.openapi(createBookingRoute, async (c) => {
    const result = await bookLessonFor(c.get('deps'), staffActor(c), c.req.valid('json'));
    if (!result.ok) return bookingProblem(c, result);
    return c.json(toStaffBookingJson(result.booking), 201);
  });

  api.openapi(updateBookingRoute, async (c) => {
    const result = await changeLesson(
      c.get('deps'),
      staffActor(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    if (!result.ok) return bookingProblem(c, result);
    return c.json(toStaffBookingJson(result.booking), 200);
  });

  api.openapi(cancelBookingRoute, async (c) => {
    const result = await cancelLessonOf(c.get('deps'), staffActor(c), c.req.valid('param').id);
    if (!result.ok) return bookingProblem(c, result);
    return c.json(toStaffBookingJson(result.booking), 200);
  });

  api.openapi(paymentRoute, async (c) => {
    const result = await recordPaymentFor(c.get('deps'), staffActor(c), c.req.valid('json'));
    if (!result.ok && result.reason === 'restricted') return restrictedProblem(c);
    if (!result.ok) return invalid(c, result.errors);
    return c.json(toPaymentJson(result.payment), 201);
  });

  return api;
}
