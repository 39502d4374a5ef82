import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { createApiRouter, jsonBody, problemResponses } from '../http/validation';
import { problem, problems } from '../http/problem';
import { requestMeta } from '../http/request-meta';
import { requireAuth, requireRole } from '../http/require';
import { badToken, rateLimited, tokenSchema } from '../http/common-problems';
import { announcementInputSchema } from './announcement-input';
import { sendAnnouncement } from './announcements';
import { confirmSubscription } from './confirm';
import {
  findList,
  findUserSubscription,
  listLists,
  listUserSubscriptions,
  toListView,
} from './lists';
import { requestSubscription } from './subscribe';
import { leaveList, unsubscribeWithToken } from './unsubscribe';
import { maxUnsubscribeTokenLength } from './unsubscribe-token';

const tags = ['Subscriptions'];
const security = [{ bearer: [] }];

const listSchema = z
  .object({ list: z.string(), name: z.string(), description: z.string(), mandatory: z.boolean() })
  .openapi('MailingList');
const subscriptionSchema = listSchema
  .extend({ status: z.enum(['pending', 'subscribed', 'unsubscribed']) })
  .openapi('Subscription');
const listParam = z.object({ list: z.string().max(50) });
const json = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { 'application/json': { schema } },
});

const listsRoute = createRoute({
  method: 'get',
  path: '/lists',
  tags,
  summary: 'The mailing lists, in the request’s language',
  responses: { 200: json('Lists', z.array(listSchema)) },
});
const mySubscriptionsRoute = createRoute({
  method: 'get',
  path: '/me/subscriptions',
  tags,
  security,
  summary: 'Every list with my status; the mandatory one is always subscribed',
  responses: { 200: json('Subscriptions', z.array(subscriptionSchema)), ...problemResponses(401) },
});
const setSubscriptionRoute = createRoute({
  method: 'put',
  path: '/me/subscriptions/{list}',
  tags,
  security,
  summary:
    'Subscribe (double opt-in: pending until the emailed link is used) or unsubscribe at once',
  request: { params: listParam, body: jsonBody(z.strictObject({ subscribed: z.boolean() })) },
  responses: {
    200: json('The subscription now', subscriptionSchema),
    ...problemResponses(400, 401, 404, 409, 429),
  },
});
const confirmRoute = createRoute({
  method: 'post',
  path: '/subscriptions/confirm',
  tags,
  summary: 'Confirm a subscription with the emailed token (single use)',
  request: { body: jsonBody(z.strictObject({ token: tokenSchema })) },
  responses: {
    200: json('Confirmed', z.object({ list: z.string(), status: z.literal('subscribed') })),
    ...problemResponses(400),
  },
});
const oneClickBody = z.strictObject({ 'List-Unsubscribe': z.literal('One-Click') });
const unsubscribeRoute = createRoute({
  method: 'post',
  path: '/unsubscribe',
  tags,
  summary: 'RFC 8058 one-click unsubscribe: no session, the signed token names the person and list',
  request: {
    query: z.object({ token: z.string().min(1).max(maxUnsubscribeTokenLength) }),
    body: {
      content: {
        'application/x-www-form-urlencoded': { schema: oneClickBody },
        'multipart/form-data': { schema: oneClickBody },
      },
      required: true,
    },
  },
  responses: {
    200: json('Unsubscribed', z.object({ list: z.string(), status: z.literal('unsubscribed') })),
    ...problemResponses(400, 409, 415),
  },
});
const announcementRoute = createRoute({
  method: 'post',
  path: '/staff/announcements',
  tags: ['Staff'],
  security,
  summary: 'Queue a mail to the confirmed subscribers of a list (staff or admin)',
  request: { body: jsonBody(announcementInputSchema) },
  responses: {
    202: json('Queued', z.object({ id: z.string(), queued: z.number().int() })),
    ...problemResponses(400, 401, 403, 404),
  },
});

const noSuchList = (c: Context<AppEnv>) =>
  problem(c, { ...problems.notFound, detail: 'No mailing list by that name' });
const mandatoryList = (c: Context<AppEnv>, status: 400 | 409) =>
  problem(c, {
    status,
    type: 'mandatory-list',
    title:
      'The service list carries mail about your account; it cannot be left or used for announcements',
  });

export function subscriptionsApi() {
  const api = createApiRouter();

  api.openapi(listsRoute, async (c) => {
    const rows = await listLists(c.get('deps').db);
    return c.json(
      rows.map((r) => toListView(r, c.get('locale'))),
      200,
    );
  });

  api.openapi(mySubscriptionsRoute, async (c) => {
    const auth = requireAuth(c);
    return c.json(
      await listUserSubscriptions(c.get('deps').db, auth.user.id, c.get('locale')),
      200,
    );
  });

  api.openapi(setSubscriptionRoute, async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const { list } = c.req.valid('param');
    if (c.req.valid('json').subscribed) {
      const result = await requestSubscription(
        deps,
        { userId: auth.user.id, list },
        requestMeta(c),
      );
      if (!result.ok)
        return result.reason === 'not-found'
          ? noSuchList(c)
          : rateLimited(c, result.retryAfterSeconds);
    } else {
      const result = await leaveList(
        deps,
        { userId: auth.user.id, list, method: 'cabinet' },
        requestMeta(c),
      );
      if (!result.ok) return result.reason === 'not-found' ? noSuchList(c) : mandatoryList(c, 409);
    }
    const row = await findList(deps.db, list);
    if (!row) return noSuchList(c);
    return c.json(await findUserSubscription(deps.db, auth.user.id, row, c.get('locale')), 200);
  });

  api.openapi(confirmRoute, async (c) => {
    const result = await confirmSubscription(
      c.get('deps'),
      c.req.valid('json').token,
      requestMeta(c),
    );
    if (!result.ok) return badToken(c, result.reason);
    return c.json({ list: result.list, status: 'subscribed' as const }, 200);
  });

  api.openapi(unsubscribeRoute, async (c) => {
    const result = await unsubscribeWithToken(
      c.get('deps'),
      { token: c.req.valid('query').token, method: 'one-click' },
      requestMeta(c),
    );
    if (!result.ok)
      return result.reason === 'mandatory' ? mandatoryList(c, 409) : badToken(c, 'invalid');
    return c.json({ list: result.list.slug, status: 'unsubscribed' as const }, 200);
  });

  api.openapi(announcementRoute, async (c) => {
    const auth = requireRole(c, ['staff', 'admin']);
    const result = await sendAnnouncement(c.get('deps'), {
      ...c.req.valid('json'),
      staffId: auth.user.id,
    });
    if (!result.ok) return result.reason === 'not-found' ? noSuchList(c) : mandatoryList(c, 400);
    return c.json({ id: result.id, queued: result.queued }, 202);
  });

  return api;
}
