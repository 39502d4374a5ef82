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
  attachments?: {
    filename: string;
    content: string;
    content_type?: string;
    contentType?: string;
  }[];
  /** The Idempotency-Key of the request that carried it: the row id, or the batch's key. */
  idempotencyKey?: string;
  /** Came through POST /emails/batch. */
  batch?: true;
};

/** What became of one request: tests count these, since a replay delivers nothing new. */
export type RequestRecord = {
  method: string;
  url: string;
  idempotencyKey?: string;
  /** POST /emails/batch: how many messages the request carried. */
  batchSize?: number;
  outcome:
    'delivered' | 'replayed' | 'conflict' | 'status' | 'hang' | 'reset' | 'dropped' | 'other';
};

type Behaviour =
  | { kind: 'status'; status: number; name?: string }
  | { kind: 'hang'; ms: number }
  | { kind: 'reset' }
  | { kind: 'drop' };

/**
 * A local stand-in for the Resend HTTP API: real HTTP, so the real SDK is exercised.
 * Honours Idempotency-Key like Resend (a repeated key returns the first answer and
 * delivers nothing new; the same key with another payload is a 409), on single sends and
 * batches alike, and can be told to fail the next requests in several ways. Batches are
 * validated strictly, as Resend does by default: more than 100 messages, an attachment, or a
 * rejected recipient refuses the whole batch with a 422.
 */
export async function startFakeResend() {
  const emails: ReceivedEmail[] = [];
  const log: RequestRecord[] = [];
  const byKey = new Map<string, { id: string; payload: string }>();
  const batchByKey = new Map<string, { ids: { id: string }[]; payload: string }>();
  /** Addresses the API refuses as invalid (422 validation_error). */
  const rejected = new Set<string>();
  const queue: Behaviour[] = [];
  let latencyMs = 0;
  let seq = 0;

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const key = req.headers['idempotency-key'] as string | undefined;
    const record: RequestRecord = {
      method: req.method!,
      url: req.url!,
      idempotencyKey: key,
      outcome: 'other',
    };
    log.push(record);
    if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
    const behaviour = queue.shift();
    if (behaviour?.kind === 'reset') {
      record.outcome = 'reset';
      return req.socket.destroy();
    }
    if (behaviour?.kind === 'hang') {
      record.outcome = 'hang';
      await new Promise((r) => setTimeout(r, behaviour.ms));
      if (!res.writableEnded) res.socket?.destroy();
      return;
    }
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const fail = (status: number, name: string) =>
      send(status, { name, message: 'fake failure', statusCode: status });
    if (behaviour?.kind === 'status') {
      record.outcome = 'status';
      const name =
        behaviour.name ?? (behaviour.status >= 500 ? 'internal_server_error' : 'validation_error');
      return fail(behaviour.status, name);
    }
    if (req.headers.authorization !== 'Bearer re_test_key') return fail(401, 'missing_api_key');
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = JSON.parse(raw || 'null');
    if (req.method === 'POST' && req.url === '/emails') {
      if ([body.to].flat().some((to: string) => rejected.has(to))) {
        record.outcome = 'status';
        return fail(422, 'validation_error');
      }
      const earlier = key ? byKey.get(key) : undefined;
      if (earlier && earlier.payload !== raw) {
        record.outcome = 'conflict';
        return fail(409, 'invalid_idempotent_request');
      }
      if (earlier) {
        record.outcome = 'replayed';
        return send(200, { id: earlier.id });
      }
      const id = `fake-${++seq}`;
      if (key) byKey.set(key, { id, payload: raw });
      emails.push({ id, ...body, to: [body.to].flat(), idempotencyKey: key });
      if (behaviour?.kind === 'drop') {
        // Accepted and delivered, but the answer never reaches the client.
        record.outcome = 'dropped';
        return req.socket.destroy();
      }
      record.outcome = 'delivered';
      return send(200, { id });
    }
    if (req.method === 'POST' && req.url === '/emails/batch') {
      const batch = body as ReceivedEmail[];
      record.batchSize = batch.length;
      const earlier = key ? batchByKey.get(key) : undefined;
      if (earlier && earlier.payload !== raw) {
        record.outcome = 'conflict';
        return fail(409, 'invalid_idempotent_request');
      }
      if (earlier) {
        record.outcome = 'replayed';
        return send(200, { data: earlier.ids });
      }
      const invalid =
        batch.length === 0 ||
        batch.length > 100 ||
        batch.some((e) => e.attachments?.length || [e.to].flat().some((to) => rejected.has(to)));
      if (invalid) {
        record.outcome = 'status';
        return fail(422, 'validation_error');
      }
      const ids = batch.map((e) => {
        const id = `fake-${++seq}`;
        emails.push({ ...e, id, to: [e.to].flat(), idempotencyKey: key, batch: true });
        return { id };
      });
      if (key) batchByKey.set(key, { ids, payload: raw });
      if (behaviour?.kind === 'drop') {
        record.outcome = 'dropped';
        return req.socket.destroy();
      }
      record.outcome = 'delivered';
      return send(200, { data: ids });
    }
    fail(404, 'not_found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    apiKey: 're_test_key',
    emails,
    /** Every request, failed ones included, in arrival order. */
    log,
    get requests() {
      return log.length;
    },
    /** The next `times` requests answer with this HTTP status (and Resend error name). */
    failNext(status: number, times = 1, name?: string) {
      for (let i = 0; i < times; i++) queue.push({ kind: 'status', status, name });
    },
    /** The next request hangs for `ms` and then the connection drops. */
    hangNext(ms: number) {
      queue.push({ kind: 'hang', ms });
    },
    /** The next request has its connection reset. */
    resetNext() {
      queue.push({ kind: 'reset' });
    },
    /** Refuse mail to this address as invalid: a 422, and strict validation refuses a batch with it. */
    rejectRecipient(address: string) {
      rejected.add(address);
    },
    /** Requests to POST /emails/batch, in arrival order. */
    get batches() {
      return log.filter((r) => r.url === '/emails/batch');
    },
    /** The next email (or batch) is delivered, then the connection drops before the answer. */
    dropAfterAcceptNext() {
      queue.push({ kind: 'drop' });
    },
    /** Every request waits this long before it is answered (makes senders overlap). */
    setLatency(ms: number) {
      latencyMs = ms;
    },
    /** Forgets every mail, request and queued behaviour, as if freshly started. */
    reset() {
      emails.length = 0;
      log.length = 0;
      queue.length = 0;
      byKey.clear();
      batchByKey.clear();
      rejected.clear();
      latencyMs = 0;
    },
    to(address: string) {
      return emails.filter((e) => e.to.includes(address));
    },
    /** The newest mail to `address`, and the first `?token=` link in it for `path`. */
    lastLink(address: string, path: string) {
      const mail = this.to(address).at(-1);
      const match = mail?.text?.match(
        new RegExp(`https?://[^\\s]+${path.replace(/\//g, '\\/')}\\?token=([a-z2-7]+)`),
      );
      return match ? { url: match[0], token: match[1]! } : null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A hanging request would otherwise hold close() open until it gives up.
        server.closeAllConnections();
      }),
  };
}
export type FakeResend = Awaited<ReturnType<typeof startFakeResend>>;
