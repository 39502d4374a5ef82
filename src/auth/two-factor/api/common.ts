import { z } from '@hono/zod-openapi';

export const tags = ['Two-step sign-in'];

export const codeSchema = z.string().trim().min(1).max(40).openapi({
  description: 'A 6-digit authenticator code, or a recovery code (xxxx-xxxx-xxxx-xxxx)',
});
