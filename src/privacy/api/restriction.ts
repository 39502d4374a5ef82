import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, jsonBody, problemResponses } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { findUserById } from '../../core/users';
import { problem, problems } from '../../http/problem';
import { liftRestriction, restrictProcessing } from '../restriction';
import { latestRestrictionDecision } from '../restriction-review';
import { restrictionReasonSchema } from '../schemas';
import { security, tags } from './common';

const restrictionStatusSchema = z.object({
  restricted: z.boolean(),
  since: z.string().nullable().openapi({ description: 'When you restricted it (ISO 8601)' }),
  reason: z.string().nullable().openapi({ description: 'Your reason, as you wrote it' }),
  latestDecision: z
    .object({
      decision: z.enum(['upheld', 'lifted']),
      reason: z.string(),
      decidedAt: z.string(),
    })
    .nullable()
    .openapi({
      description:
        'The school’s newest decision on a restriction of yours: upheld (it stays) or lifted (it ended), with its reason',
    }),
});

const statusRoute = createRoute({
  method: 'get',
  path: '/me/restriction',
  description:
    'Whether processing is restricted (GDPR art. 18), the reason given, and the school’s latest decision on it.',
  tags,
  security,
  summary: 'Whether processing is restricted, your reason, and the school’s latest decision',
  responses: {
    200: {
      description: 'The restriction status',
      content: { 'application/json': { schema: restrictionStatusSchema } },
    },
    ...problemResponses(401),
  },
});

const restrictRoute = createRoute({
  method: 'put',
  path: '/me/restriction',
  description:
    'Restricts processing while you dispute your data (GDPR art. 18): no optional mail, and staff see a banner. Staff are asked to decide.',
  tags,
  security,
  summary: 'Restrict processing while you dispute your data: no optional mail, staff see a banner',
  request: { body: jsonBody(z.strictObject({ reason: restrictionReasonSchema })) },
  responses: { 204: { description: 'Restricted' }, ...problemResponses(400, 401) },
});
const liftRoute = createRoute({
  method: 'delete',
  path: '/me/restriction',
  description: 'Lifts the restriction of processing you asked for.',
  tags,
  security,
  summary: 'Lift the restriction of processing',
  responses: { 204: { description: 'Lifted (or there was none)' }, ...problemResponses(401) },
});

/** Restriction of processing (GDPR art. 18): its status with the school's decision, set with a reason, and lifted. */
export function restrictionApi() {
  const api = createApiRouter();

  api.openapi(statusRoute, async (c) => {
    const auth = requireAuth(c);
    const { db } = c.get('deps');
    const [user, decision] = await Promise.all([
      findUserById(db, auth.user.id),
      latestRestrictionDecision(db, auth.user.id),
    ]);
    if (!user) return problem(c, problems.unauthenticated);
    return c.json(
      {
        restricted: !!user.processingRestrictedAt,
        since: user.processingRestrictedAt?.toISOString() ?? null,
        reason: user.processingRestrictionReason,
        latestDecision: decision && { ...decision, decidedAt: decision.decidedAt.toISOString() },
      },
      200,
    );
  });

  api.openapi(restrictRoute, async (c) => {
    const auth = requireAuth(c);
    await restrictProcessing(
      c.get('deps'),
      auth.user.id,
      c.req.valid('json').reason,
      requestMeta(c),
    );
    return c.body(null, 204);
  });

  api.openapi(liftRoute, async (c) => {
    const auth = requireAuth(c);
    await liftRestriction(c.get('deps'), auth.user.id, requestMeta(c));
    return c.body(null, 204);
  });

  return api;
}
