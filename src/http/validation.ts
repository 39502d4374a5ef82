import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './env';
import { validationProblem, type FieldError } from './problem';

/** What openapi.json promises about `errors`: at most this many, each field this long. */
export const fieldErrorLimits = { items: 100, chars: 500 };

export function fieldErrors(error: z.ZodError): FieldError[] {
  // A 64 KiB body of bad array items yields thousands of issues; the first hundred say enough.
  return error.issues.slice(0, fieldErrorLimits.items).map((issue) => ({
    path: (
      issue.path.map(String).join('.') ||
      (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : '')
    ).slice(0, fieldErrorLimits.chars),
    message: issue.message.slice(0, fieldErrorLimits.chars),
  }));
}

/** Every zod failure on any API route becomes a 400 problem with the field errors listed. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (!result.success) {
    return validationProblem(c, fieldErrors(result.error));
  }
};

/** A router for one feature's API routes; all share the problem+json validation hook. */
export const createApiRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/** A required JSON body: without `required`, a non-JSON request would skip validation. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

const fieldErrorText = z.string().max(fieldErrorLimits.chars);

export const problemSchema = z
  .object({
    type: z
      .url()
      .max(300)
      .openapi({ description: 'APP_URL/problems/<slug>; the slug names the problem' }),
    title: z.string().max(300),
    status: z.number().int().min(400).max(599).openapi({ format: 'int32' }),
    detail: z.string().max(2000).optional(),
    errors: z
      .array(z.object({ path: fieldErrorText, message: fieldErrorText }))
      .max(fieldErrorLimits.items)
      .optional()
      .openapi({ description: 'One entry per invalid field (`path` is dotted)' }),
  })
  .openapi('Problem');

/** Every operation needs a session (cookie or bearer token) unless it says `security: []`. */
export const sessionSecurity: { [scheme: string]: string[] }[] = [{ session: [] }, { bearer: [] }];
/** Spread into a public route: it reads no session, so none is asked for. */
export const publicAccess = { security: [] as { [scheme: string]: string[] }[] };

/**
 * The problem responses a route's own handler may give, for the OpenAPI document (answers
 * of the app-wide middleware are added by src/api/document.ts). They are declared without a
 * content schema on purpose: that is what lets a typed handler return the plain Response
 * `problem()` builds; the document builder adds `application/problem+json` to each.
 */
export function problemResponses<const S extends readonly number[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: 'Problem details (application/problem+json, RFC 9457)' },
    ]),
  ) as { [K in S[number]]: { description: string } };
}

/** How openapi.json describes each problem status unless a route says more. */
export const problemStatusDescriptions: Record<number, string> = {
  400: 'The request is not valid: malformed JSON, unknown fields, wrong types or over-long strings; `errors` lists the fields',
  401: 'No valid session: sign in, or send the token as `Authorization: Bearer`',
  403: 'Not allowed: a cookie-authenticated write from a foreign Origin (`bad-origin`), the current privacy policy not yet accepted (`policy-acceptance-required`), a missing role, or a session that must sign in again (`reauth-required`)',
  404: 'No such resource',
  409: 'The resource is not in a state that allows this',
  413: 'The body is over 64 KiB',
  415: 'The body is not `application/json`',
  422: 'The request is well-formed but cannot be processed',
  429: 'Too many attempts: wait for `Retry-After` seconds',
  500: 'Something went wrong on our side; the answer carries no internals',
  503: 'The database is briefly unavailable: try again after `Retry-After` seconds',
};

/** One example problem per status, so a reader sees the shape of each. */
export const problemExamples: Record<number, object> = {
  400: {
    type: 'https://accounts.example.org/problems/validation',
    title: 'The request is not valid',
    status: 400,
    errors: [{ path: 'email', message: 'Invalid email address' }],
  },
  401: {
    type: 'https://accounts.example.org/problems/unauthenticated',
    title: 'Sign in to continue',
    status: 401,
  },
  403: {
    type: 'https://accounts.example.org/problems/forbidden',
    title: 'You may not do this',
    status: 403,
  },
  404: { type: 'https://accounts.example.org/problems/not-found', title: 'Not found', status: 404 },
  413: {
    type: 'https://accounts.example.org/problems/too-large',
    title: 'The request body is too large',
    status: 413,
    detail: 'At most 65536 bytes',
  },
  429: {
    type: 'https://accounts.example.org/problems/rate-limited',
    title: 'Too many attempts; try again later',
    status: 429,
  },
  500: {
    type: 'https://accounts.example.org/problems/internal',
    title: 'Something went wrong on our side',
    status: 500,
    detail: 'Request id 0b6f1f0e-5c55-4b8e-9c39-2f1f3c1d2a77',
  },
  503: {
    type: 'https://accounts.example.org/problems/unavailable',
    title: 'The service is briefly unavailable; try again shortly',
    status: 503,
  },
};

/** Spread into a route that works with or without a session (sign-out, cancelling a deletion). */
export const optionalSession = { security: [...sessionSecurity, {}] };
