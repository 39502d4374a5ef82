import { sessionSecurity } from '../../http/validation';
/** What every cabinet route says in openapi.json: its group and, for most, the bearer session. */
export const tags = ['Cabinet'];
export const security = sessionSecurity;
