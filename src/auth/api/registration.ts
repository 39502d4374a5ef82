import { createRoute, z } from '@hono/zod-openapi';
import { withRateLimit } from '../../http/rate-limit-headers';
import { authRateLimits } from '../rate-policies';
import { startCookieSession } from '../../http/signed-in';
import { createApiRouter, jsonBody, problemResponses, publicAccess } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { unofferedLocale } from '../../http/locale';
import { locales } from '../../i18n';
import { meSchema, personNameSchema, toMe } from '../../core/me';
import { emailSchema } from '../../core/email-address';
import {
  badToken,
  invalidCredentials,
  passwordSchema,
  rateLimited,
  tokenSchema,
  weakPassword,
} from '../../http/common-problems';
import { register } from '../register';
import { resendVerification, verifyEmail } from '../verify-email';
import { isValidTimeZone } from '../../i18n/time';
import { accepted, emailOnlyRoute, tags } from './common';

/** Optional: the zone the client's device is set to; without it the account shows UTC. */
const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isValidTimeZone, 'Use an IANA time zone name, e.g. Europe/Kyiv')
  .openapi({
    example: 'Europe/Kyiv',
    description: 'IANA time zone the account shows times in; UTC when left out',
  });

const registerRoute = createRoute({
  method: 'post',
  path: '/auth/register',
  ...withRateLimit(authRateLimits.registrationsByAddress),
  description:
    'Always 202 with the same body, whether or not the address already has an account (an existing owner is mailed a notice instead), so the answer reveals nothing. The account can sign in once the emailed link is used with `POST /auth/verify-email`.',
  ...publicAccess,
  tags,
  summary: 'Create an account; a verification link is emailed',
  request: {
    body: jsonBody(
      z.strictObject({
        email: emailSchema,
        password: passwordSchema,
        name: personNameSchema,
        locale: z.enum(locales).optional().openapi({
          description:
            'Mails are written in it; one the school does not offer (SUPPORTED_LOCALES) is 400. Default: the language the request negotiated',
        }),
        timeZone: timeZoneSchema.optional(),
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

const verifyRoute = createRoute({
  method: 'post',
  path: '/auth/verify-email',
  ...withRateLimit(authRateLimits.failedSignInsByAddress),
  description:
    'Takes the token from the emailed `/verify-email?token=…` link and the password chosen at registration. A wrong password answers 401 like sign-in, and the link stays usable until it expires. With `tokenInBody: true` the session token is also returned, for clients that send `Authorization: Bearer`.',
  ...publicAccess,
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

const resendRoute = emailOnlyRoute(
  '/auth/verify-email/resend',
  'Send a new verification link',
  'Always 202, whether or not the address has an unverified account, so the answer reveals nothing.',
);

/** Creating an account and confirming its address. */
export function registrationApi() {
  const api = createApiRouter();

  api.openapi(registerRoute, async (c) => {
    const body = c.req.valid('json');
    const notOffered = unofferedLocale(c, body.locale);
    if (notOffered) return notOffered;
    const result = await register(
      c.get('deps'),
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

  api.openapi(resendRoute, async (c) => {
    const result = await resendVerification(
      c.get('deps'),
      c.req.valid('json').email,
      requestMeta(c),
    );
    if (!result.ok) return rateLimited(c, result.retryAfterSeconds);
    return c.json({ status: 'accepted' }, 202);
  });

  return api;
}
