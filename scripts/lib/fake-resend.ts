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

/** A message as the SDK posts it: one address or several. */
type PostedEmail = Omit<ReceivedEmail, 'id' | 'to' | 'idempotencyKey' | 'batch'> & {
  to: string | string[];
};

/** One request being answered. */
type Exchange = {
  req: IncomingMessage;
  res: ServerResponse;
  record: RequestRecord;
  key: string | undefined;
  raw: string;
  /** Deliver, then drop the connection before the answer. */
  drop: boolean;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function fail(res: ServerResponse, status: number, name: string) {
  send(res, status, { name, message: 'fake failure', statusCode: status });
}

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A local stand-in for the Resend HTTP API: real HTTP, so the real SDK is exercised.
 * Honours Idempotency-Key like Resend (a repeated key returns the first answer and
 * delivers nothing new; the same key with another payload is a 409), on single sends and
 * batches alike, and can be told to fail the next requests in several ways. Batches are
 * validated strictly, as Resend does by default: more than 100 messages, an attachment, or a
 * rejected recipient refuses the whole batch with a 422.
 */
export class FakeResend {
  readonly apiKey = 're_test_key';
  url = '';
  readonly emails: ReceivedEmail[] = [];
  /** Every request, failed ones included, in arrival order. */
  readonly log: RequestRecord[] = [];
  private readonly byKey = new Map<string, { id: string; payload: string }>();
  private readonly batchByKey = new Map<string, { ids: { id: string }[]; payload: string }>();
  /** Addresses the API refuses as invalid (422 validation_error). */
  private readonly rejected = new Set<string>();
  private readonly queue: Behaviour[] = [];
  private latencyMs = 0;
  private seq = 0;
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));

  /** Listens on a free loopback port; `url` is set once this resolves. */
  async listen() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get requests() {
    return this.log.length;
  }

  /** The next `times` requests answer with this HTTP status (and Resend error name). */
  failNext(status: number, times = 1, name?: string) {
    for (let i = 0; i < times; i++) this.queue.push({ kind: 'status', status, name });
  }

  /** The next request hangs for `ms` and then the connection drops. */
  hangNext(ms: number) {
    this.queue.push({ kind: 'hang', ms });
  }

  /** The next request has its connection reset. */
  resetNext() {
    this.queue.push({ kind: 'reset' });
  }

  /** Refuse mail to this address as invalid: a 422, and strict validation refuses a batch with it. */
  rejectRecipient(address: string) {
    this.rejected.add(address);
  }

  /** Requests to POST /emails/batch, in arrival order. */
  get batches() {
    return this.log.filter((r) => r.url === '/emails/batch');
  }

  /** The next email (or batch) is delivered, then the connection drops before the answer. */
  dropAfterAcceptNext() {
    this.queue.push({ kind: 'drop' });
  }

  /** Every request waits this long before it is answered (makes senders overlap). */
  setLatency(ms: number) {
    this.latencyMs = ms;
  }

  /** Forgets every mail, request and queued behaviour, as if freshly started. */
  reset() {
    this.emails.length = 0;
    this.log.length = 0;
    this.queue.length = 0;
    this.byKey.clear();
    this.batchByKey.clear();
    this.rejected.clear();
    this.latencyMs = 0;
  }

  to(address: string) {
    return this.emails.filter((e) => e.to.includes(address));
  }

  /** The newest mail to `address`, and the first `?token=` link in it for `path`. */
  lastLink(address: string, path: string) {
    const mail = this.to(address).at(-1);
    const match = mail?.text?.match(
      new RegExp(`https?://[^\\s]+${path.replace(/\//g, '\\/')}\\?token=([a-z2-7]+)`),
    );
    return match ? { url: match[0], token: match[1]! } : null;
  }

  // A field, not a method: callers hand `close` around unbound.
  close = () =>
    new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // A hanging request would otherwise hold close() open until it gives up.
      this.server.closeAllConnections();
    });

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    const key = req.headers['idempotency-key'] as string | undefined;
    const record: RequestRecord = {
      method: req.method!,
      url: req.url!,
      idempotencyKey: key,
      outcome: 'other',
    };
    this.log.push(record);
    if (this.latencyMs) await sleep(this.latencyMs);
    const behaviour = this.queue.shift();
    if (await this.misbehave(behaviour, req, res, record)) return;
    if (req.headers.authorization !== `Bearer ${this.apiKey}`)
      return fail(res, 401, 'missing_api_key');
    const body = JSON.parse(raw || 'null') as unknown;
    const exchange: Exchange = { req, res, record, key, raw, drop: behaviour?.kind === 'drop' };
    if (req.method === 'POST' && req.url === '/emails')
      return this.single(exchange, body as PostedEmail);
    if (req.method === 'POST' && req.url === '/emails/batch')
      return this.batch(exchange, body as PostedEmail[]);
    fail(res, 404, 'not_found');
  }

  /** A queued failure, if any, in place of an answer; true when it answered (or hung up). */
  private async misbehave(
    behaviour: Behaviour | undefined,
    req: IncomingMessage,
    res: ServerResponse,
    record: RequestRecord,
  ) {
    if (behaviour?.kind === 'reset') {
      record.outcome = 'reset';
      req.socket.destroy();
      return true;
    }
    if (behaviour?.kind === 'hang') {
      record.outcome = 'hang';
      await sleep(behaviour.ms);
      if (!res.writableEnded) res.socket?.destroy();
      return true;
    }
    if (behaviour?.kind === 'status') {
      record.outcome = 'status';
      const name =
        behaviour.name ?? (behaviour.status >= 500 ? 'internal_server_error' : 'validation_error');
      fail(res, behaviour.status, name);
      return true;
    }
    return false;
  }

  private single(x: Exchange, body: PostedEmail) {
    if ([body.to].flat().some((to) => this.rejected.has(to))) {
      x.record.outcome = 'status';
      return fail(x.res, 422, 'validation_error');
    }
    const earlier = x.key ? this.byKey.get(x.key) : undefined;
    if (earlier && earlier.payload !== x.raw) {
      x.record.outcome = 'conflict';
      return fail(x.res, 409, 'invalid_idempotent_request');
    }
    if (earlier) {
      x.record.outcome = 'replayed';
      return send(x.res, 200, { id: earlier.id });
    }
    const id = `fake-${++this.seq}`;
    if (x.key) this.byKey.set(x.key, { id, payload: x.raw });
    this.emails.push({ id, ...body, to: [body.to].flat(), idempotencyKey: x.key });
    this.answerDelivered(x, { id });
  }

  private batch(x: Exchange, batch: PostedEmail[]) {
    x.record.batchSize = batch.length;
    const earlier = x.key ? this.batchByKey.get(x.key) : undefined;
    if (earlier && earlier.payload !== x.raw) {
      x.record.outcome = 'conflict';
      return fail(x.res, 409, 'invalid_idempotent_request');
    }
    if (earlier) {
      x.record.outcome = 'replayed';
      return send(x.res, 200, { data: earlier.ids });
    }
    const invalid =
      batch.length === 0 ||
      batch.length > 100 ||
      batch.some((e) => e.attachments?.length || [e.to].flat().some((to) => this.rejected.has(to)));
    if (invalid) {
      x.record.outcome = 'status';
      return fail(x.res, 422, 'validation_error');
    }
    const ids = batch.map((e) => {
      const id = `fake-${++this.seq}`;
      this.emails.push({ ...e, id, to: [e.to].flat(), idempotencyKey: x.key, batch: true });
      return { id };
    });
    if (x.key) this.batchByKey.set(x.key, { ids, payload: x.raw });
    this.answerDelivered(x, { data: ids });
  }

  private answerDelivered(x: Exchange, body: unknown) {
    if (x.drop) {
      // Accepted and delivered, but the answer never reaches the client.
      x.record.outcome = 'dropped';
      x.req.socket.destroy();
      return;
    }
    x.record.outcome = 'delivered';
    send(x.res, 200, body);
  }
}

/** A fake Resend API listening on a free loopback port. */
export function startFakeResend(): Promise<FakeResend> {
  return new FakeResend().listen();
}
