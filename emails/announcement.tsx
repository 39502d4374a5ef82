import { translator } from '../src/i18n';
import { safeSubject, type MailContext, type RenderedMail } from './layout';

export type AnnouncementMailData = {
  subject: string;
  /** Plain text as staff typed it; an empty line starts a paragraph. Never read as HTML. */
  body: string;
  listName: string;
  unsubscribeUrl: string;
  manageUrl: string;
};

// The same look as layout.tsx: one column, inline styles, which mail clients render reliably.
const styles = {
  body: 'margin:0;padding:0;background:#f4f5f7;',
  outer: 'width:100%;background:#f4f5f7;padding:24px 0;',
  card: 'max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328;font-size:16px;line-height:1.5;',
  brand: 'font-size:14px;font-weight:600;color:#4b5563;margin:0 0 24px;',
  h1: 'font-size:20px;line-height:1.3;margin:0 0 16px;',
  p: 'margin:0 0 16px;',
  small: 'font-size:13px;color:#4b5563;margin:24px 0 0;',
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
  const html = (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>{subject}</title>
      </head>
      <body style={styles.body}>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style={styles.outer}>
          <tr>
            <td>
              <div style={styles.card}>
                <p style={styles.brand}>{ctx.schoolName}</p>
                <h1 style={styles.h1}>{subject}</h1>
                {paragraphs.map((p) => (
                  <p style={styles.p}>
                    {p.split('\n').map((line, i) => (i === 0 ? line : [<br />, line]))}
                  </p>
                ))}
                <p style={styles.small}>
                  {t('mail.announcement.why', { list: d.listName })} <a href={d.unsubscribeUrl}>{t('mail.announcement.unsubscribe')}</a>
                  {' · '}
                  <a href={d.manageUrl}>{t('mail.announcement.manage')}</a>
                </p>
              </div>
            </td>
          </tr>
        </table>
      </body>
    </html>
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
  ].join('\n');
  return { subject, html: '<!doctype html>' + html.toString(), text };
}
