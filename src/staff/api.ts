import { createApiRouter } from '../http/validation';
import { adminApi } from './admin-api';
import { myBookingsApi } from './me-api';
import { staffApi as staffRoutes } from './staff-api';

/** Bookings and payments in the API: the staff console, its admin side, and the student's own view. */
export function staffApi() {
  const api = createApiRouter();
  api.route('/', staffRoutes());
  api.route('/', adminApi());
  api.route('/', myBookingsApi());
  return api;
}
