import { Webhook } from 'svix';
import { resendEventSchema, type ResendEvent, type SvixHeaders } from './schemas';

export type Verified =
  | { ok: true; eventId: string; event: ResendEvent }
  | { ok: false; status: 400 | 401; reason: 'unsigned' | 'bad-signature' | 'invalid-event' };

/**
 * Checks a webhook delivery with Svix's own verifier: the HMAC over id, timestamp and the raw
 * body, compared in constant time, and a timestamp within five minutes of now, so a captured
 * request cannot be replayed later. Only a verified body is parsed.
 */
export function verifyResendWebhook(secret: string, raw: string, h: SvixHeaders): Verified {
  if (!h.id || !h.timestamp || !h.signature || h.id.length > 200) {
    return { ok: false, status: 400, reason: 'unsigned' };
  }
  let payload: unknown;
  try {
    payload = new Webhook(secret).verify(raw, {
      'svix-id': h.id,
      'svix-timestamp': h.timestamp,
      'svix-signature': h.signature,
    });
  } catch {
    // Which check failed (signature or age) is not told: it would only help a forger.
    return { ok: false, status: 401, reason: 'bad-signature' };
  }
  const event = resendEventSchema.safeParse(payload);
  if (!event.success) return { ok: false, status: 400, reason: 'invalid-event' };
  return { ok: true, eventId: h.id, event: event.data };
}
