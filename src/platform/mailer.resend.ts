import { Resend } from 'resend';
import type { Mailer } from '../mail/message';

export type ResendMailerOptions = {
  /** A send that takes longer is abandoned and retried later under the same idempotency key. */
  timeoutMs?: number;
};

/** Mail through the Resend SDK. `baseUrl` points it at a fake API in tests. */
export function createResendMailer(
  apiKey: string,
  baseUrl?: string,
  options: ResendMailerOptions = {},
): Mailer {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    kind: 'resend',
    async send(message, idempotencyKey) {
      let answer;
      try {
        answer = await resend.emails.send(
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
          { idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
        );
      } catch (err) {
        // The SDK reports most failures as values; anything it throws is as unknown as a lost answer.
        return { ok: false, retryable: true, error: `network: ${(err as Error).name}` };
      }
      const { data, error } = answer;
      if (data) return { ok: true, providerId: data.id };
      const status = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
      // Resend's 409 for a key whose first request is still running; asking again later is safe.
      const stillRunning = error?.name === 'concurrent_idempotent_requests';
      // No status: the API was not reached (refused, timed out). 429 and 5xx pass; other 4xx stay.
      const retryable = status === null || status === 429 || status >= 500 || stillRunning;
      return { ok: false, retryable, error: `${status ?? 'network'}: ${error?.name ?? 'error'}` };
    },
  };
}
