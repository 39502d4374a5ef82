import { z } from '@hono/zod-openapi';

export const pageQuerySchema = z.coerce.number().int().min(1).max(10_000).default(1);

export const roleChangeSchema = z.strictObject({ role: z.enum(['user', 'staff']) });
