import type { Target } from './target';

export type Sample = { op: string; ms: number; ok: boolean; status: number };

export type CallOptions = {
  body?: unknown;
  token?: string;
  cookie?: string;
  ip?: string;
  /** The statuses that count as success; any other is an unexpected failure. */
  expect: number[];
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Every request the soak makes, timed, and the ones that went unexpectedly. */
export class Traffic {
  readonly samples: Sample[] = [];
  readonly failures: string[] = [];

  constructor(private readonly target: Target) {}

  /**
   * One request, recorded under `op`. The answer's JSON is whatever shape the caller names:
   * a wrong guess fails loudly where it is used, and counts as that operation throwing.
   */
  async call<T = unknown>(op: string, method: string, path: string, options: CallOptions) {
    const started = performance.now();
    const { status, text } = await this.send(method, path, options);
    const ms = performance.now() - started;
    const ok = options.expect.includes(status);
    this.samples.push({ op, ms, ok, status });
    if (!ok)
      this.failures.push(
        `${op}: ${method} ${path.replace(/token=[^&]+/, 'token=…')} → ${status} ${text.slice(0, 200)}`,
      );
    return { status, ok, json: parseJson(text) as T | null };
  }

  /** The status (0 when no answer came) and the first 2,000 bytes of the body, or the error. */
  private async send(method: string, path: string, options: CallOptions) {
    let status = 0;
    try {
      const res = await fetch(this.target.url + path, {
        method,
        headers: {
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(method !== 'GET' ? { origin: new URL(this.target.url).origin } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.cookie ? { cookie: `session=${options.cookie}` } : {}),
          ...(options.ip ? { 'x-forwarded-for': options.ip } : {}),
        },
        body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
      status = res.status;
      return { status, text: Buffer.from(await res.arrayBuffer()).toString('utf8', 0, 2000) };
    } catch (err) {
      // A body cut off after the status line still reports that status.
      return { status, text: String((err as Error).cause ?? err) };
    }
  }
}
