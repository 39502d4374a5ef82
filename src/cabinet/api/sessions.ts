import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, problemResponses } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { problem, problems } from '../../http/problem';
import { endOtherSessions, endSession, listSessions } from '../sessions-service';
import { security, tags } from './shared';

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
  description:
    'Every signed-in device of the person, with the one making this request marked `current`.',
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
  description: 'Signs out one device. 404 when no session of yours has that id.',
  tags,
  security,
  summary: 'End one session',
  request: { params: z.object({ id: z.string().max(64) }) },
  responses: { 204: { description: 'Ended' }, ...problemResponses(401, 404) },
});
const endOthersRoute = createRoute({
  method: 'delete',
  path: '/me/sessions',
  description: 'Signs out every other device; this session stays.',
  tags,
  security,
  summary: 'End every session but this one',
  responses: { 204: { description: 'Ended' }, ...problemResponses(401) },
});

/** /me/sessions: the signed-in devices, and ending one or all the others. */
export function sessionsApi() {
  const api = createApiRouter();

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
    const id = c.req.valid('param').id;
    const ended = await endSession(c.get('deps'), auth.user.id, id, requestMeta(c));
    if (!ended) return problem(c, problems.notFound);
    return c.body(null, 204);
  });

  api.openapi(endOthersRoute, async (c) => {
    const auth = requireAuth(c);
    await endOtherSessions(c.get('deps'), auth.user.id, auth.session.id, requestMeta(c));
    return c.body(null, 204);
  });

  return api;
}
