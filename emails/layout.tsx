import type { Child } from 'hono/jsx';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Controller } from '../src/config-privacy';
import type { Locale } from '../src/i18n';
import { translator } from '../src/i18n';
import { controllerLines } from '../src/i18n/controller';

/**
 * Who the mail is from and in which language: the school's name comes from SCHOOL_NAME, the
 * controller (named in every footer) from CONTROLLER_* and SUPERVISORY_AUTHORITY*.
 */
export type MailContext = {
  locale: Locale;
  appUrl: string;
  schoolName: string;
  controller: Controller;
};
export type RenderedMail = { subject: string; html: string; text: string };

export type SimpleMessage = {
  subject: string;
  greeting?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Security notices carry a "This wasn't me" link that ends every session. */
  notMeUrl?: string;
  /** Optional-mail footer (why you got this, how to stop it). */
  footer?: string;
};

/**
 * The HTML part as a string. Mail templates have no async components, so the element renders
 * synchronously; a promise here would put "[object Promise]" into someone's inbox, so it throws.
 */
export function mailDocument(element: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  if (element instanceof Promise) throw new Error('mail templates must render synchronously');
  return '<!doctype html>' + element.toString();
}

/** CR/LF in a subject would start a new header; collapse all control characters. */
export const safeSubject = (s: string) =>
  s
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, 200);

/**
 * The mail palette and type, as inline styles (mail clients drop <style> blocks and classes).
 * Contrast on white: text #1a1f29 16.5:1, muted #4a5260 7.9:1, link/button #1d4ed8 6.7:1.
 */
const font = "-apple-system,'Segoe UI',Roboto,'Noto Sans','Helvetica Neue',Arial,sans-serif";
export const mailStyles = {
  body: 'margin:0;padding:0;background-color:#f4f5f7;-webkit-text-size-adjust:100%;',
  outer: 'width:100%;background-color:#f4f5f7;',
  outerCell: 'padding:24px 12px;',
  card: 'width:100%;max-width:560px;background-color:#ffffff;border:1px solid #d5dae1;border-radius:8px;',
  header: `padding:20px 32px;border-bottom:1px solid #d5dae1;font-family:${font};font-size:16px;line-height:1.4;font-weight:700;color:#1a1f29;`,
  content: `padding:28px 32px 8px;font-family:${font};font-size:16px;line-height:1.5;color:#1a1f29;`,
  footer: `padding:8px 32px 28px;font-family:${font};font-size:13px;line-height:1.5;color:#4a5260;`,
  h1: 'font-size:20px;line-height:1.3;margin:0 0 16px;color:#1a1f29;',
  p: 'margin:0 0 16px;',
  small: 'margin:16px 0 0;',
  link: 'color:#1d4ed8;text-decoration:underline;',
  buttonCell: 'border-radius:6px;background-color:#1d4ed8;',
  button: `display:inline-block;padding:12px 22px;border-radius:6px;font-family:${font};font-size:16px;font-weight:700;line-height:1.2;color:#ffffff;text-decoration:none;`,
  preheader:
    'display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;color:#f4f5f7;opacity:0;',
};

/** A button that shows as one in every client (a table cell with a background, the link inside). */
export function MailButton(p: { url: string; label: string }) {
  return (
    <table
      role="presentation"
      cellpadding="0"
      cellspacing="0"
      border={0}
      style="margin:8px 0 16px;"
    >
      <tr>
        <td bgcolor="#1d4ed8" style={mailStyles.buttonCell}>
          <a href={p.url} style={mailStyles.button}>
            {p.label}
          </a>
        </td>
      </tr>
    </table>
  );
}

/**
 * The frame every mail shares: a centred single-column table (what Outlook, Gmail and Apple
 * Mail all render the same), the school's name on top, the content, and a muted footer. The
 * preheader is the line clients show next to the subject in the inbox.
 */
export function MailShell(p: {
  ctx: MailContext;
  subject: string;
  preheader?: string;
  children: Child;
  footer: Child;
}) {
  return (
    <html lang={p.ctx.locale} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="x-apple-disable-message-reformatting" />
        <meta name="color-scheme" content="light" />
        <title>{p.subject}</title>
      </head>
      <body style={mailStyles.body}>
        {p.preheader ? <div style={mailStyles.preheader}>{p.preheader}</div> : null}
        <table
          role="presentation"
          width="100%"
          cellpadding="0"
          cellspacing="0"
          border={0}
          style={mailStyles.outer}
        >
          <tr>
            <td align="center" style={mailStyles.outerCell}>
              <table
                role="presentation"
                width="560"
                cellpadding="0"
                cellspacing="0"
                border={0}
                style={mailStyles.card}
              >
                <tr>
                  <td style={mailStyles.header}>{p.ctx.schoolName}</td>
                </tr>
                <tr>
                  <td style={mailStyles.content}>{p.children}</td>
                </tr>
                <tr>
                  <td style={mailStyles.footer}>
                    {p.footer}
                    <p style={mailStyles.small}>
                      {controllerLines(translator(p.ctx.locale), p.ctx.controller).map((line, i) =>
                        i === 0 ? line : [<br />, line],
                      )}
                    </p>
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}

/**
 * One layout for every mail: the shared shell with inline styles (what mail clients render
 * reliably) and a plain-text part, always present, that says the same with links in full.
 */
export function renderSimpleMessage(ctx: MailContext, m: SimpleMessage): RenderedMail {
  const t = translator(ctx.locale);
  const subject = safeSubject(m.subject);
  const footer = m.footer ?? t('mail.footer.service');
  const html = (
    <MailShell
      ctx={ctx}
      subject={subject}
      preheader={m.paragraphs[0]}
      footer={
        <>
          {m.action ? (
            <p style={mailStyles.small}>
              {t('mail.linkFallback')}
              <br />
              <a href={m.action.url} style={`${mailStyles.link}word-break:break-all;`}>
                {m.action.url}
              </a>
            </p>
          ) : null}
          {m.notMeUrl ? (
            <p style={mailStyles.small}>
              {t('mail.notMe.lead')}{' '}
              <a href={m.notMeUrl} style={mailStyles.link}>
                {t('mail.notMe.link')}
              </a>
            </p>
          ) : null}
          <p style={mailStyles.small}>{footer}</p>
        </>
      }
    >
      {m.greeting ? <p style={mailStyles.p}>{m.greeting}</p> : null}
      {m.paragraphs.map((p) => (
        <p style={mailStyles.p}>{p}</p>
      ))}
      {m.action ? <MailButton url={m.action.url} label={m.action.label} /> : null}
    </MailShell>
  );
  const text = [
    ctx.schoolName,
    '',
    ...(m.greeting ? [m.greeting, ''] : []),
    ...m.paragraphs.flatMap((p) => [p, '']),
    ...(m.action ? [`${m.action.label}: ${m.action.url}`, ''] : []),
    ...(m.notMeUrl ? [`${t('mail.notMe.lead')} ${t('mail.notMe.link')}: ${m.notMeUrl}`, ''] : []),
    footer,
    '',
    ...controllerLines(t, ctx.controller),
  ].join('\n');
  return { subject, html: mailDocument(html), text };
}
