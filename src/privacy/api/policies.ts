import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, publicAccess } from '../../http/validation';
import { loadPolicyVersions } from '../policies';

const policiesRoute = createRoute({
  method: 'get',
  path: '/policies/privacy',
  description:
    'Public. The version in force (`current`) and every published version with its summary and dates, including upcoming ones.',
  ...publicAccess,
  tags: ['Public'],
  summary: 'The privacy policy in force and every version, past and upcoming',
  responses: {
    200: {
      description: 'Policy versions',
      content: {
        'application/json': {
          schema: z.object({
            current: z.string().nullable(),
            versions: z.array(
              z.object({
                version: z.string(),
                publishedAt: z.string(),
                effectiveAt: z.string(),
                summary: z.string(),
              }),
            ),
          }),
        },
      },
    },
  },
});

/** The public side: which policy is in force, and every version. */
export function policiesApi() {
  return createApiRouter().openapi(policiesRoute, async (c) => {
    const { current, versions } = await loadPolicyVersions(c.get('deps'));
    return c.json(
      {
        current: current?.version ?? null,
        versions: versions.map((v) => ({
          version: v.version,
          publishedAt: v.publishedAt.toISOString(),
          effectiveAt: v.effectiveAt.toISOString(),
          summary: v.summary,
        })),
      },
      200,
    );
  });
}
