import { createRoute, z } from '@hono/zod-openapi';
import { withRateLimit } from '../../http/rate-limit-headers';
import { authRateLimits } from '../../auth';
import { createApiRouter, jsonBody, problemResponses } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { problem } from '../../http/problem';
import { passwordSchema, rateLimited, weakPassword } from '../../http/common-problems';
import { changePassword } from '../../auth';
import { security, tags } from './shared';

const changePasswordRoute = createRoute({
  method: 'post',
  path: '/me/password',
  ...withRateLimit(authRateLimits.failedReauthsByPerson),
  description:
    'Needs the current password; too many wrong ones answer 429. Every other session of the person ends.',
  tags,
  security,
  summary: 'Change the password; other sessions end',
  request: {
    body: jsonBody(
      z.strictObject({ currentPassword: passwordSchema, newPassword: passwordSchema }),
    ),
  },
  responses: { 204: { description: 'Changed' }, ...problemResponses(400, 401, 429) },
});

/** POST /me/password. */
export function passwordApi() {
  const api = createApiRouter();

  api.openapi(changePasswordRoute, async (c) => {
    const auth = requireAuth(c);
    const body = c.req.valid('json');
    const result = await changePassword(
      c.get('deps'),
      { userId: auth.user.id, sessionId: auth.session.id, ...body },
      requestMeta(c),
    );
    if (!result.ok) {
      if (result.reason === 'rate-limited') return rateLimited(c, result.retryAfterSeconds);
      if (result.reason === 'weak-password') return weakPassword(c, 'newPassword', result.problem);
      return problem(c, {
        status: 400,
        type: 'wrong-password',
        title: 'The current password is not right',
        errors: [{ path: 'currentPassword', message: 'The current password is not right' }],
      });
    }
    return c.body(null, 204);
  });

  return api;
}
