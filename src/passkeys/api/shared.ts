import { sessionSecurity } from '../../http/validation';
import { webauthnOptionsSchema } from '../schemas';

export const security = sessionSecurity;
export const optionsResponse = {
  200: {
    description: 'Pass to navigator.credentials',
    content: { 'application/json': { schema: webauthnOptionsSchema } },
  },
};
