import { createRoute, z } from '@hono/zod-openapi';
import { withRateLimit } from '../../http/rate-limit-headers';
import { authRateLimits } from '../../auth';
import { createApiRouter, jsonBody, problemResponses, publicAccess } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { requirePrivileged } from '../../http/require';
import { problem } from '../../http/problem';
import { emailSchema } from '../../core/email-address';
import { badToken, rateLimited, tokenSchema } from '../../http/common-problems';
import { confirmEmailChange, requestEmailChange } from '../../auth';
import { security, tags } from './shared';

const changeEmailRoute = createRoute({
  method: 'post',
  path: '/me/email',
  ...withRateLimit(authRateLimits.emailsByPerson),
  description:
    'Needs a privileged session. A confirmation link goes to the new address; nothing changes until it is used, and then the old address is told, with a link to undo it.',
  tags,
  security,
  summary: 'Start an email change (privileged); a link goes to the new address',
  request: { body: jsonBody(z.strictObject({ newEmail: emailSchema })) },
  responses: {
    202: {
      description: 'Link sent to the new address',
      content: {
        'application/json': { schema: z.object({ status: z.literal('confirmation_sent') }) },
      },
    },
    ...problemResponses(400, 401, 403, 429),
  },
});
const confirmEmailRoute = createRoute({
  method: 'post',
  path: '/me/email/confirm',
  description:
    'Takes the token from the emailed `/account/email/confirm?token=…` link; no session is needed. 409 when the address was taken in the meantime.',
  ...publicAccess,
  tags,
  summary: 'Confirm the new address with the emailed token',
  request: { body: jsonBody(z.strictObject({ token: tokenSchema })) },
  responses: {
    200: {
      description: 'Changed',
      content: { 'application/json': { schema: z.object({ email: z.string() }) } },
    },
    ...problemResponses(400, 409),
  },
});

/** POST /me/email and /me/email/confirm: changing the address, in two steps. */
export function emailApi() {
  const api = createApiRouter();

  api.openapi(changeEmailRoute, async (c) => {
    const auth = requirePrivileged(c);
    const result = await requestEmailChange(
      c.get('deps'),
      { userId: auth.user.id, newEmail: c.req.valid('json').newEmail },
      requestMeta(c),
    );
    if (!result.ok) return rateLimited(c, result.retryAfterSeconds);
    return c.json({ status: 'confirmation_sent' }, 202);
  });

  // No sign-in needed: the token is the proof. A confirming browser that is signed in as the
  // same person keeps its session when the others end.
  api.openapi(confirmEmailRoute, async (c) => {
    const auth = c.get('auth');
    const current = auth ? { userId: auth.user.id, sessionId: auth.session.id } : undefined;
    const result = await confirmEmailChange(
      c.get('deps'),
      c.req.valid('json').token,
      requestMeta(c),
      current,
    );
    if (!result.ok) {
      if (result.reason === 'taken')
        return problem(c, {
          status: 409,
          type: 'email-taken',
          title: 'That address is now used by another account',
        });
      return badToken(c, result.reason);
    }
    return c.json({ email: result.email }, 200);
  });

  return api;
}
