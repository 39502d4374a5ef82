import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { createApiRouter, jsonBody, problemResponses } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { requireRole } from '../../http/require';
import { problem, validationProblem } from '../../http/problem';
import { publishPolicy } from '../policy-admin';
import { publishPolicySchema } from '../schemas';
import { security } from './common';

const publishRoute = createRoute({
  method: 'post',
  path: '/admin/policies',
  description:
    'Role admin. Publishes a privacy policy version; every active person is emailed now, at least POLICY_NOTICE_DAYS before `effectiveAt`. 409 when the version already exists.',
  tags: ['Admin'],
  security,
  summary:
    'Publish a privacy policy version; every active user is emailed now, at least POLICY_NOTICE_DAYS before it takes effect',
  request: { body: jsonBody(publishPolicySchema) },
  responses: {
    201: {
      description: 'Published',
      content: {
        'application/json': {
          schema: z.object({
            version: z.string(),
            publishedAt: z.string(),
            effectiveAt: z.string(),
            summary: z.string(),
            noticesQueued: z.number(),
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403, 409),
  },
});

const versionExists = (c: Context<AppEnv>) =>
  problem(c, {
    status: 409,
    type: 'policy-version-exists',
    title: 'That version is already published',
  });

const tooSoon = (c: Context<AppEnv>, earliest: Date) =>
  validationProblem(c, [
    {
      path: 'effectiveAt',
      message: `Must be at least ${c.get('deps').config.policyNoticeDays} days ahead, so people are told in advance: ${earliest.toISOString()} or later`,
    },
  ]);

/** Admins publish a new policy version; the notices go out with it. */
export function policyAdminApi() {
  return createApiRouter().openapi(publishRoute, async (c) => {
    const auth = requireRole(c, ['admin']);
    const deps = c.get('deps');
    const result = await publishPolicy(deps, c.req.valid('json'), {
      id: auth.user.id,
      meta: requestMeta(c),
    });
    if (!result.ok)
      return result.reason === 'exists' ? versionExists(c) : tooSoon(c, result.earliest);
    deps.notifyMail();
    const p = result.policy;
    return c.json(
      {
        version: p.version,
        publishedAt: p.publishedAt.toISOString(),
        effectiveAt: p.effectiveAt.toISOString(),
        summary: p.summary,
        noticesQueued: result.noticesQueued,
      },
      201,
    );
  });
}
