/**
 * `CONN=8 tsx bench/tools/sign-in-cpu.ts`: POST /api/v1/auth/login on the built server
 * for 10 s with CONN connections, and the CPU per sign-in of the server process (all its
 * threads, the hashes included) and of every PostgreSQL process, from /proc.
 */
import { createBenchDatabase } from '../lib/db';
import { runLoad } from '../lib/load';
import { cpuSeconds, postgresCpuSeconds } from '../lib/proc';
import { email, ourEnv, password, seedOurs, startOurs } from '../lib/servers';
const db = await createBenchDatabase(process.env.DATABASE_URL!, `bench_cpu_${process.pid}`, true);
const server = await startOurs(ourEnv(db.url));
try {
  await seedOurs(db.url);
  const server0 = cpuSeconds(server.child.pid!);
  const postgres0 = postgresCpuSeconds();
  const r = await runLoad(`${server.url}/api/v1/auth/login`, {
    seconds: 10,
    connections: Number(process.env.CONN ?? 8),
    method: 'POST',
    body: JSON.stringify({ email, password }),
    headers: { 'content-type': 'application/json' },
  });
  const perSignIn = (seconds: number) => ((1000 * seconds) / (r.rps * 10)).toFixed(2);
  console.log(
    `${r.rps.toFixed(1)} sign-ins/s (${r.non2xx} not 2xx); CPU per sign-in:`,
    `server ${perSignIn(cpuSeconds(server.child.pid!) - server0)} ms,`,
    `PostgreSQL ${perSignIn(postgresCpuSeconds() - postgres0)} ms`,
  );
} finally {
  await server.stop();
  await db.drop();
}
