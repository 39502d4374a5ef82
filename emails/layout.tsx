import type { Locale } from '../src/i18n';
import { translator } from '../src/i18n';

export type MailContext = { locale: Locale; appUrl: string; schoolName: string };
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

/** CR/LF in a subject would start a new header; collapse all control characters. */
export const safeSubject = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200);

const styles = {
  body: 'margin:0;padding:0;background:#f4f5f7;',
  outer: 'width:100%;background:#f4f5f7;padding:24px 0;',
  card: 'max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px;font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328;font-size:16px;line-height:1.5;',
  brand: 'font-size:14px;font-weight:600;color:#4b5563;margin:0 0 24px;',
  p: 'margin:0 0 16px;',
  button: 'display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600;',
  small: 'font-size:13px;color:#4b5563;margin:24px 0 0;',
};

/**
 * One layout for every mail: a single-column table with inline styles (what mail clients
 * render reliably) and a plain-text part that says the same, links in full.
 */
export function renderSimpleMessage(ctx: MailContext, m: SimpleMessage): RenderedMail {
  const t = translator(ctx.locale);
  const html = (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>{safeSubject(m.subject)}</title>
      </head>
      <body style={styles.body}>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style={styles.outer}>
          <tr>
            <td>
              <div style={styles.card}>
                <p style={styles.brand}>{ctx.schoolName}</p>
                {m.greeting ? <p style={styles.p}>{m.greeting}</p> : null}
                {m.paragraphs.map((p) => (
                  <p style={styles.p}>{p}</p>
                ))}
                {m.action ? (
                  <p style={styles.p}>
                    <a href={m.action.url} style={styles.button}>
                      {m.action.label}
                    </a>
                  </p>
                ) : null}
                {m.action ? (
                  <p style={styles.small}>
                    {t('mail.linkFallback')} <br />
                    <a href={m.action.url}>{m.action.url}</a>
                  </p>
                ) : null}
                {m.notMeUrl ? (
                  <p style={styles.small}>
                    {t('mail.notMe.lead')} <a href={m.notMeUrl}>{t('mail.notMe.link')}</a>
                  </p>
                ) : null}
                <p style={styles.small}>{m.footer ?? t('mail.footer.service')}</p>
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
    ...(m.greeting ? [m.greeting, ''] : []),
    ...m.paragraphs.flatMap((p) => [p, '']),
    ...(m.action ? [`${m.action.label}: ${m.action.url}`, ''] : []),
    ...(m.notMeUrl ? [`${t('mail.notMe.lead')} ${t('mail.notMe.link')}: ${m.notMeUrl}`, ''] : []),
    m.footer ?? t('mail.footer.service'),
  ].join('\n');
  return { subject: safeSubject(m.subject), html: '<!doctype html>' + html.toString(), text };
}
