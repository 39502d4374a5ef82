import { createApiRouter } from '../http/validation';

export function subscriptionsApi() {
  const api = createApiRouter();
  return api;
}
