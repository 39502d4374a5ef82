/**
 * Re-authentication: proving again who you are (password or passkey) before a sensitive change.
 * It sits above auth and passkeys, which both stay unaware of it.
 */
export { reauthApi } from './api';
export { reauthPageRoutes } from './pages';
