import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, fieldErrors, jsonBody, problemResponses } from '../http/validation';
import { requestMeta } from '../http/request-meta';
import { requireAuth, requirePrivileged } from '../http/require';
import { problem, problems } from '../http/problem';
import { invalidateUserSessions } from '../sessions/invalidate';
import { emailSchema } from '../core/email-address';
import {
  badToken,
  passwordSchema,
  rateLimited,
  tokenSchema,
  weakPassword,
} from '../http/common-problems';
import { changePassword } from '../auth';
import { confirmEmailChange, requestEmailChange } from '../auth';
import { recordEvent, listActivity, actedByLabel } from '../core/activity';
import { translator } from '../i18n';
import { meSchema, toMe } from '../core/me';
import { profileSchema, timeZoneShape, updateProfile } from './profile';
import { endOwnSession, listSessions } from './sessions-service';

const tags = ['Cabinet'];
const security = [{ bearer: [] }];
const meResponse = {
  200: {
    description: 'The signed-in person',
    content: { 'application/json': { schema: meSchema } },
  },
};

const getMe = createRoute({
  method: 'get',
  path: '/me',
  tags,
  security,
  summary: 'The signed-in person',
  responses: { ...meResponse, ...problemResponses(401) },
});
const patchMe = createRoute({
  method: 'patch',
  path: '/me',
  tags,
  security,
  summary: 'Correct profile details',
  description:
    'A malformed body (unknown fields, wrong types, over-long strings) or a `timeZone` the service does not know is 400 with the field errors. `timeZone: null` (or "") clears it: times are then shown in UTC.',
  request: {
    body: jsonBody(
      // The shape only: the zone itself is checked in the handler against the runtime's zones.
      profileSchema.extend({
        timeZone: timeZoneShape.nullable().optional().openapi({
          description: 'IANA time zone for the times shown to the person',
          example: 'Europe/Kyiv',
        }),
      }),
    ),
  },
  responses: { ...meResponse, ...problemResponses(400, 401) },
});
const changePasswordRoute = createRoute({
  method: 'post',
  path: '/me/password',
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
const changeEmailRoute = createRoute({
  method: 'post',
  path: '/me/email',
  tags,
  security,
  summary: 'Start an email change (privileged); a link goes to the new address',
  request: { body: jsonBody(z.strictObject({ newEmail: emailSchema })) },
  responses: { 202: { description: 'Link sent' }, ...problemResponses(400, 401, 403, 429) },
});
const confirmEmailRoute = createRoute({
  method: 'post',
  path: '/me/email/confirm',
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
const sessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
const listSessionsRoute = createRoute({
  method: 'get',
  path: '/me/sessions',
  tags,
  security,
  summary: 'Signed-in devices',
  responses: {
    200: {
      description: 'Sessions',
      content: { 'application/json': { schema: z.array(sessionSchema) } },
    },
    ...problemResponses(401),
  },
});
const endSessionRoute = createRoute({
  method: 'delete',
  path: '/me/sessions/{id}',
  tags,
  security,
  summary: 'End one session',
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: { 204: { description: 'Ended' }, ...problemResponses(401, 404) },
});
const endOthersRoute = createRoute({
  method: 'delete',
  path: '/me/sessions',
  tags,
  security,
  summary: 'End every session but this one',
  responses: { 204: { description: 'Ended' }, ...problemResponses(401) },
});
const activityRoute = createRoute({
  method: 'get',
  path: '/me/activity',
  tags,
  security,
  summary: 'Security and access events, newest first (staff access included)',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      before: z.iso.datetime().optional(),
    }),
  },
  responses: {
    200: {
      description: 'Events',
      content: {
        'application/json': {
          schema: z.array(
            z.object({
              id: z.number(),
              action: z.string(),
              at: z.string(),
              ip: z.string().nullable().openapi({
                description: 'null when the school acted: a staff member’s address is never shown',
              }),
              userAgent: z.string().nullable().openapi({
                description: 'null when the school acted: a staff member’s browser is never shown',
              }),
              byStaff: z.boolean(),
              byRole: z.enum(['staff', 'admin']).nullable().openapi({
                description: 'the role of the school’s staff member who acted, when known',
              }),
              actedBy: z.string().nullable().openapi({
                description:
                  'who acted, in words: "by the school (staff)"; null for your own events',
              }),
              details: z.record(z.string(), z.unknown()).nullable(),
            }),
          ),
        },
      },
    },
    ...problemResponses(400, 401),
  },
});

export function meApi() {
  const api = createApiRouter();

  api.openapi(getMe, async (c) => {
    // The session lookup already read the whole person (one query per request).
    return c.json(toMe(requireAuth(c).user), 200);
  });

  api.openapi(patchMe, async (c) => {
    const auth = requireAuth(c);
    const input = profileSchema.safeParse(c.req.valid('json'));
    if (!input.success) {
      // The same 400 as every other invalid field (API.md): one rule for clients to handle.
      return problem(c, {
        status: 400,
        type: 'validation',
        title: 'The request is not valid',
        errors: fieldErrors(input.error),
      });
    }
    const user = await updateProfile(c.get('deps'), auth.user.id, input.data, requestMeta(c));
    return c.json(toMe(user), 200);
  });

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

  api.openapi(listSessionsRoute, async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const rows = await listSessions(deps.db, auth.user.id, deps.clock.now());
    return c.json(
      rows.map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        ip: s.ip,
        userAgent: s.userAgent,
        current: s.id === auth.session.id,
      })),
      200,
    );
  });

  api.openapi(endSessionRoute, async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const ended = await endOwnSession(deps.db, auth.user.id, c.req.valid('param').id);
    if (!ended) return problem(c, problems.notFound);
    await recordEvent(deps.db, {
      userId: auth.user.id,
      action: 'session.ended',
      at: deps.clock.now(),
      meta: requestMeta(c),
    });
    return c.body(null, 204);
  });

  api.openapi(endOthersRoute, async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const count = await invalidateUserSessions(deps.db, auth.user.id, auth.session.id);
    await recordEvent(deps.db, {
      userId: auth.user.id,
      action: 'sessions.ended-others',
      at: deps.clock.now(),
      meta: requestMeta(c),
      details: { count },
    });
    return c.body(null, 204);
  });

  api.openapi(activityRoute, async (c) => {
    const auth = requireAuth(c);
    const { limit, before } = c.req.valid('query');
    const rows = await listActivity(c.get('deps').db, auth.user.id, {
      limit,
      before: before ? new Date(before) : undefined,
    });
    const t = translator(c.get('locale'));
    // As listActivity gives them: when the school acted, no staff member's address or browser.
    return c.json(
      rows.map((e) => ({
        id: e.id,
        action: e.action,
        at: e.at.toISOString(),
        ip: e.ip,
        userAgent: e.userAgent,
        byStaff: e.byStaff,
        byRole: e.byRole,
        actedBy: actedByLabel(t, e),
        details: e.details,
      })),
      200,
    );
  });

  return api;
}
