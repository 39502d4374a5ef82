import { createApiRouter } from '../http/validation';
import { cabinetPrivacyApi } from './cabinet-api';
import { publicPrivacyApi } from './public-api';

/** The privacy rights in the API: the public policy, and the person's own data (export, deletion, restriction). */
export function privacyApi() {
  const api = createApiRouter();
  api.route('/', publicPrivacyApi());
  api.route('/', cabinetPrivacyApi());
  return api;
}
