import { startCookieSession } from '../http/signed-in';
import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, jsonBody, problemResponses } from '../http/validation';
import { requestMeta } from '../http/request-meta';
import { requireAuth, requirePrivileged } from '../http/require';
import { problem, problems } from '../http/problem';
import { rateLimited, resetRequired } from '../http/common-problems';
import { findUserById } from '../core/users';
import { meSchema, toMe } from '../core/me';
import { signInWithPasskey, startPasskeyAuthentication } from './authentication';
import { clearChallengeCookie, readChallengeCookie, setChallengeCookie } from './challenge-cookie';
import { listPasskeys, passkeyNameSchema, passkeySchema, toPasskeyJson } from './credentials';
import { passkeyProblem } from './failures';
import { removeOwnPasskey, renameOwnPasskey } from './manage';
import { finishPasskeyRegistration, startPasskeyRegistration } from './registration';
import {
  authenticationResponseSchema,
  registrationResponseSchema,
  webauthnOptionsSchema,
} from './schemas';

const security = [{ bearer: [] }];
const optionsResponse = {
  200: {
    description: 'Pass to navigator.credentials',
    content: { 'application/json': { schema: webauthnOptionsSchema } },
  },
};
const passkeyResponse = (description: string) => ({
  content: { 'application/json': { schema: passkeySchema } },
  description,
});
const idParam = z.object({ id: z.string().max(64) });

const signInOptionsRoute = createRoute({
  method: 'post',
  path: '/auth/passkey/options',
  tags: ['Auth'],
  summary:
    'Start a passkey sign-in: WebAuthn options; the challenge is bound to a 5-minute HttpOnly cookie',
  responses: { ...optionsResponse, ...problemResponses(429) },
});
const signInVerifyRoute = createRoute({
  method: 'post',
  path: '/auth/passkey/verify',
  tags: ['Auth'],
  summary: 'Finish a passkey sign-in; sets the session cookie like POST /auth/login',
  request: {
    body: jsonBody(
      z.strictObject({
        response: authenticationResponseSchema,
        remember: z.boolean().optional(),
        tokenInBody: z.boolean().optional(),
      }),
    ),
  },
  responses: {
    200: {
      description: 'Signed in',
      content: {
        'application/json': { schema: z.object({ user: meSchema, token: z.string().optional() }) },
      },
    },
    ...problemResponses(400, 401, 429),
  },
});
const reauthOptionsRoute = createRoute({
  method: 'post',
  path: '/auth/reauth/passkey/options',
  tags: ['Auth'],
  security,
  summary:
    'Start re-authentication with one of your passkeys; finish with POST /auth/reauth {response}',
  responses: { ...optionsResponse, ...problemResponses(401) },
});
const listRoute = createRoute({
  method: 'get',
  path: '/me/passkeys',
  tags: ['Passkeys'],
  security,
  summary: 'Your passkeys',
  responses: {
    200: {
      description: 'Passkeys, oldest first',
      content: { 'application/json': { schema: z.array(passkeySchema) } },
    },
    ...problemResponses(401),
  },
});
const registerOptionsRoute = createRoute({
  method: 'post',
  path: '/me/passkeys/options',
  tags: ['Passkeys'],
  security,
  summary: 'Start adding a passkey (privileged): WebAuthn creation options, your passkeys excluded',
  responses: { ...optionsResponse, ...problemResponses(401, 403) },
});
const registerRoute = createRoute({
  method: 'post',
  path: '/me/passkeys',
  tags: ['Passkeys'],
  security,
  summary: 'Finish adding a passkey (privileged)',
  request: {
    body: jsonBody(
      z.strictObject({ response: registrationResponseSchema, name: passkeyNameSchema.optional() }),
    ),
  },
  responses: { 201: passkeyResponse('Added'), ...problemResponses(400, 401, 403, 409) },
});
const renameRoute = createRoute({
  method: 'patch',
  path: '/me/passkeys/{id}',
  tags: ['Passkeys'],
  security,
  summary: 'Rename a passkey',
  request: { params: idParam, body: jsonBody(z.strictObject({ name: passkeyNameSchema })) },
  responses: { 200: passkeyResponse('Renamed'), ...problemResponses(400, 401, 404) },
});
const removeRoute = createRoute({
  method: 'delete',
  path: '/me/passkeys/{id}',
  tags: ['Passkeys'],
  security,
  summary: 'Remove a passkey (privileged); the last way to sign in cannot be removed',
  request: { params: idParam },
  responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404, 409) },
});

