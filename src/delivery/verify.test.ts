import { describe, expect, it } from 'vitest';
import { Webhook } from 'svix';
import { verifyResendWebhook } from './verify';

const secret = `whsec_${btoa('unit-test-webhook-key-0123456789')}`;

function signed(body: string, at = new Date(), id = 'msg_1') {
  return {
    id,
    timestamp: String(Math.floor(at.getTime() / 1000)),
    signature: new Webhook(secret).sign(id, at, body),
  };
}

const event = JSON.stringify({
  type: 'email.bounced',
  created_at: '2026-12-05T10:00:00.000Z',
  data: { email_id: 'e-1', bounce: { type: 'Permanent' }, to: ['a@example.com'] },
});

describe('verifyResendWebhook', () => {
  it('accepts what Svix signed, and reads the event', () => {
    const result = verifyResendWebhook(secret, event, signed(event));
    expect(result).toMatchObject({ ok: true, eventId: 'msg_1', event: { type: 'email.bounced' } });
  });

  it('answers 400 without the three headers', () => {
    const h = signed(event);
    expect(verifyResendWebhook(secret, event, { ...h, signature: undefined })).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('answers 401 to a changed body, another id or an old timestamp', () => {
    const h = signed(event);
    expect(verifyResendWebhook(secret, event.replace('Permanent', 'Transient'), h).ok).toBe(false);
    expect(verifyResendWebhook(secret, event, { ...h, id: 'msg_2' })).toMatchObject({
      status: 401,
    });
    const old = signed(event, new Date(Date.now() - 6 * 60_000));
    expect(verifyResendWebhook(secret, event, old)).toMatchObject({ status: 401 });
  });

  it('answers 400 to a signed body that is not a Resend email event', () => {
    const body = JSON.stringify({ type: 'email.sent', data: {} });
    expect(verifyResendWebhook(secret, body, signed(body))).toMatchObject({ status: 400 });
  });
});
