import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { problem, problems } from '../http/problem';
import { receiveResendWebhook } from './webhook';

const refusals = {
  unsigned: 'The request carries no Svix signature headers',
  'bad-signature': 'The signature does not match, or the timestamp is too old',
  'invalid-event': 'The event is not a Resend email event',
} as const;

/**
 * POST /webhooks/resend: Resend's delivery events, signed with Svix. Without
 * RESEND_WEBHOOK_SECRET the route does not exist (404): an unverifiable event must never be
 * acted on, and a 404 tells a prober nothing. Answers 200 to every verified event, new,
 * repeated or of a kind this service ignores, so Resend does not retry it.
 */
export function deliveryWebhookRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/webhooks/resend', async (c) => {
    const deps = c.get('deps');
    const secret = deps.config.resendWebhookSecret;
    if (!secret) return problem(c, problems.notFound);
    const received = await receiveResendWebhook(deps, secret, await c.req.text(), {
      id: c.req.header('svix-id'),
      timestamp: c.req.header('svix-timestamp'),
      signature: c.req.header('svix-signature'),
    });
    if (!received.ok) {
      return problem(c, {
        status: received.status,
        type: `webhook-${received.reason}`,
        title: refusals[received.reason],
      });
    }
    return c.json({ received: true, result: received.result });
  });
  return app;
}
