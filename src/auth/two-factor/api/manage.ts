import { createRoute, z } from '@hono/zod-openapi';
import { withRateLimit } from '../../../http/rate-limit-headers';
import { authRateLimits } from '../../rate-policies';
import {
  createApiRouter,
  jsonBody,
  problemResponses,
  sessionSecurity,
} from '../../../http/validation';
import { requestMeta } from '../../../http/request-meta';
import { requireAuth, requirePrivileged } from '../../../http/require';
import { problem, problems } from '../../../http/problem';
import { rateLimited } from '../../../http/common-problems';
import { findUserById } from '../../../core/users';
import {
  beginTotpSetup,
  disableTotp,
  enableTotp,
  regenerateRecoveryCodes,
  twoFactorStatus,
} from '../manage';
import { codeSchema, tags } from './common';

const security = sessionSecurity;
const codesResponse = z.object({ recoveryCodes: z.array(z.string()) });
const statusSchema = z
  .object({
    enabled: z.boolean(),
    enabledAt: z.string().nullable(),
    recoveryCodesLeft: z.number().int(),
  })
  .openapi('TwoFactorStatus');

const statusRoute = createRoute({
  method: 'get',
  path: '/me/2fa',
  description: 'Whether two-step sign-in is on, since when, and how many recovery codes are left.',
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
  description:
    'Needs a privileged session. Answers a new secret as an `otpauth://` URI and a QR code (SVG); nothing changes until `POST /me/2fa/enable` confirms a code within 30 minutes.',
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
  ...withRateLimit(authRateLimits.failedCodesByPerson),
  description:
    'Confirms the enrolment started with `POST /me/2fa/setup` with a code from the app. Answers the ten recovery codes; they are shown only this once.',
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
  description:
    'Needs a privileged session (`POST /auth/reauth`). The authenticator secret and the recovery codes are deleted; a notice is emailed.',
  tags,
  security,
  summary: 'Turn two-step sign-in off (privileged); the secret and recovery codes are deleted',
  responses: { 204: { description: 'Off' }, ...problemResponses(401, 403, 409) },
});
const regenerateRoute = createRoute({
  method: 'post',
  path: '/me/2fa/recovery-codes',
  description:
    'Needs a privileged session. Answers ten new recovery codes; the old ones stop working.',
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

const enableProblems = {
  'already-enabled': {
    status: 409,
    type: 'two-factor-on',
    title: 'Two-step sign-in is already on',
  },
  'no-setup': {
    status: 409,
    type: 'two-factor-setup-missing',
    title: 'Start with POST /me/2fa/setup (a setup lasts 30 minutes)',
  },
  'code-used': {
    status: 400,
    type: 'code-used',
    title: 'This code was already used; wait for the next one',
  },
  'invalid-code': {
    status: 400,
    type: 'invalid-code',
    title: 'The code is not right; check the time on your phone',
  },
} as const;

/** Enrolment: status, setup, confirming with a code, turning off, new recovery codes. */
export function twoFactorManageApi() {
  const api = createApiRouter();

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
    if (result.ok) return c.json({ recoveryCodes: result.recoveryCodes }, 200);
    if (result.reason === 'rate-limited') return rateLimited(c, result.retryAfterSeconds);
    return problem(c, enableProblems[result.reason]);
  });

  api.openapi(disableRoute, async (c) => {
    const auth = requirePrivileged(c);
    if (!(await disableTotp(c.get('deps'), auth.user.id, requestMeta(c))))
      return problem(c, notEnabled);
    return c.body(null, 204);
  });

  api.openapi(regenerateRoute, async (c) => {
    const auth = requirePrivileged(c);
    const codes = await regenerateRecoveryCodes(c.get('deps'), auth.user.id, requestMeta(c));
    if (!codes) return problem(c, notEnabled);
    return c.json({ recoveryCodes: codes }, 200);
  });

  return api;
}
