/**
 * `npm run bench` (full: 10 s × 5 interleaved rounds per scenario) or `npm run bench -- --quick` (CI: short
 * runs, fails only when a ratio falls far below its target). Needs DATABASE_URL=postgres://…
 * `--cold-start` measures only the starts to /readyz (`--runs N` starts each, default 3).
 * Every figure is printed beside a baseline measured in the same run on the same machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Bench } from './lib/context';
import { createBenchDatabase, type BenchDatabase } from './lib/db';
import {
  betterAuthCookie,
  buildOurs,
  ourEnv,
  seedOurs,
  signInOurs,
  startOurs,
} from './lib/servers';
import { alarms, printMachine, printTable } from './lib/table';
import { measureAnnouncementQueue } from './scenarios/announcement';
import { measureColdStarts } from './scenarios/cold-start';
import { measureExport } from './scenarios/export';
import { measurePipeline } from './scenarios/pipeline';
import { measureReads } from './scenarios/reads';
import { measureScaleOut } from './scenarios/scale-out';
import { measureSignIn } from './scenarios/sign-in';
import { measureStartup } from './scenarios/startup';

const quick = process.argv.includes('--quick');
const coldStartOnly = process.argv.includes('--cold-start');
const runsAt = process.argv.indexOf('--runs');
const onlyAt = process.argv.indexOf('--only');
/** `--only reads,sign-in`: just those (reads, sign-in, scale-out, export, pipeline, announcements; startup needs reads). */
const only = onlyAt > 0 ? new Set(process.argv[onlyAt + 1]!.split(',')) : null;
const want = (scenario: string) => !only || only.has(scenario);
const base = process.env.DATABASE_URL;
if (!base?.startsWith('postgres')) {
  console.error(
    'bench: set DATABASE_URL=postgres://… (the benchmarks compare against PostgreSQL baselines)',
  );
  process.exit(2);
}

/** Reads, sign-in and export on one warm server of ours; returns /me's figures for later ratios. */
async function measureOurs(b: Bench, ours: BenchDatabase, peer: BenchDatabase) {
  const server = await startOurs(ourEnv(ours.url));
  try {
    const userId = await seedOurs(ours.url);
    const token = await signInOurs(server.url);
    const peerCookie = await betterAuthCookie(peer.url);
    const rMe = want('reads')
      ? await measureReads(
          b,
          { url: server.url, token, userId, databaseUrl: ours.url },
          { databaseUrl: peer.url, cookie: peerCookie },
        )
      : undefined;
    // Before the sign-ins: each leaves a session and an event, which the export would carry.
    if (want('export')) await measureExport(b, ours.url, server, userId);
    if (want('sign-in')) await measureSignIn(b, server.url, peer.url);
    if (want('scale-out')) await measureScaleOut(b, server, ourEnv(ours.url), token);
    return rMe;
  } finally {
    await server.stop();
  }
}

/** Every scenario, in an order where each server is started once it is needed and stopped after. */
async function measureAll(b: Bench, base: string) {
  const dbs: BenchDatabase[] = [];
  const dataDir = mkdtempSync(join(os.tmpdir(), 'bench-pglite-'));
  try {
    const ours = await createBenchDatabase(base, `bench_ours_${process.pid}`, true);
    const peer = await createBenchDatabase(base, `bench_peer_${process.pid}`, false);
    dbs.push(ours, peer);
    const rMe = await measureOurs(b, ours, peer);
    if (want('pipeline')) await measurePipeline(b, ours.url);
    if (want('startup') && rMe) await measureStartup(b, ourEnv(ours.url), dataDir, rMe);
    if (want('announcements')) await measureAnnouncementQueue(b, base);
  } finally {
    for (const d of dbs) await d.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Only the cold starts: our PostgreSQL database, migrated, and a PGlite directory. */
async function measureColdStartsOnly(b: Bench, base: string) {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'bench-pglite-'));
  const ours = await createBenchDatabase(base, `bench_ours_${process.pid}`, true);
  try {
    await measureColdStarts(b, ourEnv(ours.url), dataDir);
  } finally {
    await ours.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const b: Bench = {
    quick,
    seconds: quick ? 3 : 10,
    runs: runsAt > 0 ? Number(process.argv[runsAt + 1]) : quick ? 1 : 5,
    rows: [],
    ceilings: [],
  };
  // Our server as `npm start` runs it: the build, made first when stale (its prestart).
  buildOurs();
  // A scenario that fails still leaves the rows measured before it on the screen.
  const failure = await (coldStartOnly ? measureColdStartsOnly(b, base!) : measureAll(b, base!))
    .then(() => null)
    .catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
  await printMachine(base!, b);
  printTable(b.rows);
  if (failure) throw failure;
  const alarm = alarms(b.rows, b.ceilings);
  if (alarm) {
    console.error(`bench: ${alarm}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
