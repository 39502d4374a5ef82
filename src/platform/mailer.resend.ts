import { Resend, type ErrorResponse } from 'resend';
import { maxBatchSize, type Mailer, type OutgoingMail, type SendOptions } from './mailer';

export type ResendMailerOptions = {
  /** A send that takes longer is abandoned and retried later under the same idempotency key. */
  timeoutMs?: number;
  /** The same for a batch call, which carries up to 100 messages. */
  batchTimeoutMs?: number;
};

const signalFor = (ms: number, call?: SendOptions) =>
  call?.signal ? AbortSignal.any([AbortSignal.timeout(ms), call.signal]) : AbortSignal.timeout(ms);

const fields = (message: OutgoingMail) => ({
  from: message.from,
  to: message.to,
  subject: message.subject,
  html: message.html,
  text: message.text,
  headers: message.headers,
});

const attachmentsOf = (message: OutgoingMail) =>
  message.attachments?.map((a) => ({
    filename: a.filename,
    content: a.contentBase64,
    contentType: a.contentType,
  }));

/** Mail through the Resend SDK. `baseUrl` points it at a fake API in tests. */
export function createResendMailer(
  apiKey: string,
  baseUrl?: string,
  options: ResendMailerOptions = {},
): Mailer {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const batchTimeoutMs = options.batchTimeoutMs ?? 30_000;
  return {
    kind: 'resend',
    async send(message, idempotencyKey, call) {
      let answer;
      try {
        answer = await resend.emails.send(
          {
            ...fields(message),
            attachments: attachmentsOf(message),
          },
          { idempotencyKey, signal: signalFor(timeoutMs, call) },
        );
      } catch (err) {
        // The SDK reports most failures as values; anything it throws is as unknown as a lost answer.
        return { ok: false, retryable: true, error: `network: ${(err as Error).name}` };
      }
      const { data, error } = answer;
      if (data) return { ok: true, providerId: data.id };
      return failure(error);
    },
    async sendBatch(messages, idempotencyKey, call) {
      // Resend's batch endpoint takes neither attachments nor more than 100 messages; the
      // dispatcher never asks, and a refusal here makes it send the rows one by one.
      if (messages.length > maxBatchSize || messages.some((m) => m.attachments?.length)) {
        return { ok: false, retryable: false, error: 'batch: attachments or too many messages' };
      }
      let answer;
      try {
        // Strict validation (the SDK's default, spelled out): one invalid message rejects the
        // whole batch with a 4xx, so the batch is all sent or not at all.
        answer = await resend.batch.send(messages.map(fields), {
          idempotencyKey,
          batchValidation: 'strict',
          signal: signalFor(batchTimeoutMs, call),
        });
      } catch (err) {
        return { ok: false, retryable: true, error: `network: ${(err as Error).name}` };
      }
      const { data, error } = answer;
      if (data) return { ok: true, providerIds: data.data.map((d) => d.id) };
      return failure(error);
    },
  };
}

function failure(error: ErrorResponse | null) {
  const status = error?.statusCode ?? null;
  // Resend's 409 for a key whose first request is still running; asking again later is safe.
  const stillRunning = error?.name === 'concurrent_idempotent_requests';
  // No status: the API was not reached (refused, timed out). 429 and 5xx pass; other 4xx stay.
  const retryable = status === null || status === 429 || status >= 500 || stillRunning;
  return {
    ok: false as const,
    retryable,
    error: `${status ?? 'network'}: ${error?.name ?? 'error'}`,
  };
}
