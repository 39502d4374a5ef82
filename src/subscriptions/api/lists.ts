import { createRoute, z } from '@hono/zod-openapi';
import type { RatePolicy } from '../../http/rate-limit-headers';
import { confirmationMailRule } from '../subscribe';
import { withRateLimit } from '../../http/rate-limit-headers';
import { createApiRouter, jsonBody, problemResponses, publicAccess } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { rateLimited } from '../../http/common-problems';
import { listLists, listUserSubscriptions, toListView } from '../lists';
import { setSubscription } from '../set-subscription';
import { json, mandatoryList, noSuchList, security, tags } from './common';

/** Same counter as subscribe.ts: the person's id, unhashed. */
const confirmationMailsByPerson: RatePolicy = {
  rule: (config) => confirmationMailRule({ config }),
  subject: (c) => c.get('auth')?.user.id ?? null,
};

const listSchema = z
  .object({ list: z.string(), name: z.string(), description: z.string(), mandatory: z.boolean() })
  .openapi('MailingList');
const subscriptionSchema = listSchema
  .extend({ status: z.enum(['pending', 'subscribed', 'unsubscribed']) })
  .openapi('Subscription');
const listParam = z.object({ list: z.string().max(50) });

const listsRoute = createRoute({
  method: 'get',
  path: '/lists',
  description: 'Public. The mailing lists, named and described in the request’s language.',
  ...publicAccess,
  tags,
  summary: 'The mailing lists, in the request’s language',
  responses: { 200: json('Lists', z.array(listSchema)) },
});
const mySubscriptionsRoute = createRoute({
  method: 'get',
  path: '/me/subscriptions',
  description:
    'Every list with your status (`subscribed`, `pending`, `unsubscribed`); the mandatory service list is always subscribed.',
  tags,
  security,
  summary: 'Every list with my status; the mandatory one is always subscribed',
  responses: { 200: json('Subscriptions', z.array(subscriptionSchema)), ...problemResponses(401) },
});
const setSubscriptionRoute = createRoute({
  method: 'put',
  path: '/me/subscriptions/{list}',
  ...withRateLimit(confirmationMailsByPerson),
  description:
    '`{subscribed: true}` mails a confirmation link and answers `pending` (double opt-in); `{subscribed: false}` unsubscribes at once. 409 for the mandatory list; confirmation mails per hour are limited (429).',
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

/** The lists, and the signed-in person's place on each. */
export function listsApi() {
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
    const result = await setSubscription(
      c.get('deps'),
      {
        userId: auth.user.id,
        list: c.req.valid('param').list,
        subscribed: c.req.valid('json').subscribed,
        locale: c.get('locale'),
      },
      requestMeta(c),
    );
    if (result.ok) return c.json(result.subscription, 200);
    if (result.reason === 'rate-limited') return rateLimited(c, result.retryAfterSeconds);
    return result.reason === 'not-found' ? noSuchList(c) : mandatoryList(c, 409);
  });

  return api;
}
