import type { Context } from 'hono';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { createApiRouter, jsonBody, problemResponses } from '../http/validation';
import { problem, problems } from '../http/problem';
import { requestMeta } from '../http/request-meta';
import { requireStaff, staffOnly } from './access';
import { paymentSchema, staffBookingSchema, toPaymentJson, toStaffBookingJson } from '../bookings';
import {
  personCardSchema,
  personSummarySchema,
  toPersonCardJson,
  toPersonSummaryJson,
} from './api-schemas';
import { cancelBooking, createBooking, updateBooking, type BookingResult } from '../bookings';
import { openPersonCard, pageSize, searchPeople } from './people';
import { pageQuerySchema } from './schemas';
import { recordPayment } from '../bookings';
import {
  createBookingSchema,
  inputErrorMessages,
  recordPaymentSchema,
  updateBookingSchema,
  type InputError,
} from '../bookings';

const tags = ['Staff'];
const security = [{ bearer: [] }];
const middleware = [staffOnly];
const idParam = z.object({ id: z.uuid() });
const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const searchRoute = createRoute({
  method: 'get',
  path: '/staff/users',
  tags,
  security,
  middleware,
  summary: 'Find people by email or name; each person listed sees it in their activity',
  request: {
    query: z.object({ query: z.string().trim().max(100).optional(), page: pageQuerySchema }),
  },
  responses: {
    200: json(
      z.object({
        users: z.array(personSummarySchema),
        page: z.number(),
        pageSize: z.number(),
        hasMore: z.boolean(),
      }),
      'One page of people',
    ),
    ...problemResponses(400, 401, 403),
  },
});

const cardRoute = createRoute({
  method: 'get',
  path: '/staff/users/{id}',
  tags,
  security,
  middleware,
  summary: 'A person’s card; the view shows in their activity',
  request: { params: idParam },
  responses: { 200: json(personCardSchema, 'The card'), ...problemResponses(400, 401, 403, 404) },
});

const createBookingRoute = createRoute({
  method: 'post',
  path: '/staff/bookings',
  tags,
  security,
  middleware,
  summary: 'Book a lesson; the student is mailed a confirmation with an .ics (METHOD:REQUEST)',
  request: { body: jsonBody(createBookingSchema) },
  responses: { 201: json(staffBookingSchema, 'Booked'), ...problemResponses(400, 401, 403) },
});

const updateBookingRoute = createRoute({
  method: 'patch',
  path: '/staff/bookings/{id}',
  tags,
  security,
  middleware,
  summary: 'Reschedule or edit; an update mail with the same UID and a higher SEQUENCE goes out',
  request: { params: idParam, body: jsonBody(updateBookingSchema) },
  responses: {
    200: json(staffBookingSchema, 'Updated'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const cancelBookingRoute = createRoute({
  method: 'post',
  path: '/staff/bookings/{id}/cancel',
  tags,
  security,
  middleware,
  summary: 'Cancel; a cancellation (METHOD:CANCEL) goes out',
  request: { params: idParam },
  responses: {
    200: json(staffBookingSchema, 'Cancelled'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const paymentRoute = createRoute({
  method: 'post',
  path: '/staff/payments',
  tags,
  security,
  middleware,
  summary: 'Record a payment received; the student is mailed a confirmation',
  request: { body: jsonBody(recordPaymentSchema) },
  responses: { 201: json(paymentSchema, 'Recorded'), ...problemResponses(400, 401, 403) },
});

const invalid = (c: Context<AppEnv>, errors: InputError[]) =>
  problem(c, {
    status: 400,
    type: 'validation',
    title: 'The request is not valid',
    errors: errors.map((e) => ({ path: e.path, message: inputErrorMessages[e.code] })),
  });

/** A failed booking write as a problem: unknown booking 404, already cancelled 409, bad input 400. */
function bookingProblem(c: Context<AppEnv>, result: Exclude<BookingResult, { ok: true }>) {
  if (result.reason === 'invalid') return invalid(c, result.errors);
  if (result.reason === 'cancelled')
    return problem(c, {
      status: 409,
      type: 'booking-cancelled',
      title: 'This booking is already cancelled',
    });
  return problem(c, problems.notFound);
}

export function consoleApi() {
  const api = createApiRouter();

  api.openapi(searchRoute, async (c) => {
    const auth = requireStaff(c);
    const { query, page } = c.req.valid('query');
    const result = await searchPeople(
      c.get('deps'),
      { staffId: auth.user.id, meta: requestMeta(c) },
      { query: query ?? '', page },
    );
    return c.json(
      { users: result.people.map(toPersonSummaryJson), page, pageSize, hasMore: result.hasMore },
      200,
    );
  });

  api.openapi(cardRoute, async (c) => {
    const auth = requireStaff(c);
    const card = await openPersonCard(
      c.get('deps'),
      { staffId: auth.user.id, meta: requestMeta(c) },
      c.req.valid('param').id,
    );
    if (!card) return problem(c, problems.notFound);
    return c.json(toPersonCardJson(card, c.get('locale')), 200);
  });

  api.openapi(createBookingRoute, async (c) => {
    const auth = requireStaff(c);
    const result = await createBooking(
      c.get('deps'),
      { staffId: auth.user.id, meta: requestMeta(c) },
      c.req.valid('json'),
    );
    if (!result.ok) return bookingProblem(c, result);
    return c.json(toStaffBookingJson(result.booking), 201);
  });

  api.openapi(updateBookingRoute, async (c) => {
    const auth = requireStaff(c);
    const act = { staffId: auth.user.id, meta: requestMeta(c) };
    const result = await updateBooking(
      c.get('deps'),
      act,
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    if (!result.ok) return bookingProblem(c, result);
    return c.json(toStaffBookingJson(result.booking), 200);
  });

  api.openapi(cancelBookingRoute, async (c) => {
    const auth = requireStaff(c);
    const result = await cancelBooking(
      c.get('deps'),
      { staffId: auth.user.id, meta: requestMeta(c) },
      c.req.valid('param').id,
    );
    if (!result.ok) return bookingProblem(c, result);
    return c.json(toStaffBookingJson(result.booking), 200);
  });

  api.openapi(paymentRoute, async (c) => {
    const auth = requireStaff(c);
    const result = await recordPayment(
      c.get('deps'),
      { staffId: auth.user.id, meta: requestMeta(c) },
      c.req.valid('json'),
    );
    if (!result.ok) return invalid(c, result.errors);
    return c.json(toPaymentJson(result.payment), 201);
  });

  return api;
}
