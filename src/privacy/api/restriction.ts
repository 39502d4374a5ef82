import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, jsonBody, problemResponses } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { liftRestriction, restrictProcessing } from '../restriction';
import { restrictionReasonSchema } from '../schemas';
import { security, tags } from './common';

const restrictRoute = createRoute({
  method: 'put',
  path: '/me/restriction',
  tags,
  security,
  summary: 'Restrict processing while you dispute your data: no optional mail, staff see a banner',
  request: { body: jsonBody(z.strictObject({ reason: restrictionReasonSchema })) },
  responses: { 204: { description: 'Restricted' }, ...problemResponses(400, 401) },
});
const liftRoute = createRoute({
  method: 'delete',
  path: '/me/restriction',
  tags,
  security,
  summary: 'Lift the restriction of processing',
  responses: { 204: { description: 'Lifted (or there was none)' }, ...problemResponses(401) },
});

/** Restriction of processing (GDPR art. 18): set with a reason, and lifted. */
export function restrictionApi() {
  const api = createApiRouter();

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
