import { webauthnOptionsSchema } from '../schemas';

export const security = [{ bearer: [] }];
export const optionsResponse = {
  200: {
    description: 'Pass to navigator.credentials',
    content: { 'application/json': { schema: webauthnOptionsSchema } },
  },
};
