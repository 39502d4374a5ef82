import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, jsonBody, problemResponses, publicAccess } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { clearSessionCookie } from '../../http/session-cookie';
import {
  badToken,
  passwordSchema,
  rateLimited,
  tokenSchema,
  weakPassword,
} from '../../http/common-problems';
import { requestPasswordReset, resetPassword } from '../password-reset';
import { reportNotMe } from '../not-me';
import { accepted, emailOnlyRoute, tags } from './common';

const forgotRoute = emailOnlyRoute(
  '/auth/password/forgot',
  'Email a password reset link (always accepted)',
  'Always 202, whether or not the address has an account, so the answer reveals nothing.',
);

const resetRoute = createRoute({
  method: 'post',
  path: '/auth/password/reset',
  description:
    'Takes the token from the emailed `/reset-password?token=…` link. Every session of the person ends; sign in again with the new password.',
  ...publicAccess,
  tags,
  summary: 'Set a new password with an emailed link; every session ends',
  request: { body: jsonBody(z.strictObject({ token: tokenSchema, password: passwordSchema })) },
  responses: { 204: { description: 'Password set' }, ...problemResponses(400) },
});

const notMeRoute = createRoute({
  method: 'post',
  path: '/auth/not-me',
  description:
    'Takes the token from a sign-in notice. Ends every session of the person and blocks sign-in until a new password is set with the reset link that is emailed.',
  ...publicAccess,
  tags,
  summary: '"This wasn\'t me": end every session and require a new password',
  request: { body: jsonBody(z.strictObject({ token: tokenSchema })) },
  responses: {
    200: { description: 'Done', content: { 'application/json': { schema: accepted } } },
    ...problemResponses(400),
  },
});

/** Getting back into an account: a reset link, and the emailed "this wasn't me". */
export function passwordApi() {
  const api = createApiRouter();

  api.openapi(forgotRoute, async (c) => {
    const result = await requestPasswordReset(
      c.get('deps'),
      c.req.valid('json').email,
      requestMeta(c),
    );
    if (!result.ok) return rateLimited(c, result.retryAfterSeconds);
    return c.json({ status: 'accepted' }, 202);
  });

  api.openapi(resetRoute, async (c) => {
    const result = await resetPassword(c.get('deps'), c.req.valid('json'), requestMeta(c));
    if (!result.ok)
      return result.reason === 'weak-password'
        ? weakPassword(c, 'password', result.problem)
        : badToken(c, result.reason);
    clearSessionCookie(c, c.get('deps').config);
    return c.body(null, 204);
  });

  api.openapi(notMeRoute, async (c) => {
    const result = await reportNotMe(c.get('deps'), c.req.valid('json').token, requestMeta(c));
    if (!result.ok) return badToken(c, result.reason);
    return c.json({ status: 'secured' }, 200);
  });

  return api;
}
