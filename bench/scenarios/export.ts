import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import type { Bench } from '../lib/context';
import type { Server } from '../lib/proc';
import { signInOurs } from '../lib/servers';
import { plain } from '../lib/table';

type Sql = ReturnType<typeof postgres>;

/** Resident memory of a process (Linux), in MiB. */
function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

const median = <T>(xs: T[], by: (x: T) => number) =>
  [...xs].sort((a, b) => by(a) - by(b))[Math.floor(xs.length / 2)]!;

async function seedEvents(sqlc: Sql, userId: string) {
  await sqlc`insert into audit_events (user_id, action, ip, user_agent, details, at)
    select ${userId}, 'profile.updated', '203.0.113.' || (i % 250), 'Mozilla/5.0 (X11; Linux x86_64) bench',
      jsonb_build_object('fields', jsonb_build_array('name', 'phone')), now() - make_interval(mins => i)
    from generate_series(1, 10000) as i`;
}

/** How long reading the person's events takes in one query: the export's baseline. */
async function timeRead(sqlc: Sql, userId: string) {
  const t0 = performance.now();
  const events = await sqlc`select * from audit_events where user_id = ${userId} order by at, id`;
  const ms = performance.now() - t0;
  if (events.length < 10_000) throw new Error(`seeded ${events.length} events`);
  return ms;
}

/** One GET /api/v1/me/export (the whole zip read), with the server's RSS sampled meanwhile. */
async function timeExport(server: Server, token: string) {
  const pid = server.child.pid!;
  const before = rssMiB(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 5);
  const t0 = performance.now();
  const res = await fetch(`${server.url}/api/v1/me/export`, {
    headers: { cookie: `session=${token}` },
  });
  const body = new Uint8Array(await res.arrayBuffer());
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, rssMiB(pid));
  if (!res.ok || body[0] !== 0x50 || body[1] !== 0x4b)
    throw new Error(`export failed: ${res.status}`);
  return { ms, bytes: body.length, growth: peak - before };
}

/**
 * Seeds 10,000 activity events for the bench person, then times the export while sampling
 * the server's RSS, next to reading the same rows in one query.
 */
export async function measureExport(b: Bench, dbUrl: string, server: Server, userId: string) {
  console.error('measuring the export of a person with 10,000 events …');
  const sqlc = postgres(dbUrl, { max: 1, onnotice: () => {} });
  await seedEvents(sqlc, userId);
  const token = await signInOurs(server.url); // a fresh sign-in: export needs a recent one
  const reads: number[] = [];
  const exports: { ms: number; bytes: number; growth: number }[] = [];
  // The server's first export also loads the export's code and grows the young heap to what
  // any busy process keeps (60 MiB of the first run on 2026-12-06, 30 MiB on later runs): it
  // is reported apart, and the target is what each export holds once the process is warm.
  const first = await timeExport(server, token);
  for (let i = 0; i < b.runs; i++) {
    reads.push(await timeRead(sqlc, userId));
    exports.push(await timeExport(server, token));
  }
  await sqlc.end();
  const ex = median(exports, (e) => e.ms);
  const readMs = median(reads, (x) => x);
  const rssGrowthMiB = Math.max(...exports.map((e) => e.growth));
  b.rows.push(
    {
      scenario: 'export, 10,000 events (zip) vs reading them',
      result: `${ex.ms.toFixed(0)} ms, ${(ex.bytes / 1024).toFixed(0)} KiB`,
      baseline: `${readMs.toFixed(0)} ms`,
      ratio: ex.ms / readMs,
      target: '< 1000 ms',
      floor: null,
    },
    plain(
      'export, peak RSS growth',
      `${rssGrowthMiB.toFixed(1)} MiB (runs: ${exports.map((e) => e.growth.toFixed(0)).join(', ')}; the process's first export: ${first.growth.toFixed(0)})`,
      '< 50 MiB',
    ),
  );
  b.ceilings.push(
    { scenario: 'export time', value: ex.ms, limit: 10_000 },
    { scenario: 'export RSS growth MiB', value: rssGrowthMiB, limit: 200 },
  );
}
