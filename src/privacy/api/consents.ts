import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, jsonBody, problemResponses } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { problem } from '../../http/problem';
import { acceptPolicy, listConsents } from '../../core/consents';
import { security, tags } from './common';

const consentSchema = z.object({
  kind: z.string(),
  version: z.string().nullable(),
  granted: z.enum(['granted', 'withdrawn']),
  method: z.string(),
  ip: z.string().nullable(),
  at: z.string(),
});
const consentsRoute = createRoute({
  method: 'get',
  path: '/me/consents',
  description:
    'Every consent given or withdrawn (privacy policy versions, mailing lists), newest first, with how and from where.',
  tags,
  security,
  summary: 'Consent history, newest first',
  responses: {
    200: {
      description: 'Consents',
      content: { 'application/json': { schema: z.array(consentSchema) } },
    },
    ...problemResponses(401),
  },
});
const acceptRoute = createRoute({
  method: 'post',
  path: '/me/consents/privacy-policy',
  description:
    'Records acceptance of the version in force, or of a published upcoming one. 409 for a version that is not published.',
  tags,
  security,
  summary: 'Accept a privacy policy version (the one in force, or a published upcoming one)',
  request: { body: jsonBody(z.strictObject({ version: z.string().trim().min(1).max(20) })) },
  responses: { 204: { description: 'Accepted' }, ...problemResponses(400, 401, 409) },
});

/** The consent history, and accepting a policy version. */
export function consentsApi() {
  const api = createApiRouter();

  api.openapi(consentsRoute, async (c) => {
    const auth = requireAuth(c);
    const rows = await listConsents(c.get('deps').db, auth.user.id);
    return c.json(
      rows.map((r) => ({ ...r, at: r.at.toISOString() })),
      200,
    );
  });

  api.openapi(acceptRoute, async (c) => {
    const auth = requireAuth(c);
    const result = await acceptPolicy(
      c.get('deps'),
      { userId: auth.user.id, version: c.req.valid('json').version, method: 'api' },
      requestMeta(c),
    );
    if (!result.ok) {
      return problem(c, {
        status: 409,
        type: 'policy-version-not-current',
        title: 'That version is neither in force nor upcoming',
        errors: [
          { path: 'version', message: 'See GET /api/v1/policies/privacy for the current version' },
        ],
      });
    }
    return c.body(null, 204);
  });

  return api;
}
