import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import {
  defaultTemplateCache,
  discardTemplate,
  templateKey,
} from '../../src/platform/pglite-template.node.ts';
import type { Bench } from '../lib/context';
import type { Server } from '../lib/proc';
import { startOurs, startOursNpm, startOursTsx } from '../lib/servers';

type Start = () => Promise<Server & { readyMs: number }>;
type Starts = { median: number; min: number; max: number };

/** `runs` starts to /readyz, each server stopped before the next one starts. */
async function coldStarts(runs: number, start: Start, before?: () => Promise<void>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const server = await start();
    ms.push(server.readyMs);
    await server.stop();
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, min: ms[0]!, max: ms.at(-1)! };
}

const show = (s: Starts) =>
  `${s.median.toFixed(0)} ms` + (s.max > s.min ? ` (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : '');

// PGlite imported, its WebAssembly compiled and `DIR` opened (initdb when new), in a process of
// its own as in a server's start; prints the milliseconds.
const pgliteCreate = `const t0 = performance.now();
const { PGlite } = await import('@electric-sql/pglite');
const pg = await PGlite.create(process.env.DIR);
process.stdout.write(String(performance.now() - t0));
await pg.close();`;

const pgliteMs = (dir: string) =>
  Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', pgliteCreate], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, DIR: dir },
    }).toString(),
  );

/** PGlite alone, each in a fresh process: initdb of a new directory, and opening `dataDir`. */
function pgliteAlone(dataDir: string) {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-initdb-'));
  try {
    return { initdb: pgliteMs(dir), open: pgliteMs(dataDir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A new, empty DATA_DIR for every start; all removed by `clean`. */
function newDirs() {
  const made: string[] = [];
  return {
    env: () => {
      made.push(mkdtempSync(join(os.tmpdir(), 'bench-new-')));
      return { DATABASE_URL: '', DATA_DIR: made.at(-1)! };
    },
    clean: () => made.forEach((d) => rmSync(d, { recursive: true, force: true })),
  };
}

/** PGlite with a new data directory: without a template (each start builds it), then from it. */
async function newDirStarts(runs: number) {
  const dirs = newDirs();
  const template = join(defaultTemplateCache, `pglite-template-${await templateKey()}`);
  try {
    const built = await coldStarts(
      runs,
      () => startOurs(dirs.env()),
      () => discardTemplate(template),
    );
    const copied = await coldStarts(runs, () => startOurs(dirs.env()));
    return { built, copied };
  } finally {
    dirs.clean();
  }
}

/**
 * Cold starts to /readyz of the built server (what `npm start` runs), beside the same sources
 * under tsx (what it ran before) and PGlite's own initdb and open in processes of their own.
 * `dataDir` becomes the existing PGlite directory. Median of `b.runs` starts each.
 */
export async function measureColdStarts(b: Bench, ourEnv: Record<string, string>, dataDir: string) {
  const pg = await coldStarts(b.runs, () => startOurs(ourEnv));
  const pgTsx = await coldStarts(b.runs, () => startOursTsx(ourEnv));
  const fresh = await newDirStarts(b.runs);
  const lite = { DATABASE_URL: '', DATA_DIR: dataDir };
  await (await startOurs(lite)).stop(); // made from the template: the existing directory
  const existing = await coldStarts(b.runs, () => startOurs(lite));
  const existingTsx = await coldStarts(b.runs, () => startOursTsx(lite));
  const npmCli = process.env.npm_execpath;
  const npm = npmCli ? await coldStarts(b.runs, () => startOursNpm(npmCli, lite)) : null;
  const alone = pgliteAlone(dataDir);
  b.ceilings.push(
    { scenario: 'cold start, PostgreSQL', value: pg.median, limit: 5000 },
    { scenario: 'cold start, PGlite existing', value: existing.median, limit: 6000 },
    { scenario: 'cold start, PGlite new from template', value: fresh.copied.median, limit: 10000 },
  );
  const row = (scenario: string, s: Starts, baseline: string, base: number, target: string) => ({
    scenario: `cold start to /readyz, ${scenario}`,
    result: show(s),
    baseline: `${baseline} ${base.toFixed(0)} ms`,
    ratio: s.median / base,
    target,
    floor: null,
  });
  b.rows.push(
    row('PostgreSQL', pg, 'under tsx', pgTsx.median, '< 1000 ms'),
    row('PGlite, existing data dir', existing, 'under tsx', existingTsx.median, '< 1500 ms'),
    row('PGlite, existing, vs PGlite open alone', existing, 'open', alone.open, 'reported'),
    row(
      'PGlite, new data dir from the template',
      fresh.copied,
      'initdb',
      alone.initdb,
      '< 3000 ms',
    ),
    row(
      'PGlite, new data dir, template built first',
      fresh.built,
      'initdb',
      alone.initdb,
      'reported',
    ),
  );
  if (npm)
    b.rows.push(row('`npm start`, PGlite existing', npm, 'node', existing.median, 'reported'));
}
