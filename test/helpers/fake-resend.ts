import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: string; content_type?: string; contentType?: string }[];
  idempotencyKey?: string;
};

type Behaviour = { kind: 'status'; status: number } | { kind: 'hang'; ms: number } | { kind: 'reset' };

/**
 * A local stand-in for the Resend HTTP API: real HTTP, so the real SDK is exercised.
 * Honours Idempotency-Key like Resend (a repeated key returns the first answer and
 * delivers nothing new), and can be told to fail the next requests in several ways.
 */
export async function startFakeResend() {
  const emails: ReceivedEmail[] = [];
  const byKey = new Map<string, string>();
  const queue: Behaviour[] = [];
  let requests = 0;
  let seq = 0;

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const behaviour = queue.shift();
    if (behaviour?.kind === 'reset') return req.socket.destroy();
    if (behaviour?.kind === 'hang') {
      await new Promise((r) => setTimeout(r, behaviour.ms));
      if (!res.writableEnded) res.socket?.destroy();
      return;
    }
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (behaviour?.kind === 'status') {
      return send(behaviour.status, { name: behaviour.status >= 500 ? 'internal_server_error' : 'validation_error', message: 'fake failure', statusCode: behaviour.status });
    }
    if (req.headers.authorization !== 'Bearer re_test_key') return send(401, { name: 'missing_api_key', message: 'bad key', statusCode: 401 });
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
    const key = req.headers['idempotency-key'] as string | undefined;
    if (req.method === 'POST' && req.url === '/emails') {
      if (key && byKey.has(key)) return send(200, { id: byKey.get(key) });
      const id = `fake-${++seq}`;
      if (key) byKey.set(key, id);
      emails.push({ id, ...body, to: [body.to].flat(), idempotencyKey: key });
      return send(200, { id });
    }
    if (req.method === 'POST' && req.url === '/emails/batch') {
      const ids = (body as ReceivedEmail[]).map((e) => {
        const id = `fake-${++seq}`;
        emails.push({ ...e, id, to: [e.to].flat() });
        return { id };
      });
      return send(200, { data: ids });
    }
    send(404, { name: 'not_found', message: 'no such route', statusCode: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    apiKey: 're_test_key',
    emails,
    get requests() {
      return requests;
    },
    /** The next `times` requests answer with this HTTP status. */
    failNext(status: number, times = 1) {
      for (let i = 0; i < times; i++) queue.push({ kind: 'status', status });
    },
    /** The next request hangs for `ms` and then the connection drops. */
    hangNext(ms: number) {
      queue.push({ kind: 'hang', ms });
    },
    /** The next request has its connection reset. */
    resetNext() {
      queue.push({ kind: 'reset' });
    },
    to(address: string) {
      return emails.filter((e) => e.to.includes(address));
    },
    /** The newest mail to `address`, and the first `?token=` link in it for `path`. */
    lastLink(address: string, path: string) {
      const mail = this.to(address).at(-1);
      const match = mail?.text?.match(new RegExp(`https?://[^\\s]+${path.replace(/\//g, '\\/')}\\?token=([a-z2-7]+)`));
      return match ? { url: match[0], token: match[1]! } : null;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type FakeResend = Awaited<ReturnType<typeof startFakeResend>>;
