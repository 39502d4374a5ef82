import { createApiRouter } from '../http/validation';
import { activityApi } from './api/activity';
import { emailApi } from './api/email';
import { passwordApi } from './api/password';
import { profileApi } from './api/profile';
import { sessionsApi } from './api/sessions';

/** The cabinet's JSON routes under /me. The order is the order of openapi.json's paths. */
export function meApi() {
  const api = createApiRouter();
  api.route('/', profileApi());
  api.route('/', passwordApi());
  api.route('/', emailApi());
  api.route('/', sessionsApi());
  api.route('/', activityApi());
  return api;
}
