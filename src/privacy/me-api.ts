import { createApiRouter } from '../http/validation';

export function privacyApi() {
  const api = createApiRouter();
  return api;
}
