import type { Deps } from '../deps';
import { isLocale, type Locale } from '../i18n';
import type { Executor } from '../platform/db-types';
import { emailOutbox, type MailAttachment } from '../../db/schema';
import {
  mailTemplates,
  type MailContext,
  type MailData,
  type MailTemplateId,
  type RenderedMail,
} from '../../emails';

/**
 * The recipient's language if the school still offers it (SUPPORTED_LOCALES), else the
 * school's default: a language dropped from the list stops being written in. Dates put into
 * a mail's data are formatted in this language too.
 */
export function mailLocale(deps: Pick<Deps, 'config'>, locale: string | null): Locale {
  const { supportedLocales, defaultLocale } = deps.config;
  return isLocale(locale) && supportedLocales.includes(locale) ? locale : defaultLocale;
}

export function mailContext(deps: Pick<Deps, 'config'>, locale: string | null): MailContext {
  return {
    locale: mailLocale(deps, locale),
    appUrl: deps.config.appUrl,
    schoolName: deps.config.schoolName,
    controller: deps.config.controller,
  };
}

/** The template's data; optional for the mails that take none. */
type DataOf<T extends MailTemplateId> =
  undefined extends MailData<T> ? { data?: MailData<T> } : { data: MailData<T> };

export type QueueMailInput<T extends MailTemplateId> = {
  to: string;
  userId: string | null;
  /** The recipient's language; the mail is rendered in it (or in the default). */
  locale: string;
  template: T;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
} & DataOf<T>;

/**
 * The one way a mail is queued for one person: renders the template in their language and
 * inserts it into the outbox in the caller's transaction, so the mail exists if and only if
 * the change it is about committed. (Announcements and policy notices go to thousands at
 * once, rendered once per language in one INSERT … SELECT of their own.)
 */
export async function queueMail<T extends MailTemplateId>(
  deps: Pick<Deps, 'clock' | 'config'>,
  tx: Executor,
  input: QueueMailInput<T>,
) {
  const ctx = mailContext(deps, input.locale);
  const template = mailTemplates[input.template] as {
    render: (ctx: MailContext, data: MailData<T>) => RenderedMail;
    secret: boolean;
  };
  const mail = template.render(ctx, input.data);
  const now = deps.clock.now();
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      toAddress: input.to,
      userId: input.userId,
      locale: ctx.locale,
      template: input.template,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      containsSecret: template.secret,
      headers: input.headers,
      attachments: input.attachments,
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning({ id: emailOutbox.id });
  return row!.id;
}
