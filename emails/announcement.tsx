import { translator } from '../src/i18n';
import { controllerLines } from '../src/i18n/controller';
import {
  MailShell,
  mailDocument,
  mailStyles,
  safeSubject,
  type MailContext,
  type RenderedMail,
} from './layout';

export type AnnouncementMailData = {
  subject: string;
  /** Plain text as staff typed it; an empty line starts a paragraph. Never read as HTML. */
  body: string;
  listName: string;
  unsubscribeUrl: string;
  manageUrl: string;
};

const paragraphsOf = (body: string) =>
  body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * A list mail. Unlike service mail it says why it came and carries the one-click unsubscribe
 * link in the footer as well as in the List-Unsubscribe header (RFC 2369 / RFC 8058).
 */
export function announcementMail(ctx: MailContext, d: AnnouncementMailData): RenderedMail {
  const t = translator(ctx.locale);
  const subject = safeSubject(d.subject);
  const paragraphs = paragraphsOf(d.body);
  // The shared frame every mail has (layout.tsx); the list's footer says why it came and how to stop it.
  const html = (
    <MailShell
      ctx={ctx}
      subject={subject}
      preheader={paragraphs[0]}
      footer={
        <p style={mailStyles.small}>
          {t('mail.announcement.why', { list: d.listName })}{' '}
          <a href={d.unsubscribeUrl} style={mailStyles.link}>
            {t('mail.announcement.unsubscribe')}
          </a>
          {' · '}
          <a href={d.manageUrl} style={mailStyles.link}>
            {t('mail.announcement.manage')}
          </a>
        </p>
      }
    >
      <h1 style={mailStyles.h1}>{subject}</h1>
      {paragraphs.map((p) => (
        <p style={mailStyles.p}>
          {p.split('\n').map((line, i) => (i === 0 ? line : [<br />, line]))}
        </p>
      ))}
    </MailShell>
  );
  const text = [
    ctx.schoolName,
    '',
    subject,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    '--',
    t('mail.announcement.why', { list: d.listName }),
    `${t('mail.announcement.unsubscribe')}: ${d.unsubscribeUrl}`,
    `${t('mail.announcement.manage')}: ${d.manageUrl}`,
    '',
    ...controllerLines(t, ctx.controller),
  ].join('\n');
  return { subject, html: mailDocument(html), text };
}
