import { createRoute, z } from '@hono/zod-openapi';
import { withRateLimit } from '../../http/rate-limit-headers';
import { authRateLimits } from '../rate-policies';
import { startCookieSession } from '../../http/signed-in';
import {
  createApiRouter,
  jsonBody,
  problemResponses,
  publicAccess,
  optionalSession,
} from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { clearSessionCookie } from '../../http/session-cookie';
import { problem } from '../../http/problem';
import { meSchema, toMe } from '../../core/me';
import { emailSchema } from '../../core/email-address';
import {
  invalidCredentials,
  passwordSchema,
  rateLimited,
  resetRequired,
} from '../../http/common-problems';
import { login } from '../login';
import { signOut } from '../sign-out';
import { setPendingCookie } from '../two-factor/pending-cookie';
import { tags } from './common';

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  ...withRateLimit(authRateLimits.failedSignInsByAddress, authRateLimits.failedSignInsByAccount),
  description:
    '401 is the same problem for an unknown email and a wrong password. 403 `email-not-verified` or `password-reset-required` is answered only after a correct password. With two-step sign-in on, the answer is `{twoFactorRequired: true, twoFactorToken}` and no session: finish with `POST /auth/2fa`. With `tokenInBody: true` the session token is returned for `Authorization: Bearer`.',
  ...publicAccess,
  tags,
  summary: 'Sign in with email and password',
  request: {
    body: jsonBody(
      z.strictObject({
        email: emailSchema,
        password: passwordSchema,
        remember: z.boolean().optional(),
        tokenInBody: z.boolean().optional(),
      }),
    ),
  },
  responses: {
    200: {
      description:
        'Signed in; the session cookie is set. With two-step sign-in on: `{twoFactorRequired: true}` and no session; finish with POST /auth/2fa',
      content: {
        'application/json': {
          schema: z.union([
            z.object({ user: meSchema, token: z.string().optional() }),
            z.object({ twoFactorRequired: z.literal(true), twoFactorToken: z.string().optional() }),
          ]),
        },
      },
    },
    ...problemResponses(400, 401, 403, 429),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  description:
    'Ends the session the request carries (cookie or bearer token) and clears the cookie. Without a session it does nothing and still answers 204.',
  ...optionalSession,
  tags,
  summary: 'End this session',
  responses: { 204: { description: 'Signed out' } },
});

/** Signing in with a password (its code step lives in two-factor/) and signing out. */
export function signInApi() {
  const api = createApiRouter();

  api.openapi(loginRoute, async (c) => {
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const result = await login(
      deps,
      { email: body.email, password: body.password, remember: !!body.remember },
      requestMeta(c),
    );
    if (!result.ok) {
      if (result.reason === 'rate-limited') return rateLimited(c, result.retryAfterSeconds);
      if (result.reason === 'unverified')
        return problem(c, {
          status: 403,
          type: 'email-not-verified',
          title: 'Confirm your email address first',
        });
      if (result.reason === 'reset-required') return resetRequired(c);
      return invalidCredentials(c);
    }
    if (result.ok === 'two-factor') {
      // Browsers keep the pending step in an HttpOnly cookie; token clients get it in the body.
      setPendingCookie(c, deps.config, result.pendingToken);
      return c.json(
        {
          twoFactorRequired: true as const,
          ...(body.tokenInBody ? { twoFactorToken: result.pendingToken } : {}),
        },
        200,
      );
    }
    await startCookieSession(c, result);
    return c.json(
      { user: toMe(result.user), ...(body.tokenInBody ? { token: result.token } : {}) },
      200,
    );
  });

  api.openapi(logoutRoute, async (c) => {
    const deps = c.get('deps');
    const auth = c.get('auth');
    if (auth)
      await signOut(deps, { userId: auth.user.id, sessionId: auth.session.id }, requestMeta(c));
    clearSessionCookie(c, deps.config);
    return c.body(null, 204);
  });

  return api;
}
