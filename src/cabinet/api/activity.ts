import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, problemResponses } from '../../http/validation';
import { requireAuth } from '../../http/require';
import { listActivity, actedByLabel } from '../../core/activity';
import { translator } from '../../i18n';
import { security, tags } from './shared';

const activityEventSchema = z.object({
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
    description: 'who acted, in words: "by the school (staff)"; null for your own events',
  }),
  details: z.record(z.string(), z.unknown()).nullable(),
});

const activityRoute = createRoute({
  method: 'get',
  path: '/me/activity',
  description:
    'Sign-ins, changes and every read of your data by staff, newest first; page with `before` (the `at` of the last event seen) and `limit`.',
  tags,
  security,
  summary: 'Security and access events, newest first (staff access included)',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      before: z.iso.datetime().max(64).optional(),
    }),
  },
  responses: {
    200: {
      description: 'Events',
      content: { 'application/json': { schema: z.array(activityEventSchema) } },
    },
    ...problemResponses(400, 401),
  },
});

/** GET /me/activity. */
export function activityApi() {
  const api = createApiRouter();

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
