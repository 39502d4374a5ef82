import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, problemResponses, sessionSecurity } from '../http/validation';
import { problem, problems } from '../http/problem';
import { requireAuth } from '../http/require';
import { bookingSchema, paymentSchema, toBookingJson, toPaymentJson } from './api-schemas';
import { bookingCalendar } from './booking-mail';
import { findOwnBooking, listOwnBookings, listOwnPayments } from './my-bookings';

const tags = ['Cabinet'];
const security = sessionSecurity;

const bookingsRoute = createRoute({
  method: 'get',
  path: '/me/bookings',
  description:
    'Your lesson bookings ordered by start time; cancelled ones are included with their status.',
  tags,
  security,
  summary: 'My lesson bookings, by start time (cancelled ones included, with their status)',
  responses: {
    200: {
      description: 'Bookings',
      content: { 'application/json': { schema: z.array(bookingSchema) } },
    },
    ...problemResponses(401),
  },
});

const paymentsRoute = createRoute({
  method: 'get',
  path: '/me/payments',
  description: 'Payments the school recorded for you, newest first.',
  tags,
  security,
  summary: 'Payments the school recorded for me, newest first',
  responses: {
    200: {
      description: 'Payments',
      content: { 'application/json': { schema: z.array(paymentSchema) } },
    },
    ...problemResponses(401),
  },
});

const calendarRoute = createRoute({
  method: 'get',
  path: '/me/bookings/{id}/calendar',
  description:
    'One of your bookings as an iCalendar file (`text/calendar`, METHOD:PUBLISH) to import into a calendar app.',
  tags,
  security,
  summary: 'One of my bookings as an .ics file (METHOD:PUBLISH)',
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: {
      description: 'The booking as one VEVENT with its VTIMEZONE (RFC 5545)',
      content: { 'text/calendar': { schema: z.string().max(65_536) } },
    },
    ...problemResponses(400, 401, 404),
  },
});

export function bookingsApi() {
  const api = createApiRouter();

  api.openapi(bookingsRoute, async (c) => {
    const auth = requireAuth(c);
    const rows = await listOwnBookings(c.get('deps').db, auth.user.id);
    return c.json(rows.map(toBookingJson), 200);
  });

  api.openapi(paymentsRoute, async (c) => {
    const auth = requireAuth(c);
    const rows = await listOwnPayments(c.get('deps').db, auth.user.id);
    return c.json(rows.map(toPaymentJson), 200);
  });

  api.openapi(calendarRoute, async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const booking = await findOwnBooking(deps.db, auth.user.id, c.req.valid('param').id);
    // Someone else's booking answers exactly like a missing one.
    if (!booking) return problem(c, problems.notFound);
    const ics = bookingCalendar(
      deps,
      booking,
      auth.user,
      booking.status === 'cancelled' ? 'CANCEL' : 'PUBLISH',
    );
    return c.body(ics, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="lesson.ics"',
    });
  });

  return api;
}
