#!/usr/bin/env node
// `npm run worker:build [-- --outdir DIR]`: `wrangler deploy --dry-run --outdir dist/worker`
// (bundles exactly what `wrangler deploy` would upload, uploads nothing), then checks that the
// bundle holds no Node-only module.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { checkWorkerBundle } from './worker-bundle-check.mjs';
import { offlineWranglerEnv } from './worker-env.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--outdir');
const outdir = at >= 0 ? args[at + 1] : 'dist/worker';
const wrangler = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
const run = spawnSync(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', outdir], {
  stdio: 'inherit',
  env: { ...offlineWranglerEnv, ...process.env },
});
if (run.status !== 0) process.exit(run.status ?? 1);
const problems = checkWorkerBundle(outdir);
if (problems.length) {
  process.stderr.write(
    `The Workers bundle is not fit for Workers:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  process.exit(1);
}
process.stdout.write(`Workers bundle in ${outdir}: no Node-only module inside\n`);
