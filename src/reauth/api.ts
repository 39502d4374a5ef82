import { createRoute, z } from '@hono/zod-openapi';
import { withRateLimit } from '../http/rate-limit-headers';
import { authRateLimits } from '../auth';
import { createApiRouter, jsonBody, problemResponses, sessionSecurity } from '../http/validation';
import { requestMeta } from '../http/request-meta';
import { requireAuth } from '../http/require';
import { problem } from '../http/problem';
import { passwordSchema, rateLimited } from '../http/common-problems';
import { authenticationResponseSchema, passkeyProblem } from '../passkeys';
import { keepRenewedSession } from './renewed-cookie';
import { reauthWithPasskey, reauthWithPassword } from './service';

const tags = ['Auth'];

const reauthRoute = createRoute({
  method: 'post',
  path: '/auth/reauth',
  ...withRateLimit(authRateLimits.failedReauthsByPerson),
  description:
    'With the password (or a passkey assertion as `response`); the session becomes privileged for REAUTH_MINUTES. Wrong passwords count towards a per-account limit (429).',
  tags,
  summary:
    'Prove the password (or a passkey: POST /auth/reauth/passkey/options first) again; the session becomes privileged for REAUTH_MINUTES',
  request: {
    body: jsonBody(
      z.union([
        z.strictObject({ password: passwordSchema }),
        z.strictObject({ response: authenticationResponseSchema }),
      ]),
    ),
  },
  responses: { 204: { description: 'Privileged' }, ...problemResponses(400, 401, 429) },
  security: sessionSecurity,
});

/** Proving again who you are, with the password or a passkey, before a sensitive change. */
export function reauthApi() {
  const api = createApiRouter();

  api.openapi(reauthRoute, async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const meta = requestMeta(c);
    const body = c.req.valid('json');
    const rotate = c.get('authVia') === 'cookie';
    if ('response' in body) {
      const result = await reauthWithPasskey(deps, auth, body.response, rotate, meta);
      if (!result.ok) {
        if (result.reason === 'rate-limited') return rateLimited(c, result.retryAfterSeconds);
        return passkeyProblem(c, result.reason, {
          origin: 'origin' in result ? result.origin : undefined,
        });
      }
      keepRenewedSession(c, result.renewed);
    } else {
      const result = await reauthWithPassword(deps, auth, body.password, rotate, meta);
      if (!result.ok) {
        if (result.reason === 'rate-limited') return rateLimited(c, result.retryAfterSeconds);
        return problem(c, {
          status: 401,
          type: 'invalid-credentials',
          title: 'The password is not right',
        });
      }
      keepRenewedSession(c, result.renewed);
    }
    return c.body(null, 204);
  });
  return api;
}
