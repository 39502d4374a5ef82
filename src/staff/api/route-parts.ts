import { sessionSecurity } from '../../http/validation';
import { z } from '@hono/zod-openapi';
import { adminOnly, staffOnly } from '../access';

const security = sessionSecurity;

/** Every console route checks the role in middleware, before its input is validated. */
export const staffRoute = { tags: ['Staff'], security, middleware: [staffOnly] };
export const adminRoute = { tags: ['Admin'], security, middleware: [adminOnly] };

export const idParam = z.object({ id: z.uuid() });

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
