/**
 * `tsx bench/tools/ab.ts <server-a.js> <server-b.js> me|page|login [rounds] [seconds]`: two
 * builds of the server (say `/tmp/before/dist/node/server.js` from a worktree of the old
 * commit, and `dist/node/server.js`) on one fresh PostgreSQL database, loaded in turn, A then
 * B, round after round, so drifting machine load falls on both alike. Prints each round and
 * the medians. A change is worth keeping when B wins in most rounds, not by one median.
 */
import { createBenchDatabase } from '../lib/db';
import { runLoad, type LoadResult } from '../lib/load';
import { startServer } from '../lib/proc';
import { email, ourEnv, password, seedOurs, signInOurs } from '../lib/servers';

const [a, b, what = 'me', roundsArg = '5', secondsArg = '10'] = process.argv.slice(2);
if (!a || !b) {
  console.error(
    'usage: tsx bench/tools/ab.ts <server-a.js> <server-b.js> me|page|login [rounds] [seconds]',
  );
  process.exit(2);
}
const rounds = Number(roundsArg);
const seconds = Number(secondsArg);
const db = await createBenchDatabase(process.env.DATABASE_URL!, `bench_ab_${process.pid}`, true);
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

try {
  await seedOurs(db.url);
  const servers = [
    await startServer([a], ourEnv(db.url), '/readyz'),
    await startServer([b], ourEnv(db.url), '/readyz'),
  ];
  const token = await signInOurs(servers[0]!.url);
  const load = (url: string): Promise<LoadResult> =>
    what === 'login'
      ? runLoad(`${url}/api/v1/auth/login`, {
          method: 'POST',
          connections: 8,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password, tokenInBody: true }),
          seconds,
        })
      : runLoad(`${url}${what === 'page' ? '/account' : '/api/v1/me'}`, {
          headers: { cookie: `session=${token}` },
          connections: 50,
          seconds,
        });
  try {
    // Warm both (JIT, pools) before anything counts.
    for (const s of servers) await load(s.url);
    const results: LoadResult[][] = [[], []];
    for (let round = 1; round <= rounds; round++) {
      for (const [i, s] of servers.entries()) {
        const r = await load(s.url);
        if (r.errors || r.non2xx) throw new Error(`round ${round}: ${JSON.stringify(r)}`);
        results[i]!.push(r);
      }
      const [ra, rb] = [results[0]!.at(-1)!, results[1]!.at(-1)!];
      console.log(
        `round ${round}: A ${ra.rps} req/s (p99 ${ra.p99} ms), B ${rb.rps} req/s (p99 ${rb.p99} ms), B/A ${(rb.rps / ra.rps).toFixed(3)}`,
      );
    }
    const [ma, mb] = results.map((rs) => median(rs.map((r) => r.rps)));
    const wins = results[1]!.filter((r, i) => r.rps > results[0]![i]!.rps).length;
    console.log(
      `median: A ${ma} req/s, B ${mb} req/s, B/A ${(mb! / ma!).toFixed(3)}; B faster in ${wins} of ${rounds} rounds`,
    );
  } finally {
    for (const s of servers) await s.stop();
  }
} finally {
  await db.drop();
}
