import type { MailAttachment } from '../../db/schema';

/** A rendered message as the outbox hands it to a mailer. */
export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
};

export type SendResult =
  { ok: true; providerId: string } | { ok: false; error: string; retryable: boolean };

/**
 * The answer to a whole batch: the provider takes all of it or none of it. `providerIds`
 * are in the order of the messages. A non-retryable failure (a 4xx: one invalid message
 * rejects the batch) makes the dispatcher send the rows one by one instead.
 */
export type BatchResult =
  { ok: true; providerIds: string[] } | { ok: false; error: string; retryable: boolean };

export type SendOptions = {
  /** Abandon the call (the dispatcher is stopping); the answer counts as a retryable failure. */
  signal?: AbortSignal;
};

/** Most messages one batch call may carry (Resend's limit). */
export const maxBatchSize = 100;

/** Sends mail. Only the outbox dispatcher calls it. */
export type Mailer = {
  kind: 'resend' | 'dev';
  send(message: OutgoingMail, idempotencyKey: string, options?: SendOptions): Promise<SendResult>;
  /**
   * Optional: up to `maxBatchSize` messages, none with attachments, in one call under one
   * idempotency key. Without it every row goes through `send`.
   */
  sendBatch?(
    messages: OutgoingMail[],
    idempotencyKey: string,
    options?: SendOptions,
  ): Promise<BatchResult>;
};
