import type { Deps } from '../deps';
import { localeOr } from '../i18n';
import type { Executor } from '../platform/db-types';
import type { MailContext, RenderedMail } from '../../emails/layout';
import { enqueueMail } from './outbox';
import type { MailAttachment } from '../../db/schema';

export function mailContext(deps: Pick<Deps, 'config'>, locale: string): MailContext {
  return {
    locale: localeOr(locale),
    appUrl: deps.config.appUrl,
    schoolName: deps.config.schoolName,
  };
}

/** An emailed link that acts: always built from APP_URL, the token in `?token=`. */
export function actionLink(deps: Pick<Deps, 'config'>, path: string, token: string) {
  return `${deps.config.appUrl}${path}?token=${encodeURIComponent(token)}`;
}

/** Renders nothing itself: takes a rendered mail and queues it in the caller's transaction. */
export async function queueMail(
  deps: Pick<Deps, 'clock'>,
  tx: Executor,
  input: {
    to: string;
    userId: string | null;
    locale: string;
    template: string;
    mail: RenderedMail;
    containsSecret?: boolean;
    headers?: Record<string, string>;
    attachments?: MailAttachment[];
  },
) {
  return enqueueMail(
    tx,
    {
      toAddress: input.to,
      userId: input.userId,
      locale: input.locale,
      template: input.template,
      subject: input.mail.subject,
      html: input.mail.html,
      text: input.mail.text,
      containsSecret: input.containsSecret ?? false,
      headers: input.headers,
      attachments: input.attachments,
    },
    deps.clock.now(),
  );
}
