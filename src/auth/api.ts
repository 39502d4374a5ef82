import { createApiRouter } from '../http/validation';
import { passwordApi } from './api/password';
import { registrationApi } from './api/registration';
import { signInApi } from './api/sign-in';
import { twoFactorApi } from './two-factor/api';

/** The JSON routes of accounts and signing in, in the order the OpenAPI document lists them. */
export function authApi() {
  const api = createApiRouter();
  api.route('/', registrationApi());
  api.route('/', signInApi());
  api.route('/', passwordApi());
  api.route('/', twoFactorApi());
  return api;
}
