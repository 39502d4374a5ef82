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
  | { ok: true; providerId: string }
  | { ok: false; error: string; retryable: boolean };

/** Sends one message. Only the outbox dispatcher calls it. */
export type Mailer = {
  kind: 'resend' | 'dev';
  send(message: OutgoingMail, idempotencyKey: string): Promise<SendResult>;
};
