import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { load, type Bench } from '../lib/context';
import type { LoadResult } from '../lib/load';
import { email, password, signInOurs, startOurs } from '../lib/servers';
import { fmt, plain } from '../lib/table';

/** PGlite's own set-up of a new data directory (its initdb in WASM): what a first start cannot avoid. */
async function pgliteInitMs() {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-initdb-'));
  try {
    const t0 = performance.now();
    const pg = await PGlite.create(dir);
    const ms = performance.now() - t0;
    await pg.close();
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The seed account in the embedded database, through the command-line helper. */
function createPgliteAdmin(dataDir: string) {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', 'create-admin', '--email', email, '--password-stdin'],
    {
      input: password,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
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
 * Cold starts to /readyz on PostgreSQL, on PGlite with a new data directory and with an
 * existing one, and /me on PGlite. `rMe` is /me on PostgreSQL, measured before.
 */
export async function measureStartup(
  b: Bench,
  ourEnv: Record<string, string>,
  dataDir: string,
  rMe: LoadResult,
) {
  console.error('measuring cold starts and the embedded database …');
  const coldPg = await startOurs(ourEnv);
  await coldPg.stop();
  const coldPglite = await startOurs({ DATABASE_URL: '', DATA_DIR: dataDir });
  await coldPglite.stop();
  // The seed account goes in between the two starts: an embedded database has one owner at a time.
  createPgliteAdmin(dataDir);
  // PGlite's own initdb, measured before the warm server starts: its seconds of synchronous
  // WebAssembly in this process would keep undici from noticing the server closing an idle
  // kept-alive socket, and the sign-in below would be written into a closed connection.
  const initdb = await pgliteInitMs();
  const warmPglite = await startOurs({
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    RATE_LOGIN_FAILURES_PER_IP: '100000',
  });
  try {
    b.rows.push(
      plain('cold start to /readyz, PostgreSQL', `${coldPg.readyMs.toFixed(0)} ms`, '< 1500 ms'),
      {
        scenario: 'cold start to /readyz, PGlite (new data dir)',
        result: `${coldPglite.readyMs.toFixed(0)} ms`,
        baseline: `PGlite initdb alone ${initdb.toFixed(0)} ms`,
        ratio: coldPglite.readyMs / initdb,
        target: '< 3000 ms',
        floor: null,
      },
      plain(
        'cold start to /readyz, PGlite (existing)',
        `${warmPglite.readyMs.toFixed(0)} ms`,
        '< 3000 ms',
      ),
    );
    await pgliteReads(b, warmPglite.url, rMe);
  } finally {
    await warmPglite.stop();
  }
}
