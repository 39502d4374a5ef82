/** The personal cabinet: overview, profile, security (password, email, two-factor, passkeys), sessions. */
export { meApi } from './api';
export { cabinetPageRoutes, renderSecurity } from './pages';
