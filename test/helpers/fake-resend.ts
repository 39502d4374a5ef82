// The fake lives beside the scripts (soak, screenshots) that drive it too: scripts never import test/.
import { Webhook } from 'svix';
import type { FakeResend } from '../../scripts/lib/fake-resend';

export {
  FakeResend,
  startFakeResend,
  type ReceivedEmail,
  type RequestRecord,
} from '../../scripts/lib/fake-resend';

/** A Svix signing secret as Resend shows it (`whsec_` + base64 of the key). */
export const testWebhookSecret = `whsec_${Buffer.from('fake-resend-webhook-key-0123456789').toString('base64')}`;

export type ResendEventType =
  'email.delivered' | 'email.delivery_delayed' | 'email.bounced' | 'email.complained';

/** A webhook event's JSON, shaped as Resend sends it. */
export function resendEvent(
  type: ResendEventType,
  emailId: string,
  to: string,
  extra: Record<string, unknown> = {},
) {
  return {
    type,
    created_at: new Date().toISOString(),
    data: {
      created_at: new Date().toISOString(),
      email_id: emailId,
      from: 'Accounts <no-reply@localhost>',
      to: [to],
      subject: 'a mail',
      ...extra,
    },
  };
}

/**
 * Signs a body exactly as Resend's webhooks do, with Svix's own signing code: the headers
 * `svix-id`, `svix-timestamp` and `svix-signature` over id, timestamp and the raw body.
 */
export function signWebhook(
  secret: string,
  body: string,
  options: { id?: string; at?: Date } = {},
) {
  const id = options.id ?? `msg_${crypto.randomUUID().replace(/-/g, '')}`;
  const at = options.at ?? new Date();
  return {
    id,
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': new Webhook(secret).sign(id, at, body),
    },
  };
}

type AppLike = { request(path: string, init: RequestInit): Response | Promise<Response> };

/**
 * The fake Resend's webhook side: it reports what became of a mail it received, signed with
 * `secret`, to the app's POST /webhooks/resend, and returns the app's answer.
 */
export function resendWebhooks(
  t: { app: AppLike; resend: FakeResend },
  secret = testWebhookSecret,
) {
  const post = (body: string, headers: Record<string, string>) =>
    t.app.request('/webhooks/resend', { method: 'POST', body, headers });
  /** The id Resend gave the newest mail to `address` (optionally: whose subject matches). */
  const mailTo = (address: string, subject?: RegExp) => {
    const mail = t.resend
      .to(address)
      .filter((m) => !subject || subject.test(m.subject))
      .at(-1);
    if (!mail) throw new Error(`the fake Resend received no mail to ${address}`);
    return mail;
  };
  return {
    post,
    mailTo,
    /** Sends one event about the newest mail to `address`; `id` reuses a delivery's svix-id. */
    async emit(
      type: ResendEventType,
      address: string,
      options: { id?: string; at?: Date; extra?: Record<string, unknown>; subject?: RegExp } = {},
    ) {
      const body = JSON.stringify(
        resendEvent(type, mailTo(address, options.subject).id, address, options.extra),
      );
      const signed = signWebhook(secret, body, options);
      return { id: signed.id, body, res: await post(body, signed.headers) };
    },
    bounce: (address: string, kind: 'Permanent' | 'Transient' = 'Permanent', subject?: RegExp) =>
      resendWebhooks(t, secret).emit('email.bounced', address, {
        subject,
        extra: { bounce: { type: kind, subType: 'General', message: 'mailbox unavailable' } },
      }),
    complain: (address: string, subject?: RegExp) =>
      resendWebhooks(t, secret).emit('email.complained', address, { subject }),
  };
}
