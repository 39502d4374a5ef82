/** The staff console: finding people, their bookings and payments, roles and the audit trail. */
export { staffApi } from './api';
export { staffPageRoutes } from './pages';
