import { createRoute, z } from '@hono/zod-openapi';
import { withRateLimit } from '../../http/rate-limit-headers';
import { addressSubject, authRateLimits } from '../../auth';
import { startCookieSession } from '../../http/signed-in';
import { createApiRouter, jsonBody, problemResponses, publicAccess } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { rateLimited, resetRequired } from '../../http/common-problems';
import { meSchema, toMe } from '../../core/me';
import { optionsPerIp, signInWithPasskey, startPasskeyAuthentication } from '../authentication';
import type { RatePolicy } from '../../http/rate-limit-headers';

const optionsByAddress: RatePolicy = {
  rule: () => optionsPerIp,
  subject: (c) => addressSubject(c.get('clientIp')),
};
import { clearChallengeCookie, readChallengeCookie, setChallengeCookie } from '../challenge-cookie';
import { passkeyProblem } from '../failures';
import { authenticationResponseSchema } from '../schemas';
import { optionsResponse, security } from './shared';

const signInOptionsRoute = createRoute({
  method: 'post',
  path: '/auth/passkey/options',
  ...withRateLimit(optionsByAddress),
  description:
    'Public. WebAuthn authentication options for `navigator.credentials.get`; the challenge is bound to a short-lived HttpOnly cookie. Finish with `POST /auth/passkey/verify`.',
  ...publicAccess,
  tags: ['Auth'],
  summary:
    'Start a passkey sign-in: WebAuthn options; the challenge is bound to a 5-minute HttpOnly cookie',
  responses: { ...optionsResponse, ...problemResponses(429) },
});
const signInVerifyRoute = createRoute({
  method: 'post',
  path: '/auth/passkey/verify',
  ...withRateLimit(authRateLimits.failedSignInsByAddress),
  description:
    'Public. Verifies the WebAuthn assertion against the challenge from `POST /auth/passkey/options`; signs in like `POST /auth/login`. A failed assertion counts as a failed sign-in from this address.',
  ...publicAccess,
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
  description:
    'WebAuthn options limited to your passkeys; pass the assertion to `POST /auth/reauth` as `response`.',
  tags: ['Auth'],
  security,
  summary:
    'Start re-authentication with one of your passkeys; finish with POST /auth/reauth {response}',
  responses: { ...optionsResponse, ...problemResponses(401) },
});

/** Signing in, or starting a re-authentication, with a passkey. */
export function passkeySignInApi() {
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

  return api;
}
