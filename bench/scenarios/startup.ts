import { execFileSync } from 'node:child_process';
import { load, type Bench } from '../lib/context';
import type { LoadResult } from '../lib/load';
import { builtCli, email, password, signInOurs, startOurs } from '../lib/servers';
import { fmt } from '../lib/table';
import { measureColdStarts } from './cold-start';

/** The seed account in the embedded database, through the command-line helper (as built). */
function createPgliteAdmin(dataDir: string) {
  execFileSync(process.execPath, [builtCli, 'create-admin', '--email', email, '--password-stdin'], {
    input: password,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
    stdio: ['pipe', 'ignore', 'inherit'],
  });
}
/** GET /api/v1/me on a server already running on PGlite, against the same on PostgreSQL. */
async function pgliteReads(b: Bench, url: string, rMe: LoadResult) {
  const token = await signInOurs(url);
  const rLite = await load(b, `${url}/api/v1/me`, { headers: { cookie: `session=${token}` } });
  b.rows.push({
    scenario: 'GET /api/v1/me on PGlite vs PostgreSQL',
    result: fmt(rLite),
    baseline: '/me on PostgreSQL',
    ratio: rLite.rps / rMe.rps,
    target: 'reported',
    floor: null,
  });
}

/**
 * Cold starts (scenarios/cold-start.ts), then /me on PGlite. `rMe` is /me on PostgreSQL,
 * measured before; `dataDir` ends up the existing PGlite directory.
 */
export async function measureStartup(
  b: Bench,
  ourEnv: Record<string, string>,
  dataDir: string,
  rMe: LoadResult,
) {
  console.error('measuring cold starts and the embedded database …');
  // No PGlite in the bench's own process (measureColdStarts times it in processes of their
  // own): seconds of synchronous WebAssembly here would keep undici from noticing the server
  // closing an idle kept-alive socket, and the sign-in below would be written into a closed
  // connection.
  await measureColdStarts(b, ourEnv, dataDir);
  // The seed account goes in while no server runs: an embedded database has one owner at a time.
  createPgliteAdmin(dataDir);
  const warmPglite = await startOurs({
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    RATE_LOGIN_FAILURES_PER_IP: '100000',
  });
  try {
    await pgliteReads(b, warmPglite.url, rMe);
  } finally {
    await warmPglite.stop();
  }
}
