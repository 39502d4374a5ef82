import { startCookieSession } from '../http/signed-in';
import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, jsonBody, problemResponses } from '../http/validation';
import { requestMeta } from '../http/request-meta';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie';
import { requireAuth } from '../http/require';
import { problem } from '../http/problem';
import { locales } from '../i18n';
import { invalidateSession } from '../sessions/invalidate';
import { elevateSession } from '../sessions/privilege';
import { recordEvent } from '../core/activity';
import { meSchema, toMe } from '../core/me';
import { personNameSchema } from '../core/me';
import { emailSchema } from '../core/email-address';
import {
  badToken,
  invalidCredentials,
  passwordSchema,
  rateLimited,
  resetRequired,
  tokenSchema,
  weakPassword,
} from '../http/common-problems';
import { register } from './register';
import { resendVerification, verifyEmail } from './verify-email';
import { login } from './login';
import { requestPasswordReset, resetPassword } from './password-reset';
import { reportNotMe } from './not-me';
import { twoFactorApi } from './two-factor/api';
import { setPendingCookie } from './two-factor/pending-cookie';

const nameSchema = personNameSchema;
const accepted = z.object({ status: z.string() });
const tags = ['Auth'];

const registerRoute = createRoute({
  method: 'post',
  path: '/auth/register',
  tags,
  summary: 'Create an account; a verification link is emailed',
  request: {
    body: jsonBody(
      z.strictObject({
        email: emailSchema,
        password: passwordSchema,
        name: nameSchema,
        locale: z.enum(locales).optional(),
        acceptPrivacyPolicy: z.literal(true, { message: 'You must accept the privacy policy' }),
        confirmAge: z.literal(true, { message: 'You must confirm your age' }),
      }),
    ),
  },
  responses: {
    202: {
      description: 'Same answer whether or not the address is taken',
      content: { 'application/json': { schema: accepted } },
    },
    ...problemResponses(400, 429),
  },
});

const tokenRoute = (path: string, summary: string) =>
  createRoute({
    method: 'post',
    path,
    tags,
    summary,
    request: { body: jsonBody(z.strictObject({ token: tokenSchema })) },
    responses: {
      200: { description: 'Done', content: { 'application/json': { schema: accepted } } },
      ...problemResponses(400),
    },
  });

const emailOnlyRoute = (path: string, summary: string) =>
  createRoute({
    method: 'post',
    path,
    tags,
    summary,
    request: { body: jsonBody(z.strictObject({ email: emailSchema })) },
    responses: {
      202: {
        description: 'Always accepted',
        content: { 'application/json': { schema: accepted } },
      },
      ...problemResponses(400, 429),
    },
  });

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
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

const verifyRoute = createRoute({
  method: 'post',
  path: '/auth/verify-email',
  tags,
  summary:
    'Confirm the address with the emailed token and the password chosen at registration; signs in',
  request: {
    body: jsonBody(
      z.strictObject({
        token: tokenSchema,
        password: passwordSchema,
        remember: z.boolean().optional(),
        tokenInBody: z.boolean().optional(),
      }),
    ),
  },
  responses: {
    200: {
      description: 'Confirmed and signed in; the session cookie is set',
      content: {
        'application/json': { schema: z.object({ user: meSchema, token: z.string().optional() }) },
      },
    },
    ...problemResponses(400, 401, 429),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags,
  summary: 'End this session',
  responses: { 204: { description: 'Signed out' } },
});

const resetRoute = createRoute({
  method: 'post',
  path: '/auth/password/reset',
  tags,
  summary: 'Set a new password with an emailed link; every session ends',
  request: { body: jsonBody(z.strictObject({ token: tokenSchema, password: passwordSchema })) },
  responses: { 204: { description: 'Password set' }, ...problemResponses(400) },
});

export function authApi() {
  const api = createApiRouter();

  api.openapi(registerRoute, async (c) => {
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const result = await register(
      deps,
      { ...body, locale: body.locale ?? c.get('locale') },
      requestMeta(c),
    );
    if (!result.ok && result.reason === 'rate-limited')
      return rateLimited(c, result.retryAfterSeconds);
    if (!result.ok && result.reason === 'weak-password')
      return weakPassword(c, 'password', result.problem);
    return c.json({ status: 'verification_sent' }, 202);
  });

  api.openapi(verifyRoute, async (c) => {
    const body = c.req.valid('json');
    const result = await verifyEmail(c.get('deps'), body, requestMeta(c));
    if (!result.ok) {
      if (result.reason === 'rate-limited') return rateLimited(c, result.retryAfterSeconds);
      if (result.reason === 'invalid-password') return invalidCredentials(c);
      return badToken(c, result.reason);
    }
    await startCookieSession(c, result);
    return c.json(
      { user: toMe(result.user), ...(body.tokenInBody ? { token: result.token } : {}) },
      200,
    );
  });

  api.openapi(
    emailOnlyRoute('/auth/verify-email/resend', 'Send a new verification link'),
    async (c) => {
      const result = await resendVerification(
        c.get('deps'),
        c.req.valid('json').email,
        requestMeta(c),
      );
      if (!result.ok) return rateLimited(c, result.retryAfterSeconds);
      return c.json({ status: 'accepted' }, 202);
    },
  );

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
    if (auth) {
      await invalidateSession(deps.db, auth.session.id);
      await recordEvent(deps.db, {
        userId: auth.user.id,
        action: 'sign-out',
        at: deps.clock.now(),
        meta: requestMeta(c),
      });
    }
    clearSessionCookie(c, deps.config);
    return c.body(null, 204);
  });

  api.openapi(
    emailOnlyRoute('/auth/password/forgot', 'Email a password reset link (always accepted)'),
    async (c) => {
      const result = await requestPasswordReset(
        c.get('deps'),
        c.req.valid('json').email,
        requestMeta(c),
      );
      if (!result.ok) return rateLimited(c, result.retryAfterSeconds);
      return c.json({ status: 'accepted' }, 202);
    },
  );

  api.openapi(resetRoute, async (c) => {
    const result = await resetPassword(c.get('deps'), c.req.valid('json'), requestMeta(c));
    if (!result.ok)
      return result.reason === 'weak-password'
        ? weakPassword(c, 'password', result.problem)
        : badToken(c, result.reason);
    clearSessionCookie(c, c.get('deps').config);
    return c.body(null, 204);
  });

  api.openapi(
    tokenRoute('/auth/not-me', '"This wasn\'t me": end every session and require a new password'),
    async (c) => {
      const result = await reportNotMe(c.get('deps'), c.req.valid('json').token, requestMeta(c));
      if (!result.ok) return badToken(c, result.reason);
      return c.json({ status: 'secured' }, 200);
    },
  );

  api.route('/', twoFactorApi());
  return api;
}
