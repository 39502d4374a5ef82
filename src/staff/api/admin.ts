import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, jsonBody, problemResponses } from '../../http/validation';
import { problem, problems } from '../../http/problem';
import { requestMeta } from '../../http/request-meta';
import { requirePrivileged } from '../../http/require';
import { requireAdmin } from '../access';
import { auditPageSize, listAuditTrail } from '../audit-trail';
import { changeRole } from '../roles';
import { pageQuerySchema, roleChangeSchema } from '../schemas';
import { adminRoute, idParam, json } from './route-parts';

const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  actor: z.object({
    id: z.string().nullable(),
    email: z.string().nullable(),
    name: z.string().nullable(),
  }),
  user: z.object({
    id: z.string().nullable(),
    email: z.string().nullable(),
    name: z.string().nullable(),
  }),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

type AuditEvent = Awaited<ReturnType<typeof listAuditTrail>>['events'][number];

const toAuditEventJson = (e: AuditEvent): z.infer<typeof auditEventSchema> => ({
  id: e.id,
  at: e.at.toISOString(),
  action: e.action,
  actor: { id: e.actorId, email: e.actorEmail, name: e.actorName },
  user: { id: e.userId, email: e.userEmail, name: e.userName },
  ip: e.ip,
  details: e.details ?? null,
});

const auditRoute = createRoute({
  ...adminRoute,
  method: 'get',
  path: '/admin/audit',
  description: 'Role admin. Everything staff and admins did or looked at, newest first, paged.',
  summary: 'The trail of everything staff and admins did or looked at, newest first',
  request: { query: z.object({ page: pageQuerySchema }) },
  responses: {
    200: json(
      z.object({
        events: z.array(auditEventSchema),
        page: z.number(),
        pageSize: z.number(),
        hasMore: z.boolean(),
      }),
      'One page of events',
    ),
    ...problemResponses(400, 401, 403),
  },
});

const roleRoute = createRoute({
  ...adminRoute,
  method: 'post',
  path: '/admin/users/{id}/role',
  description:
    'Role admin with a privileged session. Grants or removes staff access; not on yourself (409).',
  summary: 'Grant or remove staff access (privileged session; not on yourself)',
  request: { params: idParam, body: jsonBody(roleChangeSchema) },
  responses: {
    200: json(
      z.object({ id: z.string(), role: z.string(), changed: z.boolean() }),
      'The person’s role now',
    ),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

/** The admin side: the audit trail and who has staff access. */
export function adminApi() {
  const api = createApiRouter();

  api.openapi(auditRoute, async (c) => {
    const auth = requireAdmin(c);
    const { page } = c.req.valid('query');
    const trail = await listAuditTrail(
      c.get('deps'),
      { adminId: auth.user.id, meta: requestMeta(c) },
      page,
    );
    return c.json(
      {
        events: trail.events.map(toAuditEventJson),
        page,
        pageSize: auditPageSize,
        hasMore: trail.hasMore,
      },
      200,
    );
  });

  api.openapi(roleRoute, async (c) => {
    // Access to everyone's data is granted here, so it needs a fresh proof of the admin's identity.
    const auth = requirePrivileged(c);
    requireAdmin(c);
    const result = await changeRole(
      c.get('deps'),
      { adminId: auth.user.id, meta: requestMeta(c) },
      { userId: c.req.valid('param').id, role: c.req.valid('json').role },
    );
    if (!result.ok && result.reason === 'self') {
      return problem(c, {
        status: 409,
        type: 'own-role',
        title: 'You cannot change your own role',
      });
    }
    if (!result.ok) return problem(c, problems.notFound);
    return c.json({ id: result.user.id, role: result.user.role, changed: result.changed }, 200);
  });

  return api;
}
