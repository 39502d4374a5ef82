import { createApiRouter } from '../http/validation';
import { consentsApi } from './api/consents';
import { deletionApi } from './api/deletion';
import { exportApi } from './api/export';
import { policiesApi } from './api/policies';
import { policyAdminApi } from './api/policy-admin';
import { restrictionApi } from './api/restriction';

/** The privacy rights in the API: the public policy, and the person's own data (export, deletion, restriction). */
export function privacyApi() {
  const api = createApiRouter();
  // Mounted in this order so the OpenAPI document lists the routes as it always has.
  api.route('/', policiesApi());
  api.route('/', exportApi());
  api.route('/', consentsApi());
  api.route('/', restrictionApi());
  api.route('/', deletionApi());
  api.route('/', policyAdminApi());
  return api;
}
