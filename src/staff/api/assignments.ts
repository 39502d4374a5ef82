import type { Context } from 'hono';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';
import { createApiRouter, problemResponses } from '../../http/validation';
import { problem, problems } from '../../http/problem';
import { requestMeta } from '../../http/request-meta';
import { requireAdmin } from '../access';
import { assignStaff, unassignStaff, type AssignmentResult } from '../assignments';
import { adminRoute, json } from './route-parts';

const pairParams = z.object({ id: z.uuid(), staffId: z.uuid() });

const assignmentSchema = z
  .object({
    userId: z.string(),
    staffId: z.string(),
    assigned: z.boolean(),
    changed: z.boolean(),
  })
  .openapi('StaffAssignment');

const path = '/staff/users/{id}/assignments/{staffId}';

const assignRoute = createRoute({
  ...adminRoute,
  method: 'put',
  path,
  summary: 'Assign a staff member to a person: from now on they see the person in the console',
  description:
    'Idempotent. The person sees in their activity that an admin assigned staff to them. 404: no such person or account; 409: the account is not a staff member.',
  request: { params: pairParams },
  responses: {
    200: json(assignmentSchema, 'Assigned (changed: false when it already was)'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const unassignRoute = createRoute({
  ...adminRoute,
  method: 'delete',
  path,
  summary: 'End an assignment; the staff member still sees the person through their own lessons',
  description:
    'Role admin. Idempotent. The staff member still sees the person through their own bookings. 404: no such person or account.',
  request: { params: pairParams },
  responses: {
    200: json(assignmentSchema, 'Not assigned (changed: false when it was not)'),
    ...problemResponses(400, 401, 403, 404),
  },
});

function answer(
  c: Context<AppEnv>,
  result: AssignmentResult,
  pair: { id: string; staffId: string },
  assigned: boolean,
) {
  if (!result.ok && result.reason === 'not-staff')
    return problem(c, {
      status: 409,
      type: 'not-staff',
      title: 'This account is not a staff member',
    });
  if (!result.ok) return problem(c, problems.notFound);
  return c.json({ userId: pair.id, staffId: pair.staffId, assigned, changed: result.changed }, 200);
}

/** Admins choose which staff members work with a person; both acts are on the trail. */
export function assignmentsApi() {
  const api = createApiRouter();

  api.openapi(assignRoute, async (c) => {
    const auth = requireAdmin(c);
    const pair = c.req.valid('param');
    const result = await assignStaff(
      c.get('deps'),
      { adminId: auth.user.id, meta: requestMeta(c) },
      { userId: pair.id, staffId: pair.staffId },
    );
    return answer(c, result, pair, true);
  });

  api.openapi(unassignRoute, async (c) => {
    const auth = requireAdmin(c);
    const pair = c.req.valid('param');
    const result = await unassignStaff(
      c.get('deps'),
      { adminId: auth.user.id, meta: requestMeta(c) },
      { userId: pair.id, staffId: pair.staffId },
    );
    return answer(c, result, pair, false);
  });

  return api;
}
