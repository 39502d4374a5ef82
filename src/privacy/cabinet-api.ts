import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, jsonBody, problemResponses } from '../http/validation';
import { requestMeta } from '../http/request-meta';
import { requireAuth, requirePrivileged, requireRole } from '../http/require';
import { problem, problems } from '../http/problem';
import { clearSessionCookie } from '../http/session-cookie';
import { isLocale } from '../i18n';
import { badToken, tokenSchema } from '../http/common-problems';
import { recordEvent } from '../core/activity';
import { acceptPolicy, listConsents } from '../core/consents';
import { cancelDeletion, cancelDeletionByToken, requestDeletion } from './deletion';
import { exportContext, exportHeaders, exportJson, exportZip } from './export';
import { publishPolicy, publishPolicySchema } from './policy-admin';
import { loadPerson } from './registry';
import { liftRestriction, restrictionReasonSchema, restrictProcessing } from './restriction';

const tags = ['Privacy'];
const security = [{ bearer: [] }];

const exportRoute = createRoute({
  method: 'get',
  path: '/me/export',
  tags,
  security,
  summary:
    'Download everything held about you (privileged): a zip of data.json, CSVs and README.txt',
  request: { query: z.object({ format: z.enum(['zip', 'json']).default('zip') }) },
  responses: {
    200: {
      description: 'An attachment, streamed: application/zip, or data.json alone with ?format=json',
      content: {
        'application/zip': { schema: z.string().openapi({ format: 'binary' }) },
        'application/json': {
          schema: z.object({
            schemaVersion: z.number(),
            generatedAt: z.string(),
            categories: z.record(z.string(), z.unknown()),
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

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
  tags,
  security,
  summary: 'Accept a privacy policy version (the one in force, or a published upcoming one)',
  request: { body: jsonBody(z.strictObject({ version: z.string().trim().min(1).max(20) })) },
  responses: { 204: { description: 'Accepted' }, ...problemResponses(400, 401, 409) },
});
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
const deleteMeRoute = createRoute({
  method: 'delete',
  path: '/me',
  tags,
  security,
  summary:
    'Delete the account (privileged): scheduled after DELETION_GRACE_DAYS; every session ends; a cancel link is emailed',
  responses: {
    202: {
      description: 'Scheduled',
      content: { 'application/json': { schema: z.object({ deletionScheduledFor: z.string() }) } },
    },
    ...problemResponses(401, 403),
  },
});
const cancelRoute = createRoute({
  method: 'post',
  path: '/me/deletion/cancel',
  tags,
  security,
  summary: 'Cancel a pending deletion: signed in, or with the token from the emailed link',
  request: {
    body: {
      content: {
        'application/json': { schema: z.strictObject({ token: tokenSchema.optional() }) },
      },
      required: false,
    },
  },
  responses: {
    204: { description: 'No deletion is pending any more' },
    ...problemResponses(400, 401),
  },
});
const publishRoute = createRoute({
  method: 'post',
  path: '/admin/policies',
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

export function cabinetPrivacyApi() {
  const api = createApiRouter();

  api.openapi(exportRoute, async (c) => {
    const auth = requirePrivileged(c);
    const deps = c.get('deps');
    const person = await loadPerson(deps.db, auth.user.id);
    if (!person) return problem(c, problems.unauthenticated);
    const { format } = c.req.valid('query');
    const locale = isLocale(auth.user.locale) ? auth.user.locale : c.get('locale');
    const ctx = exportContext(deps, person, locale);
    await recordEvent(deps.db, {
      userId: person.id,
      action: 'data.exported',
      at: ctx.now,
      meta: requestMeta(c),
      details: { format },
    });
    const stream = format === 'json' ? exportJson(ctx) : exportZip(ctx);
    return new Response(stream, { status: 200, headers: exportHeaders(format, ctx.now) });
  });

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

  api.openapi(deleteMeRoute, async (c) => {
    const auth = requirePrivileged(c);
    const deps = c.get('deps');
    const at = await requestDeletion(deps, auth.user.id, requestMeta(c));
    if (!at) return problem(c, problems.unauthenticated);
    // Every session ended with it, this one included.
    if (c.get('authVia') === 'cookie') clearSessionCookie(c, deps.config);
    return c.json({ deletionScheduledFor: at.toISOString() }, 202);
  });

  api.openapi(cancelRoute, async (c) => {
    const deps = c.get('deps');
    const auth = c.get('auth');
    if (auth) {
      await cancelDeletion(deps, auth.user.id, requestMeta(c), 'cabinet');
      return c.body(null, 204);
    }
    // DELETE /me ends every session, so without one the emailed token is the way back.
    const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {};
    if (!body?.token) return problem(c, problems.unauthenticated);
    const result = await cancelDeletionByToken(deps, body.token, requestMeta(c));
    if (!result.ok) return badToken(c, result.reason);
    return c.body(null, 204);
  });

  api.openapi(publishRoute, async (c) => {
    const auth = requireRole(c, ['admin']);
    const deps = c.get('deps');
    const result = await publishPolicy(deps, c.req.valid('json'), {
      id: auth.user.id,
      meta: requestMeta(c),
    });
    if (!result.ok) {
      if (result.reason === 'exists')
        return problem(c, {
          status: 409,
          type: 'policy-version-exists',
          title: 'That version is already published',
        });
      return problem(c, {
        status: 400,
        type: 'validation',
        title: 'The request is not valid',
        errors: [
          {
            path: 'effectiveAt',
            message: `Must be at least ${deps.config.policyNoticeDays} days ahead, so people are told in advance: ${result.earliest.toISOString()} or later`,
          },
        ],
      });
    }
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

  return api;
}
