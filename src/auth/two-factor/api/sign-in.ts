import { createRoute, z } from '@hono/zod-openapi';
import { withRateLimit } from '../../../http/rate-limit-headers';
import { authRateLimits } from '../../rate-policies';
import { startCookieSession } from '../../../http/signed-in';
import {
  createApiRouter,
  jsonBody,
  problemResponses,
  publicAccess,
} from '../../../http/validation';
import { requestMeta } from '../../../http/request-meta';
import { problem } from '../../../http/problem';
import { rateLimited } from '../../../http/common-problems';
import { meSchema, toMe } from '../../../core/me';
import { clearPendingCookie, readPendingCookie } from '../pending-cookie';
import { completeTwoFactorSignIn } from '../sign-in';
import { codeSchema, tags } from './common';

const completeRoute = createRoute({
  method: 'post',
  path: '/auth/2fa',
  ...withRateLimit(authRateLimits.failedSignInsByAddress),
  description:
    'Takes the `twoFactorToken` from `POST /auth/login` and a 6-digit authenticator code or a recovery code. Answers like a completed sign-in and sets the session cookie.',
  ...publicAccess,
  tags,
  summary:
    'Finish a sign-in that answered {twoFactorRequired: true}, with an authenticator or recovery code',
  request: {
    body: jsonBody(
      z.strictObject({
        code: codeSchema,
        twoFactorToken: z.string().max(100).optional(),
        tokenInBody: z.boolean().optional(),
      }),
    ),
  },
  responses: {
    200: {
      description: 'Signed in; the session cookie is set',
      content: {
        'application/json': { schema: z.object({ user: meSchema, token: z.string().optional() }) },
      },
    },
    // 503 two-factor-unavailable: the server cannot read authenticator secrets (SECRETS_KEY).
    ...problemResponses(400, 401, 429, 503),
  },
});

/** The code step of a password sign-in. */
export function twoFactorSignInApi() {
  const api = createApiRouter();

  api.openapi(completeRoute, async (c) => {
    const deps = c.get('deps');
    const body = c.req.valid('json');
    const pending = body.twoFactorToken ?? readPendingCookie(c, deps.config) ?? '';
    const result = await completeTwoFactorSignIn(deps, pending, body.code, requestMeta(c));
    if (!result.ok) {
      if (result.reason === 'rate-limited') return rateLimited(c, result.retryAfterSeconds);
      if (result.reason === 'expired') {
        clearPendingCookie(c, deps.config);
        return problem(c, {
          status: 401,
          type: 'two-factor-expired',
          title: 'This sign-in has expired or was finished; sign in again',
        });
      }
      if (result.reason === 'code-used')
        return problem(c, {
          status: 401,
          type: 'code-used',
          title: 'This code was already used; wait for the next one',
        });
      return problem(c, { status: 401, type: 'invalid-code', title: 'The code is not right' });
    }
    clearPendingCookie(c, deps.config);
    await startCookieSession(c, result);
    return c.json(
      { user: toMe(result.user), ...(body.tokenInBody ? { token: result.token } : {}) },
      200,
    );
  });

  return api;
}
