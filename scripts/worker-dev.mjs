#!/usr/bin/env node
// `npm run worker:dev [-- more wrangler flags]`: the Workers build in a local workerd, configured
// by the same environment names as the Node server (PORT, APP_URL, DATABASE_URL, RESEND_API_KEY,
// RESEND_BASE_URL, the policy knobs …), passed to the worker as vars. DATABASE_URL must be a
// migrated postgres:// database (`npm run db:migrate`). Cron runs on demand at /__scheduled.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { workerDevCommand } from './worker-env.mjs';

const command = workerDevCommand(process.env, process.argv.slice(2));
if (command.problem) {
  process.stderr.write(`${command.problem}\n`);
  process.exit(1);
}
const wrangler = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
const child = spawn(process.execPath, [wrangler, ...command.args], {
  stdio: 'inherit',
  env: command.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
