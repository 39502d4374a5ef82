import { Hono } from 'hono';
import { desc, eq } from 'drizzle-orm';
import { emailOutbox } from '../../db/schema';
import type { AppEnv } from '../http/env';
import type { Locale } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { renderPage } from '../views/layout';

type MailSummary = {
  id: string;
  to: string;
  subject: string;
  status: string;
  createdAt: Date;
};

function MailboxList({ rows, locale }: { rows: MailSummary[]; locale: Locale }) {
  return (
    <article class="prose wide">
      <h1>Dev mailbox</h1>
      <p>Mail is not sent anywhere while RESEND_API_KEY is unset. The newest 100 messages:</p>
      {rows.length === 0 ? <p>No mail yet.</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{formatDateTime(r.createdAt, locale)}</td>
              <td>{r.to}</td>
              <td>
                <a href={`/dev/mailbox/${r.id}`}>{r.subject}</a>
              </td>
              <td>{r.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

function MailView({ row }: { row: typeof emailOutbox.$inferSelect }) {
  const links = [...(row.text ?? '').matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => m[0]);
  return (
    <article class="prose wide">
      <p>
        <a href="/dev/mailbox">← Dev mailbox</a>
      </p>
      <h1>{row.subject}</h1>
      <p class="meta">
        To {row.toAddress} · {row.template} · {row.locale} · {row.status}
      </p>
      {row.headers ? (
        <pre>
          {Object.entries(row.headers)
            .map(([k, v]) => `${k}: ${v}`)
            .join('\n')}
        </pre>
      ) : null}
      {links.length ? (
        <ul>
          {links.map((l) => (
            <li>
              <a href={l}>{l}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <pre class="mail-text">{row.text ?? '(body removed)'}</pre>
      {(row.attachments ?? []).map((a) => (
        <p>
          Attachment: <code>{a.filename}</code> ({a.contentType})
        </p>
      ))}
    </article>
  );
}

/**
 * The development mailbox: every queued mail, newest first, read from the outbox itself so
 * it shows the same thing on every instance. Mounted only outside production.
 */
export function devRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/mailbox', async (c) => {
    const { db } = c.get('deps');
    const rows = await db
      .select({
        id: emailOutbox.id,
        to: emailOutbox.toAddress,
        subject: emailOutbox.subject,
        status: emailOutbox.status,
        createdAt: emailOutbox.createdAt,
        template: emailOutbox.template,
      })
      .from(emailOutbox)
      .orderBy(desc(emailOutbox.createdAt))
      .limit(100);
    return renderPage(
      c,
      { title: 'Dev mailbox' },
      <MailboxList rows={rows} locale={c.get('locale')} />,
    );
  });
  app.get('/mailbox/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/.test(id)) return c.notFound();
    const [row] = await c.get('deps').db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    if (!row) return c.notFound();
    return renderPage(c, { title: row.subject }, <MailView row={row} />);
  });
  return app;
}
