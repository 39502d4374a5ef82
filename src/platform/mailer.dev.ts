import type { Mailer, SendResult } from './mailer';

/**
 * The development mailbox: nothing leaves the machine. The outbox row itself is the stored
 * mail (shown at /dev/mailbox); here we print a one-line summary with the first link so a
 * developer can click through a flow from the console.
 */
export function createDevMailer(print: (line: string) => void = console.log): Mailer {
  const mailer: Mailer = {
    kind: 'dev',
    send(message, idempotencyKey) {
      const link = /https?:\/\/[^\s"<>]+/.exec(message.text)?.[0];
      print(`[mail] to=${message.to} subject="${message.subject}"${link ? ` link=${link}` : ''}`);
      return Promise.resolve<SendResult>({ ok: true, providerId: `dev-${idempotencyKey}` });
    },
    // A batch is its messages printed one by one, so the dev flow matches the real one.
    async sendBatch(messages, idempotencyKey) {
      const providerIds: string[] = [];
      for (const [i, message] of messages.entries()) {
        await mailer.send(message, `${idempotencyKey}-${i}`);
        providerIds.push(`dev-${idempotencyKey}-${i}`);
      }
      return { ok: true, providerIds };
    },
  };
  return mailer;
}
