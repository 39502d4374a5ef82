import { createApiRouter } from '../http/validation';
import { myPasskeysApi } from './api/manage';
import { passkeySignInApi } from './api/sign-in';

/** The passkey JSON routes. The order is the order of openapi.json's paths. */
export function passkeysApi() {
  const api = createApiRouter();
  api.route('/', passkeySignInApi());
  api.route('/', myPasskeysApi());
  return api;
}
