import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../config';
import type { AppEnv } from '../http/env';
import { problemExamples, problemStatusDescriptions, sessionSecurity } from '../http/validation';
import { rateLimitResponseHeaders, retryAfter } from './document-headers';

type Json = Record<string, unknown>;
type Response = { description: string; content?: Json; headers?: Json };
type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, Response | { $ref: string }>;
  'x-rate-limited'?: boolean;
};

const tags = [
  {
    name: 'Auth',
    description: 'Registration, sign-in, sign-out, password reset and re-authentication',
  },
  { name: 'Two-step sign-in', description: 'Authenticator-app codes and recovery codes' },
  {
    name: 'Cabinet',
    description: "The signed-in person's profile, sessions, activity and bookings",
  },
  {
    name: 'Privacy',
    description: 'Export, consents, restriction of processing and deletion (GDPR rights)',
  },
  { name: 'Passkeys', description: 'WebAuthn passkeys of the signed-in person' },
  { name: 'Subscriptions', description: 'Mailing lists, double opt-in and one-click unsubscribe' },
  { name: 'Public', description: 'Published information anyone may read' },
  {
    name: 'Staff',
    description:
      'The staff console (role staff or admin); each read shows in the person’s activity',
  },
  { name: 'Admin', description: 'Administration (role admin)' },
];

const unsafe = new Set(['post', 'put', 'patch', 'delete']);

/** `post /me/passkeys/{id}` → `postMePasskeysById`: stable, so generated clients keep their names. */
function operationIdOf(method: string, path: string) {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith('{') ? `by-${part.slice(1, -1)}` : part))
    .flatMap((part) => part.split(/[^a-zA-Z0-9]+/))
    .filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * The answers every operation can give because of the app-wide middleware rather than its
 * handler: they are added here, where that middleware is known, so a route lists only its own.
 */
function appWideStatuses(method: string, op: Operation) {
  const isPublic = Array.isArray(op.security) && op.security.length === 0;
  const hasBody = op.requestBody !== undefined;
  const statuses: number[] = [500, 503];
  if (hasBody || op.parameters?.length) statuses.push(400);
  if (hasBody) statuses.push(413, 415);
  // A session route: no session is 401; a cross-site cookie write or an unaccepted privacy
  // policy is 403. A public write is 403 too when a cookie comes from a foreign Origin.
  if (!isPublic) statuses.push(401, 403);
  else if (unsafe.has(method)) statuses.push(403);
  if (op.parameters?.some((p) => p.in === 'path')) statuses.push(404);
  if (op['x-rate-limited']) statuses.push(429);
  return statuses;
}

function problemResponse(code: number): Response {
  const response: Response = {
    description: problemStatusDescriptions[code] ?? 'Problem details',
    content: {
      'application/problem+json': {
        schema: { $ref: '#/components/schemas/Problem' },
        ...(problemExamples[code] ? { example: problemExamples[code] } : {}),
      },
    },
  };
  if (code === 429 || code === 503) response.headers = { ...retryAfter };
  return response;
}

/**
 * A problem a route declares without words of its own becomes a reference to one shared
 * answer per status (`components.responses.Problem401`, …), which keeps the document and the
 * generated client types small; rate-limited operations keep theirs inline, with the headers.
 */
function completeOperation(method: string, path: string, op: Operation, shared: Set<number>) {
  op.operationId ??= operationIdOf(method, path);
  for (const status of appWideStatuses(method, op)) op.responses[status] ??= { description: '' };
  const isRateLimited = op['x-rate-limited'] === true;
  for (const [status, response] of Object.entries(op.responses as Record<string, Response>)) {
    const code = Number(status);
    const isGeneric =
      !response.content && (!response.description || response.description.startsWith('Problem'));
    if (code >= 400 && isGeneric && !isRateLimited) {
      shared.add(code);
      op.responses[status] = { $ref: `#/components/responses/Problem${code}` };
      continue;
    }
    if (code >= 400) {
      const standard = problemResponse(code);
      if (isGeneric) response.description = standard.description;
      response.content ??= standard.content;
      response.headers = { ...response.headers, ...standard.headers };
    }
    if (isRateLimited && (code < 300 || (code >= 400 && code < 500)))
      response.headers = { ...response.headers, ...rateLimitResponseHeaders };
  }
  // The route's mark for this pass, not part of the published contract.
  delete op['x-rate-limited'];
}

const int32Max = 2 ** 31 - 1;

/**
 * zod's `.int()` says `integer` without a width; JSON numbers are exact up to 2^53, so a
 * count or id is int32 when its bounds fit and int64 otherwise.
 */
function addImpliedLimits(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(addImpliedLimits);
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  // A uuid (36 characters) and a date (10) have their length fixed by the format zod checks.
  if (schema.type === 'string' && schema.format === 'uuid') schema.maxLength ??= 36;
  if (schema.type === 'string' && schema.format === 'date') schema.maxLength ??= 10;
  if (schema.type === 'integer' && schema.format === undefined) {
    const fits = (v: unknown) => typeof v === 'number' && Math.abs(v) <= int32Max;
    schema.format =
      fits(schema.maximum) && (schema.minimum === undefined || fits(schema.minimum))
        ? 'int32'
        : 'int64';
  }
  Object.values(schema).forEach(addImpliedLimits);
}

/**
 * openapi.json as served: what the routes declare, completed with what the whole app does
 * (security, problem answers, rate-limit headers, operation ids) and the server at APP_URL.
 */
export function buildApiDocument(api: OpenAPIHono<AppEnv>, config: Config) {
  // Built once per app: its routes and configuration do not change after start-up.
  let doc = documents.get(api);
  if (!doc) documents.set(api, (doc = completeDocument(api, config)));
  return doc;
}
const documents = new WeakMap<OpenAPIHono<AppEnv>, ReturnType<typeof completeDocument>>();

function completeDocument(api: OpenAPIHono<AppEnv>, config: Config) {
  const doc = api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Accounts and personal cabinet API',
      version: '1',
      description:
        'Every error is `application/problem+json` (RFC 9457). Sign in with the session cookie a browser keeps, or send the same token as `Authorization: Bearer` (ask for it with `"tokenInBody": true` at sign-in). Rate-limited operations send the IETF `RateLimit` and `RateLimit-Policy` headers, and `Retry-After` on 429.',
      contact: { name: 'The school’s administrator', url: `${config.appUrl}/privacy` },
    },
    servers: [
      {
        url: `${config.appUrl}/api/v1`,
        description: config.isProduction
          ? 'This service (production)'
          : 'This service (local or staging)',
        'x-internal': false,
      },
    ],
    tags,
    // The default for every operation; public ones say `security: []`.
    security: sessionSecurity,
  });
  const shared = new Set<number>();
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const [method, op] of Object.entries(item as Record<string, Operation>))
      completeOperation(method, path, op, shared);
  const responses = Object.fromEntries(
    [...shared].sort().map((code) => [`Problem${code}`, problemResponse(code)]),
  );
  doc.components = { ...doc.components, responses } as typeof doc.components;
  addImpliedLimits(doc.paths);
  addImpliedLimits(doc.components);
  return doc;
}
