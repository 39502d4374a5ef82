import { createApiRouter } from '../http/validation';

export function passkeysApi() {
  const api = createApiRouter();
  return api;
}
