import { Writable } from 'node:stream';
import type { Bench } from '../lib/context';
import { email, ourEnv, password } from '../lib/servers';
import { plain } from '../lib/table';
import { parseConfig } from '../../src/config';
import { createApp, pipelineSteps, type PipelineStep } from '../../src/app';
import { createNodeDeps } from '../../src/deps.node.ts';
import { createNodeLogger } from '../../src/platform/logger.node.ts';

type App = ReturnType<typeof createApp>;

/** CPU of this process per request: `count` requests by 50 concurrent callers of `app.fetch`. */
async function cpuPerRequest(app: App, path: string, cookie: string, count: number) {
  let left = count;
  const caller = async () => {
    while (left-- > 0) {
      const res = await app.fetch(new Request(`http://localhost${path}`, { headers: { cookie } }));
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      await res.arrayBuffer();
    }
  };
  const before = process.cpuUsage();
  await Promise.all(Array.from({ length: 50 }, caller));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * What each step of the request pipeline (src/app.ts) costs GET /api/v1/me, one by one: the
 * app is built in this process without that step, and the CPU per request is compared with
 * the whole pipeline's, interleaved round by round. No sockets but the database's, so the
 * figures are the app's own work (HTTP parsing and the load generator are not in them).
 * `deps` and `session` cannot be left out (/me needs both).
 */
export async function measurePipeline(b: Bench, databaseUrl: string) {
  console.error('measuring the request pipeline step by step …');
  const config = parseConfig(ourEnv(databaseUrl));
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  // The server's logger writes buffered to stdout; a sink of the same JSON lines stands in.
  const log = await createNodeLogger({ destination: sink, format: 'json' });
  const { deps, handle } = await createNodeDeps(config, log, () => {}, { metrics: false });
  try {
    const optional = pipelineSteps.filter((s) => s !== 'deps' && s !== 'session');
    const variants: { name: string; omit: PipelineStep[] }[] = [
      { name: 'whole pipeline', omit: [] },
      ...optional.map((s) => ({ name: s, omit: [s] })),
      { name: 'none but deps and session', omit: optional },
    ];
    const apps = variants.map((v) => createApp(deps, { omitSteps: v.omit }));
    const res = await apps[0]!.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, tokenInBody: true }),
    });
    const { token } = (await res.json()) as { token: string };
    const cookie = `session=${token}`;
    const count = b.quick ? 2000 : 6000;
    const samples = variants.map(() => [] as number[]);
    for (const app of apps) await cpuPerRequest(app, '/api/v1/me', cookie, 1000); // warm-up
    for (let round = 0; round < b.runs; round++)
      for (const [i, app] of apps.entries())
        samples[i]!.push(await cpuPerRequest(app, '/api/v1/me', cookie, count));
    const whole = median(samples[0]!);
    for (const [i, v] of variants.entries()) {
      const us = median(samples[i]!);
      b.rows.push(
        i === 0
          ? plain(
              'pipeline: GET /api/v1/me in process, whole pipeline',
              `${us.toFixed(0)} µs CPU/request`,
            )
          : plain(
              `pipeline: ${v.omit.length > 1 ? v.name : `without ${v.name}`}`,
              `${us.toFixed(0)} µs (step: ${(whole - us).toFixed(0)} µs)`,
            ),
      );
    }
  } finally {
    await handle.close();
  }
}
