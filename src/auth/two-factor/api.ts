import { createApiRouter } from '../../http/validation';
import { twoFactorManageApi } from './api/manage';
import { twoFactorSignInApi } from './api/sign-in';

/** The code step of sign-in and the enrolment routes; see the README's "Two-step sign-in". */
export function twoFactorApi() {
  const api = createApiRouter();
  api.route('/', twoFactorSignInApi());
  api.route('/', twoFactorManageApi());
  return api;
}
