import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, jsonBody, problemResponses, publicAccess } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { badToken, tokenSchema } from '../../http/common-problems';
import { confirmSubscription } from '../confirm';
import { unsubscribeWithToken } from '../unsubscribe';
import { maxUnsubscribeTokenLength } from '../unsubscribe-token';
import { json, mandatoryList, tags } from './common';

const confirmRoute = createRoute({
  method: 'post',
  path: '/subscriptions/confirm',
  description:
    'Public. Takes the token from the emailed `/subscriptions/confirm?token=…` link; single use.',
  ...publicAccess,
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
  description:
    'Public, RFC 8058 one-click: the body is `List-Unsubscribe=One-Click` (form-encoded) and the signed token in the query names the person and the list. No session or Origin is needed.',
  ...publicAccess,
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

/** What the emailed links do, without a session: confirm a subscription, or leave a list. */
export function linksApi() {
  const api = createApiRouter();

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

  return api;
}
