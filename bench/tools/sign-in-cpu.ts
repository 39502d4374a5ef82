/**
 * `CONN=8 tsx bench/tools/sign-in-cpu.ts`: POST /api/v1/auth/login on the built server
 * for 10 s with CONN connections, and the CPU per sign-in of the server process (all its
 * threads, the hashes included) and of every PostgreSQL process, from /proc.
 * server's HASH_CONCURRENCY when that setting exists (an experiment; unset otherwise).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createBenchDatabase } from '../lib/db';
import { runLoad } from '../lib/load';
import { email, ourEnv, password, seedOurs, startOurs } from '../lib/servers';
const ticks = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};
const pgPids = () =>
  readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/comm`, 'utf8').startsWith('postgres');
      } catch {
        return false;
      }
    })
    .map(Number);
const pgCpu = () =>
  pgPids().reduce((s, p) => {
    try {
      return s + ticks(p);
    } catch {
      return s;
    }
  }, 0);
const db = await createBenchDatabase(process.env.DATABASE_URL!, `bench_cpu_${process.pid}`, true);
const server = await startOurs({ ...ourEnv(db.url) });
try {
  await seedOurs(db.url);
  const body = JSON.stringify({ email, password });
  for (const path of ['/api/v1/auth/login']) {
    const s0 = ticks(server.child.pid!);
    const p0 = pgCpu();
    const r = await runLoad(server.url + path, {
      seconds: 10,
      connections: Number(process.env.CONN ?? 8),
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    const n = r.rps * 10;
    const s = ticks(server.child.pid!) - s0,
      p = pgCpu() - p0;
    console.log(
      path,
      r.rps.toFixed(1),
      'req/s; per request ms: server',
      ((1000 * s) / n).toFixed(2),
      'postgres',
      ((1000 * p) / n).toFixed(2),
      'non2xx',
      r.non2xx,
    );
  }
} finally {
  await server.stop();
  await db.drop();
}
