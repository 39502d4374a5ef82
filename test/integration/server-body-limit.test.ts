import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServedApp, type ServedApp } from '../helpers/browser';

/**
 * SECURITY.md: "a body over the limit always gets its 413 answer, never a reset". The app
 * answers 413 from Content-Length without reading the body; what the client then sees is up
 * to the Node server (src/platform/http-server.node.ts), so this goes through real sockets,
 * with Node's fetch as the client.
 */
describe('a body over the limit, through the Node server', () => {
  let served: ServedApp;
  beforeAll(async () => {
    served = await startServedApp();
  });
  afterAll(() => served?.close());

  /** What became of one upload: its status, type and problem, or how the connection failed. */
  async function upload(body: BodyInit, init: RequestInit = {}) {
    try {
      const res = await fetch(`${served.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        ...init,
      });
      const problem = (await res.json()) as { type: string; status: number };
      return `${res.status} ${res.headers.get('content-type')} ${problem.type.replace(/^.*\/problems\//, '')}`;
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      return `failed: ${(err as Error).message} (${cause?.code ?? ''} ${cause?.message ?? ''})`;
    }
  }
  const refused = '413 application/problem+json too-large';

  it('answers 20 uploads of 3 MB in a row with 413 problem+json, never a closed connection', async () => {
    const body = new Uint8Array(3 * 1024 * 1024).fill(0x20);
    const answers: string[] = [];
    for (let i = 0; i < 20; i++) answers.push(await upload(body));
    expect(answers).toEqual(Array(20).fill(refused));
  });

  it('also when the body comes without a length, and when it is far beyond what is read', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x20);
    const stream = (chunks: number) =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (chunks-- > 0) controller.enqueue(chunk);
          else controller.close();
        },
      });
    const answers: string[] = [];
    for (let i = 0; i < 5; i++)
      answers.push(await upload(stream(12), { duplex: 'half' } as RequestInit));
    answers.push(await upload(new Uint8Array(40 * 1024 * 1024).fill(0x20)));
    expect(answers).toEqual(Array(6).fill(refused));
  });
});
