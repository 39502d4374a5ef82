import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, jsonBody, problemResponses } from '../http/validation';
import { requestMeta } from '../http/request-meta';
import { setSessionCookie } from '../http/session-cookie';
import { requireAuth } from '../http/require';
import { problem } from '../http/problem';
import { passwordSchema, rateLimited } from '../http/common-problems';
import { elevateSession } from '../sessions/privilege';
import { recordEvent } from '../core/activity';
import { checkCurrentPassword } from '../auth';
import { authenticationResponseSchema, passkeyProblem, verifyPasskeyForSession } from '../passkeys';

const tags = ['Auth'];

const reauthRoute = createRoute({
  method: 'post',
  path: '/auth/reauth',
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
  security: [{ bearer: [] }],
});

/** Proving again who you are, with the password or a passkey, before a sensitive change. */
export function reauthApi() {
  const api = createApiRouter();

  api.openapi(reauthRoute, async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const meta = requestMeta(c);
    const body = c.req.valid('json');
    if ('response' in body) {
      const checked = await verifyPasskeyForSession(
        deps,
        { response: body.response, userId: auth.user.id, sessionId: auth.session.id },
        meta,
      );
      if (!checked.ok) {
        if (checked.reason === 'rate-limited') return rateLimited(c, checked.retryAfterSeconds);
        return passkeyProblem(c, checked.reason, {
          origin: 'origin' in checked ? checked.origin : undefined,
        });
      }
    } else {
      const checked = await checkCurrentPassword(deps, auth.user.id, body.password, meta);
      if (!checked.ok) {
        if (checked.reason === 'rate-limited') return rateLimited(c, checked.retryAfterSeconds);
        return problem(c, {
          status: 401,
          type: 'invalid-credentials',
          title: 'The password is not right',
        });
      }
    }
    const rotated = await elevateSession(deps, auth.session, c.get('authVia') === 'cookie', meta);
    if (rotated)
      setSessionCookie(
        c,
        deps.config,
        rotated.token,
        auth.session.isPersistent ? rotated.session.absoluteExpiresAt : null,
        deps.clock.now(),
      );
    await recordEvent(deps.db, {
      userId: auth.user.id,
      action: 'reauth',
      at: deps.clock.now(),
      meta,
      details: { method: 'response' in body ? 'passkey' : 'password' },
    });
    return c.body(null, 204);
  });
  return api;
}
