import type { Bench } from '../lib/context';
import { runLoad, type LoadOptions, type LoadResult } from '../lib/load';
import { cpuSeconds, type Server } from '../lib/proc';
import { email, password, startOurs } from '../lib/servers';
import { plain } from '../lib/table';
import { signInConnections } from './sign-in';

/** The same load spread over the instances (connections split evenly); throughputs add up. */
async function spread(servers: Server[], path: string, o: LoadOptions) {
  const per = Math.max(1, Math.round((o.connections ?? 50) / servers.length));
  const cpu0 = servers.map((s) => cpuSeconds(s.child.pid!));
  const results = await Promise.all(
    servers.map((s) => runLoad(s.url + path, { ...o, connections: per })),
  );
  const cpu = servers.reduce((sum, s, i) => sum + cpuSeconds(s.child.pid!) - cpu0[i]!, 0);
  const total: LoadResult = {
    rps: results.reduce((sum, r) => sum + r.rps, 0),
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
  };
  return { ...total, cpuMsPerRequest: (cpu * 1000) / (total.rps * o.seconds) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * One and then two instances of ours on one PostgreSQL database, sharing sessions (one token
 * serves both) and limits (the counters are rows): /me and sign-in throughput for each, and
 * the CPU time our process spends per request (the rest of the machine's time goes to
 * PostgreSQL and the load generator, all on the same cores here).
 */
export async function measureScaleOut(
  b: Bench,
  first: Server,
  env: Record<string, string>,
  token: string,
) {
  console.error(`measuring one and two instances (${b.runs} rounds) …`);
  const second = await startOurs(env);
  const me: LoadOptions = { seconds: b.seconds, headers: { cookie: `session=${token}` } };
  const signIn: LoadOptions = {
    seconds: b.seconds,
    method: 'POST',
    body: JSON.stringify({ email, password }),
    headers: { 'content-type': 'application/json' },
    connections: signInConnections,
  };
  const figures = { me1: [], me2: [], in1: [], in2: [], meCpu: [], inCpu: [] } as Record<
    string,
    number[]
  >;
  try {
    for (let i = 0; i < b.runs; i++) {
      const me1 = await spread([first], '/api/v1/me', me);
      const me2 = await spread([first, second], '/api/v1/me', me);
      const in1 = await spread([first], '/api/v1/auth/login', signIn);
      const in2 = await spread([first, second], '/api/v1/auth/login', signIn);
      for (const r of [me1, me2, in1, in2])
        if (r.errors || r.non2xx)
          throw new Error(`scale-out: ${r.errors} errors, ${r.non2xx} non-2xx`);
      figures.me1!.push(me1.rps);
      figures.me2!.push(me2.rps);
      figures.in1!.push(in1.rps);
      figures.in2!.push(in2.rps);
      figures.meCpu!.push(me1.cpuMsPerRequest);
      figures.inCpu!.push(in1.cpuMsPerRequest);
    }
  } finally {
    await second.stop();
  }
  scaleOutRows(b, figures);
}

/** The rounds' medians as report rows. */
function scaleOutRows(b: Bench, figures: Record<string, number[]>) {
  const m = (k: string) => median(figures[k]!);
  b.rows.push(
    plain(
      'scale-out: GET /api/v1/me, 1 → 2 instances',
      `${m('me1').toFixed(0)} → ${m('me2').toFixed(0)} req/s`,
      'reported',
    ),
    plain(
      'scale-out: sign-in, 1 → 2 instances',
      `${m('in1').toFixed(1)} → ${m('in2').toFixed(1)} /s`,
      'reported',
    ),
    plain(
      'CPU of our process per GET /api/v1/me',
      `${(m('meCpu') * 1000).toFixed(0)} µs`,
      'reported',
    ),
    plain(
      'CPU of our process per sign-in (hash included)',
      `${m('inCpu').toFixed(1)} ms`,
      'reported',
    ),
  );
}
