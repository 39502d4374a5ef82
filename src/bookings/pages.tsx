import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { requireAuth } from '../http/require';
import { listOwnBookings, listOwnPayments } from './my-bookings';
import { myBookingsPage } from './views/my-bookings-page';

/** The student's side: /account/bookings in the cabinet. */
export function bookingsPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/account/bookings', async (c) => {
    const auth = requireAuth(c);
    const { db, clock } = c.get('deps');
    const [bookings, payments] = await Promise.all([
      listOwnBookings(db, auth.user.id),
      listOwnPayments(db, auth.user.id),
    ]);
    return myBookingsPage(c, { bookings, payments, now: clock.now() });
  });
  return app;
}
