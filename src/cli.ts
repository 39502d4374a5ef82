import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { ConfigError, parseConfig, type Config } from './config';
import type { Deps } from './deps';
import { runDueJobs } from './jobs/schedule';
import { createNodeDeps } from './deps.node.ts';
import { createJsonLogger } from './platform/logger';
import { createAdmin } from './admin/create-admin';
import {
  BackupError,
  backupDatabase,
  ledgerPlacementWarnings,
  restoreDatabase,
} from './ops/backup';
import { replayErasures } from './ops/erasure-ledger';
import { rotateTotpSecrets } from './auth';

const usage = `Usage:
  npm run cli -- jobs                                  run every background job once, now (outbox, purges, retention)
  npm run cli -- create-admin --email E [--password-stdin] [--name N]
                                                       create an admin, or make an existing account admin
  npm run cli -- backup FILE [--force]                 back up the database (pg_dump, or PGlite's data directory) to FILE,
                                                       with FILE.sha256 beside it; PGlite: stop the server first
  npm run cli -- restore FILE [--force] [--ledger PATH]... [--skip-checksum]
                                                       replace the database with a backup, migrate, and replay the erasure
                                                       ledger (ERASURE_LEDGER, or each --ledger); stop the server first
  npm run cli -- replay-erasures [--ledger PATH]...    delete again everyone the erasure ledger names (done at every start)
  npm run cli -- rotate-totp-key                       re-encrypt every authenticator secret under SECRETS_KEY (older keys in
                                                       SECRETS_KEY_PREVIOUS); safe to repeat and to run while the server serves`;

const commands = [
  'jobs',
  'create-admin',
  'backup',
  'restore',
  'replay-erasures',
  'rotate-totp-key',
];

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    let data = '';
    for await (const chunk of process.stdin) data += chunk;
    return data.replace(/\r?\n$/, '');
  }
  // Interactive: the prompt is on stderr so stdout stays machine-readable.
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const answer = await rl.question('Password: ');
  rl.close();
  return answer;
}

function parseCliArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      force: { type: 'boolean' },
      ledger: { type: 'string', multiple: true },
      'skip-checksum': { type: 'boolean' },
    },
  });
}
type CliArgs = ReturnType<typeof parseCliArgs>;

const warn = (line: string) => process.stderr.write(`warning: ${line}\n`);

/** backup and restore work on files and the database directly, without the app's deps. */
async function backupOrRestore(command: 'backup' | 'restore', config: Config, args: CliArgs) {
  const { values, positionals } = args;
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    process.stderr.write(`${command} takes one FILE\n${usage}\n`);
    process.exit(2);
  }
  if (command === 'backup') {
    ledgerPlacementWarnings(config, file).forEach(warn);
    await backupDatabase(config, file, { force: values.force });
  } else {
    if (!config.databaseUrl)
      process.stderr.write('PGlite: the server must be stopped while restoring.\n');
    await restoreDatabase(config, file, {
      force: values.force,
      skipChecksum: values['skip-checksum'],
      ledgers: values.ledger,
      warn,
    });
  }
}

async function rotateTotpKey(deps: Deps) {
  const report = await rotateTotpSecrets(deps);
  process.stdout.write(JSON.stringify(report) + '\n');
  if (report.unreadable.length) {
    process.stderr.write(
      `${report.unreadable.length} secret(s) open with no configured key: add the key they were sealed with to SECRETS_KEY_PREVIOUS and run again\n`,
    );
    process.exitCode = 1;
  }
}

async function createAdminCommand(deps: Deps, values: CliArgs['values']) {
  if (!values.email) throw new ConfigError('--email is required');
  const password = await readPassword(!!values['password-stdin']);
  const result = await createAdmin(deps, { email: values.email, password, name: values.name });
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${result.created ? 'created' : 'promoted'} admin ${result.email}\n`);
  }
}

async function withDatabase(config: Config, run: (deps: Deps) => Promise<void>) {
  const log = createJsonLogger((line) => process.stderr.write(line + '\n'), {
    level: config.logLevel,
  });
  const { deps, handle } = await createNodeDeps(config, log, () => {}, { metrics: false });
  await handle.migrate();
  try {
    await run(deps);
  } finally {
    await handle.close();
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || !commands.includes(command)) {
    process.stderr.write(usage + '\n');
    process.exit(command ? 2 : 0);
  }
  const args = parseCliArgs(rest);
  const { values } = args;
  const config = parseConfig(process.env);
  if (command === 'backup' || command === 'restore') return backupOrRestore(command, config, args);

  await withDatabase(config, async (deps) => {
    if (command === 'jobs') {
      // "Now" means now: every job runs, whatever its period, and takes every item due.
      // (The job lock still keeps two runners off the same job; --force is accepted, as before.)
      const results = await runDueJobs(deps, { force: true });
      process.stdout.write(JSON.stringify(results) + '\n');
    } else if (command === 'rotate-totp-key') {
      await rotateTotpKey(deps);
    } else if (command === 'replay-erasures') {
      const result = await replayErasures(
        deps,
        values.ledger?.length ? values.ledger : [config.erasureLedger],
      );
      process.stdout.write(JSON.stringify(result) + '\n');
    } else {
      await createAdminCommand(deps, values);
    }
  });
}

main().catch((err) => {
  // Backup errors are one line for the operator; anything else unexpected keeps its message too.
  const prefix =
    err instanceof ConfigError
      ? 'Configuration error: '
      : err instanceof BackupError
        ? ''
        : 'Failed: ';
  process.stderr.write(`${prefix}${(err as Error).message}\n`);
  process.exit(1);
});
