import type { Mailer } from '../mail/message';

/**
 * The development mailbox: nothing leaves the machine. The outbox row itself is the stored
 * mail (shown at /dev/mailbox); here we print a one-line summary with the first link so a
 * developer can click through a flow from the console.
 */
export function createDevMailer(print: (line: string) => void = console.log): Mailer {
  return {
    kind: 'dev',
    async send(message, idempotencyKey) {
      const link = /https?:\/\/[^\s"<>]+/.exec(message.text)?.[0];
      print(`[mail] to=${message.to} subject="${message.subject}"${link ? ` link=${link}` : ''}`);
      return { ok: true, providerId: `dev-${idempotencyKey}` };
    },
  };
}
