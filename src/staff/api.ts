import { createApiRouter } from '../http/validation';
import { adminApi } from './api/admin';
import { assignmentsApi } from './api/assignments';
import { staffBookingsApi } from './api/bookings';
import { peopleApi } from './api/people';
import { restrictionsApi } from './api/restrictions';

/** The staff console in the API: people, bookings and payments, and the admin side (roles, audit trail, restriction decisions). */
export function staffApi() {
  const api = createApiRouter();
  api.route('/', peopleApi());
  api.route('/', staffBookingsApi());
  api.route('/', adminApi());
  api.route('/', assignmentsApi());
  api.route('/', restrictionsApi());
  return api;
}
