import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, jsonBody, problemResponses } from '../../http/validation';
import { problem, problems } from '../../http/problem';
import { requestMeta } from '../../http/request-meta';
import {
  decideRestriction,
  listRestrictionRequests,
  restrictionDecisionSchema,
} from '../../privacy';
import { requireAdmin } from '../access';
import { adminRoute, idParam, json } from './route-parts';

const requestSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  restrictedAt: z.string(),
  reason: z.string().nullable().openapi({ description: 'The person’s own words' }),
});

const queueRoute = createRoute({
  ...adminRoute,
  method: 'get',
  path: '/staff/restrictions',
  description:
    'Role admin. People who restricted processing and wait for a decision, oldest first; each person listed sees this in their activity.',
  summary:
    'People who restricted processing and wait for a decision, oldest first (admins); each person listed sees it in their activity',
  responses: {
    200: json(z.object({ requests: z.array(requestSchema) }), 'The queue'),
    ...problemResponses(401, 403),
  },
});

const decideRoute = createRoute({
  ...adminRoute,
  method: 'post',
  path: '/staff/users/{id}/restriction-decision',
  summary:
    'Decide on a restriction: upheld (it stays) or lifted (it ends); the person is mailed the decision and its reason',
  description:
    'Recorded in the person’s activity, on the audit trail and in their data (export, what we hold). 409 not-restricted when there is no restriction to decide on.',
  request: { params: idParam, body: jsonBody(restrictionDecisionSchema) },
  responses: {
    201: json(
      z.object({
        decision: z.enum(['upheld', 'lifted']),
        reason: z.string(),
        decidedAt: z.string(),
        restricted: z.boolean().openapi({ description: 'Whether processing is restricted now' }),
      }),
      'Decided',
    ),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

/** The admins' restriction queue and their decisions (GDPR art. 18). */
export function restrictionsApi() {
  const api = createApiRouter();

  api.openapi(queueRoute, async (c) => {
    const auth = requireAdmin(c);
    const rows = await listRestrictionRequests(c.get('deps'), {
      adminId: auth.user.id,
      meta: requestMeta(c),
    });
    const requests = rows.map((r) => ({
      user: { id: r.id, email: r.email, name: r.name },
      restrictedAt: r.restrictedAt.toISOString(),
      reason: r.reason,
    }));
    return c.json({ requests }, 200);
  });

  api.openapi(decideRoute, async (c) => {
    const auth = requireAdmin(c);
    const result = await decideRestriction(
      c.get('deps'),
      { adminId: auth.user.id, meta: requestMeta(c) },
      { userId: c.req.valid('param').id, ...c.req.valid('json') },
    );
    if (!result.ok && result.reason === 'not-restricted')
      return problem(c, {
        status: 409,
        type: 'not-restricted',
        title: 'Processing of this person’s data is not restricted',
      });
    if (!result.ok) return problem(c, problems.notFound);
    const { decision, reason, decidedAt, restricted } = result;
    return c.json({ decision, reason, decidedAt: decidedAt.toISOString(), restricted }, 201);
  });

  return api;
}
