import { sessionSecurity } from '../../http/validation';
/** What every route of the person's own privacy API declares in the OpenAPI document. */
export const tags = ['Privacy'];
export const security = sessionSecurity;
