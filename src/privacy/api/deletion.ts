import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, problemResponses, optionalSession } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { requirePrivileged } from '../../http/require';
import { problem, problems } from '../../http/problem';
import { clearSessionCookie } from '../../http/session-cookie';
import { badToken, tokenSchema } from '../../http/common-problems';
import { cancelDeletion, cancelDeletionByToken, requestDeletion } from '../deletion';
import { security, tags } from './common';

const deleteMeRoute = createRoute({
  method: 'delete',
  path: '/me',
  description:
    'Needs a privileged session. The account is deleted after DELETION_GRACE_DAYS unless cancelled (`POST /me/deletion/cancel` or the emailed link); every session ends now.',
  tags,
  security,
  summary:
    'Delete the account (privileged): scheduled after DELETION_GRACE_DAYS; every session ends; a cancel link is emailed',
  responses: {
    202: {
      description: 'Scheduled',
      content: { 'application/json': { schema: z.object({ deletionScheduledFor: z.string() }) } },
    },
    ...problemResponses(401, 403),
  },
});
const cancelRoute = createRoute({
  method: 'post',
  path: '/me/deletion/cancel',
  description:
    'Cancels a scheduled deletion: with a session, or with the token from the emailed link in the body.',
  ...optionalSession,
  tags,
  security,
  summary: 'Cancel a pending deletion: signed in, or with the token from the emailed link',
  request: {
    body: {
      content: {
        'application/json': { schema: z.strictObject({ token: tokenSchema.optional() }) },
      },
      required: false,
    },
  },
  responses: {
    204: { description: 'No deletion is pending any more' },
    ...problemResponses(400, 401),
  },
});

/** Deleting the account, and taking it back during the grace period. */
export function deletionApi() {
  const api = createApiRouter();

  api.openapi(deleteMeRoute, async (c) => {
    const auth = requirePrivileged(c);
    const deps = c.get('deps');
    const at = await requestDeletion(deps, auth.user.id, requestMeta(c));
    if (!at) return problem(c, problems.unauthenticated);
    // Every session ended with it, this one included.
    if (c.get('authVia') === 'cookie') clearSessionCookie(c, deps.config);
    return c.json({ deletionScheduledFor: at.toISOString() }, 202);
  });

  api.openapi(cancelRoute, async (c) => {
    const deps = c.get('deps');
    const auth = c.get('auth');
    if (auth) {
      await cancelDeletion(deps, auth.user.id, requestMeta(c), 'cabinet');
      return c.body(null, 204);
    }
    // DELETE /me ends every session, so without one the emailed token is the way back.
    const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {};
    if (!body?.token) return problem(c, problems.unauthenticated);
    const result = await cancelDeletionByToken(deps, body.token, requestMeta(c));
    if (!result.ok) return badToken(c, result.reason);
    return c.body(null, 204);
  });

  return api;
}