export function passkeysApi() {
  const api = createApiRouter();

  api.openapi(signInOptionsRoute, async (c) => {
    const deps = c.get('deps');
    const started = await startPasskeyAuthentication(deps, { ip: c.get('clientIp') });
    if (!started.ok) return rateLimited(c, started.retryAfterSeconds);
    setChallengeCookie(c, deps.config, started.challengeId);
    return c.json(started.options as unknown as Record<string, unknown>, 200);
  });

  api.openapi(signInVerifyRoute, async (c) => {
    const deps = c.get('deps');
    const body = c.req.valid('json');
    const result = await signInWithPasskey(
      deps,
      {
        response: body.response,
        challengeId: readChallengeCookie(c, deps.config),
        remember: !!body.remember,
      },
      requestMeta(c),
    );
    // Used or not, the challenge is spent: the next try starts with new options.
    clearChallengeCookie(c, deps.config);
    if (!result.ok) {
      if (result.reason === 'rate-limited') return rateLimited(c, result.retryAfterSeconds);
      if (result.reason === 'reset-required') return resetRequired(c);
      return passkeyProblem(c, result.reason, {
        origin: 'origin' in result ? result.origin : undefined,
      });
    }
    await startCookieSession(c, result);
    return c.json(
      { user: toMe(result.user), ...(body.tokenInBody ? { token: result.token } : {}) },
      200,
    );
  });

  api.openapi(reauthOptionsRoute, async (c) => {
    const auth = requireAuth(c);
    const started = await startPasskeyAuthentication(c.get('deps'), {
      user: auth.user,
      sessionId: auth.session.id,
    });
    if (!started.ok) return rateLimited(c, started.retryAfterSeconds);
    return c.json(started.options as unknown as Record<string, unknown>, 200);
  });

  api.openapi(listRoute, async (c) => {
    const auth = requireAuth(c);
    const rows = await listPasskeys(c.get('deps').db, auth.user.id);
    return c.json(rows.map(toPasskeyJson), 200);
  });

  api.openapi(registerOptionsRoute, async (c) => {
    const auth = requirePrivileged(c);
    const options = await startPasskeyRegistration(c.get('deps'), {
      user: auth.user,
      sessionId: auth.session.id,
    });
    return c.json(options as unknown as Record<string, unknown>, 200);
  });

  api.openapi(registerRoute, async (c) => {
    const auth = requirePrivileged(c);
    const deps = c.get('deps');
    const user = await findUserById(deps.db, auth.user.id);
    if (!user) return problem(c, problems.unauthenticated);
    const body = c.req.valid('json');
    const result = await finishPasskeyRegistration(
      deps,
      { user, sessionId: auth.session.id },
      body,
      requestMeta(c),
    );
    if (!result.ok) return passkeyProblem(c, result.reason, { origin: result.origin });
    return c.json(toPasskeyJson(result.passkey), 201);
  });

  api.openapi(renameRoute, async (c) => {
    const auth = requireAuth(c);
    const row = await renameOwnPasskey(
      c.get('deps'),
      auth.user.id,
      c.req.valid('param').id,
      c.req.valid('json').name,
      requestMeta(c),
    );
    if (!row) return problem(c, problems.notFound);
    return c.json(toPasskeyJson(row), 200);
  });

  api.openapi(removeRoute, async (c) => {
    const auth = requirePrivileged(c);
    const result = await removeOwnPasskey(
      c.get('deps'),
      auth.user.id,
      c.req.valid('param').id,
      requestMeta(c),
    );
    if (!result.ok && result.reason === 'not-found') return problem(c, problems.notFound);
    if (!result.ok) {
      return problem(c, {
        status: 409,
        type: 'last-sign-in-method',
        title: 'This passkey is your only way to sign in',
        detail: 'Add another passkey or set a password first.',
      });
    }
    return c.body(null, 204);
  });

  return api;
}
