/**
 * `tsx bench/tools/profile.ts [me|page|login] [seconds]`: one built server under `node --cpu-prof`
 * on a fresh PostgreSQL database, loaded by autocannon on one path, then the profile's top
 * frames by self time (and the statements per request from pg_stat_statements when enabled).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase } from '../lib/db';
import { runLoad } from '../lib/load';
import { startServer } from '../lib/proc';
import {
  buildOurs,
  builtServer,
  email,
  ourEnv,
  password,
  seedOurs,
  signInOurs,
} from '../lib/servers';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
};
type Profile = { nodes: Node[]; startTime: number; endTime: number };

const what = process.argv[2] ?? 'me';
const seconds = Number(process.argv[3] ?? 10);
const base = process.env.DATABASE_URL!;

function topFrames(profile: Profile, n = 25) {
  const total = profile.nodes.reduce((s, x) => s + x.hitCount, 0);
  const byFrame = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const file = f.url.replace(/^.*\/(node_modules\/)?/, '');
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + node.hitCount);
  }
  return [...byFrame.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
}

buildOurs();
const db = await createBenchDatabase(base, `bench_prof_${process.pid}`, true);
const dir = mkdtempSync(join(os.tmpdir(), 'cpuprof-'));
const server = await startServer(
  ['--cpu-prof', `--cpu-prof-dir=${dir}`, builtServer],
  ourEnv(db.url),
  '/readyz',
);
try {
  await seedOurs(db.url);
  const token = await signInOurs(server.url);
  const headers: Record<string, string> =
    what === 'login' ? { 'content-type': 'application/json' } : { cookie: `session=${token}` };
  const target =
    what === 'login'
      ? {
          url: `${server.url}/api/v1/auth/login`,
          method: 'POST',
          connections: 8,
          body: JSON.stringify({ email, password, tokenInBody: true }),
        }
      : {
          url: `${server.url}${what === 'page' ? '/account' : '/api/v1/me'}`,
          method: 'GET',
          connections: 50,
        };
  const r = await runLoad(target.url, { ...target, headers, seconds });
  console.log(JSON.stringify(r));
} finally {
  await server.stop();
  await db.drop();
}
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
console.log(`profile: ${join(dir, file)}`);
console.log(topFrames(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile).join('\n'));
