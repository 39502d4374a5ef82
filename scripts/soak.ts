/**
 * Soak run: steady mixed traffic against the real server for a while, then a report of errors,
 * latency percentiles and the server's memory. Not part of `npm test`.
 *
 *   npm run soak -- --seconds 60                       starts its own server (PGlite in a temporary
 *                                                      DATA_DIR, or a fresh database on the
 *                                                      PostgreSQL in DATABASE_URL) with a fake Resend
 *   npm run soak -- --url http://host:3000 --pid 1234  drives a running server (mail read from its
 *                                                      /dev/mailbox; --pid to watch its memory;
 *                                                      --admin-email/--admin-password for staff bookings)
 *
 * Options: --seconds N (60), --rate R requests a second (8), --max-growth MiB a minute (2):
 * the limit on the growth over the second half of the run of the server's heap after a full
 * GC (own server: it is started with --expose-gc and reports on SIGUSR2), or of the rolling
 * minimum of its RSS (a server given by --pid); --json FILE (the report, machine-readable).
 * Exits 1 when any request failed unexpectedly or memory kept growing; 2 on bad usage.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runSoak } from './soak/loop';
import { ownServer } from './soak/own-server';
import { report } from './soak/report';
import { externalServer } from './soak/target';
import { Traffic } from './soak/traffic';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '8' },
    url: { type: 'string' },
    pid: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-password': { type: 'string' },
    'max-growth': { type: 'string', default: '2' },
    json: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (args.help) {
  // The usage is this file's opening comment.
  process.stdout.write(
    readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('*/')[0]!
      .replace(/^\/\*\*?|^ \* ?/gm, '') + '\n',
  );
  process.exit(0);
}
const seconds = Number(args.seconds);
const rate = Number(args.rate);
const maxGrowthMbPerMin = Number(args['max-growth']);
if (!(seconds > 0) || !(rate > 0) || !(maxGrowthMbPerMin > 0)) {
  process.stderr.write('--seconds, --rate and --max-growth must be positive numbers\n');
  process.exit(2);
}

function target() {
  if (!args.url) return ownServer();
  const admin =
    args['admin-email'] && args['admin-password']
      ? { email: args['admin-email'], password: args['admin-password'] }
      : null;
  return Promise.resolve(externalServer(args.url, args.pid ? Number(args.pid) : null, admin));
}

async function main() {
  const server = await target();
  let exitCode: number;
  try {
    const traffic = new Traffic(server);
    const result = await runSoak(server, traffic, { seconds, rate });
    exitCode = await report(result, traffic, server, { maxGrowthMbPerMin, json: args.json });
  } finally {
    await server.stop();
  }
  console.log(exitCode === 0 ? 'soak: PASS' : 'soak: FAIL');
  process.exit(exitCode);
}

main().catch((err) => {
  process.stderr.write(`soak: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
