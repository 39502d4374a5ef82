import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, problemResponses, publicAccess } from '../../http/validation';
import { withRateLimit } from '../../http/rate-limit-headers';
import { authRateLimits } from '../rate-policies';
import { emailSchema } from '../../core/email-address';

export const tags = ['Auth'];
export const accepted = z.object({ status: z.string() });

/** A route whose body is just an address and whose answer reveals nothing about it. */
export const emailOnlyRoute = (path: string, summary: string, description: string) =>
  createRoute({
    method: 'post',
    path,
    ...publicAccess,
    ...withRateLimit(authRateLimits.emailsByAddress),
    tags,
    summary,
    description,
    request: { body: jsonBody(z.strictObject({ email: emailSchema })) },
    responses: {
      202: {
        description: 'Always accepted',
        content: { 'application/json': { schema: accepted } },
      },
      ...problemResponses(400, 429),
    },
  });
