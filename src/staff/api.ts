import { createApiRouter } from '../http/validation';
import { adminApi } from './admin-api';
import { consoleApi } from './console-api';

/** The staff console in the API: people, bookings and payments, and the admin side (roles, audit trail). */
export function staffApi() {
  const api = createApiRouter();
  api.route('/', consoleApi());
  api.route('/', adminApi());
  return api;
}
