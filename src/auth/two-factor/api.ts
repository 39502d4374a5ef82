import { startCookieSession } from '../../http/signed-in';
import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, jsonBody, problemResponses } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { requireAuth, requirePrivileged } from '../../http/require';
import { problem, problems } from '../../http/problem';
import { meSchema, toMe } from '../../core/me';
import { rateLimited } from '../../http/common-problems';
import { findUserById } from '../../core/users';
import {
  beginTotpSetup,
  disableTotp,
  enableTotp,
  regenerateRecoveryCodes,
  twoFactorStatus,
} from './manage';
import { clearPendingCookie, readPendingCookie } from './pending-cookie';
import { completeTwoFactorSignIn } from './sign-in';

const security = [{ bearer: [] }];
const tags = ['Two-step sign-in'];
const codeSchema = z.string().trim().min(1).max(40).openapi({
  description: 'A 6-digit authenticator code, or a recovery code (xxxx-xxxx-xxxx-xxxx)',
});
const codesResponse = z.object({ recoveryCodes: z.array(z.string()) });
const statusSchema = z
  .object({
    enabled: z.boolean(),
    enabledAt: z.string().nullable(),
    recoveryCodesLeft: z.number().int(),
  })
  .openapi('TwoFactorStatus');

const completeRoute = createRoute({
  method: 'post',
  path: '/auth/2fa',
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
const statusRoute = createRoute({
  method: 'get',
  path: '/me/2fa',
  tags,
  security,
  summary: 'Whether two-step sign-in is on, and how many recovery codes are left',
  responses: {
    200: { description: 'Status', content: { 'application/json': { schema: statusSchema } } },
    ...problemResponses(401),
  },
});
const setupRoute = createRoute({
  method: 'post',
  path: '/me/2fa/setup',
  tags,
  security,
  summary:
    'Start enrolment (privileged): a new secret as otpauth:// URI and QR code; confirm within 30 minutes',
  responses: {
    200: {
      description: 'Not in force until confirmed with POST /me/2fa/enable',
      content: {
        'application/json': {
          schema: z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() }),
        },
      },
    },
    ...problemResponses(401, 403, 409, 503),
  },
});
const enableRoute = createRoute({
  method: 'post',
  path: '/me/2fa/enable',
  tags,
  security,
  summary:
    'Confirm enrolment with a code from the app; answers the ten recovery codes, shown only now',
  request: { body: jsonBody(z.strictObject({ code: codeSchema })) },
  responses: {
    200: { description: 'On', content: { 'application/json': { schema: codesResponse } } },
    ...problemResponses(400, 401, 409, 429, 503),
  },
});
const disableRoute = createRoute({
  method: 'delete',
  path: '/me/2fa',
  tags,
  security,
  summary: 'Turn two-step sign-in off (privileged); the secret and recovery codes are deleted',
  responses: { 204: { description: 'Off' }, ...problemResponses(401, 403, 409) },
});
const regenerateRoute = createRoute({
  method: 'post',
  path: '/me/2fa/recovery-codes',
  tags,
  security,
  summary: 'Replace the recovery codes (privileged); the old ones stop working',
  responses: {
    200: {
      description: 'New codes, shown only now',
      content: { 'application/json': { schema: codesResponse } },
    },
    ...problemResponses(401, 403, 409),
  },
});

const notEnabled = {
  status: 409,
  type: 'two-factor-off',
  title: 'Two-step sign-in is not on',
} as const;

/** The code step of sign-in and the enrolment routes; see the README's "Two-step sign-in". */
export function twoFactorApi() {
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

  api.openapi(statusRoute, async (c) => {
    const auth = requireAuth(c);
    const s = await twoFactorStatus(c.get('deps').db, auth.user.id);
    return c.json(
      {
        enabled: s.enabled,
        enabledAt: s.enabledAt?.toISOString() ?? null,
        recoveryCodesLeft: s.recoveryCodesLeft,
      },
      200,
    );
  });

  api.openapi(setupRoute, async (c) => {
    const auth = requirePrivileged(c);
    const result = await beginTotpSetup(c.get('deps'), auth.user);
    if (!result.ok)
      return problem(c, {
        status: 409,
        type: 'two-factor-on',
        title: 'Two-step sign-in is already on; turn it off first to use another app',
      });
    return c.json(
      { secret: result.secret, otpauthUrl: result.otpauthUrl, qrSvg: result.qrSvg },
      200,
    );
  });

  api.openapi(enableRoute, async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const user = await findUserById(deps.db, auth.user.id);
    if (!user) return problem(c, problems.unauthenticated);
    const result = await enableTotp(deps, user, c.req.valid('json').code, requestMeta(c));
    if (!result.ok) {
      if (result.reason === 'rate-limited') return rateLimited(c, result.retryAfterSeconds);
      if (result.reason === 'already-enabled')
        return problem(c, {
          status: 409,
          type: 'two-factor-on',
          title: 'Two-step sign-in is already on',
        });
      if (result.reason === 'no-setup')
        return problem(c, {
          status: 409,
          type: 'two-factor-setup-missing',
          title: 'Start with POST /me/2fa/setup (a setup lasts 30 minutes)',
        });
      if (result.reason === 'code-used')
        return problem(c, {
          status: 400,
          type: 'code-used',
          title: 'This code was already used; wait for the next one',
        });
      return problem(c, {
        status: 400,
        type: 'invalid-code',
        title: 'The code is not right; check the time on your phone',
      });
    }
    return c.json({ recoveryCodes: result.recoveryCodes }, 200);
  });

  api.openapi(disableRoute, async (c) => {
    const auth = requirePrivileged(c);
    const deps = c.get('deps');
    const user = await findUserById(deps.db, auth.user.id);
    if (!user || !(await disableTotp(deps, user, requestMeta(c)))) return problem(c, notEnabled);
    return c.body(null, 204);
  });

  api.openapi(regenerateRoute, async (c) => {
    const auth = requirePrivileged(c);
    const deps = c.get('deps');
    const user = await findUserById(deps.db, auth.user.id);
    const codes = user ? await regenerateRecoveryCodes(deps, user, requestMeta(c)) : null;
    if (!codes) return problem(c, notEnabled);
    return c.json({ recoveryCodes: codes }, 200);
  });

  return api;
}
