import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './env';
import { problem, type FieldError } from './problem';

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path:
      issue.path.map(String).join('.') ||
      (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : ''),
    message: issue.message,
  }));
}

/** Every zod failure on any API route becomes a 400 problem with the field errors listed. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (!result.success) {
    return problem(c, {
      status: 400,
      type: 'validation',
      title: 'The request is not valid',
      errors: fieldErrors(result.error),
    });
  }
};

/** A router for one feature's API routes; all share the problem+json validation hook. */
export const createApiRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/** A required JSON body: without `required`, a non-JSON request would skip validation. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

/**
 * The problem responses a route may give, for the OpenAPI document. They are described
 * without a content schema on purpose: that is what lets a typed handler return the plain
 * Response `problem()` builds. Every one is `application/problem+json` (components.Problem).
 */
export function problemResponses<const S extends readonly number[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: 'Problem details (application/problem+json, RFC 9457)' },
    ]),
  ) as { [K in S[number]]: { description: string } };
}
