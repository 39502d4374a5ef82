import { createApiRouter } from '../http/validation';

export function staffApi() {
  const api = createApiRouter();
  return api;
}
