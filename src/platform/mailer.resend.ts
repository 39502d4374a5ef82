import { Resend } from 'resend';
import type { Mailer } from '../mail/message';

const sendTimeoutMs = 15_000;

/** Mail through the Resend SDK. `baseUrl` points it at a fake API in tests. */
export function createResendMailer(apiKey: string, baseUrl?: string): Mailer {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    kind: 'resend',
    async send(message, idempotencyKey) {
      const { data, error } = await resend.emails.send(
        {
          from: message.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: message.headers,
          attachments: message.attachments?.map((a) => ({
            filename: a.filename,
            content: a.contentBase64,
            contentType: a.contentType,
          })),
        },
        { idempotencyKey, signal: AbortSignal.timeout(sendTimeoutMs) },
      );
      if (data) return { ok: true, providerId: data.id };
      const status = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
      // No status: the API was not reached (refused, timed out). 429 and 5xx pass; other 4xx stay.
      const retryable = status === null || status === 429 || status >= 500;
      return { ok: false, retryable, error: `${status ?? 'network'}: ${error?.name ?? 'error'}` };
    },
  };
}
