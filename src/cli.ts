import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { ConfigError, parseConfig } from './config';
import { runDueJobs } from './jobs/schedule';
import { createNodeDeps } from './platform/deps.node.ts';
import { createJsonLogger } from './platform/logger';
import { createAdmin } from './admin/create-admin';

const usage = `Usage:
  npm run cli -- jobs [--force]                        run due background jobs once (outbox, purges, retention)
  npm run cli -- create-admin --email E [--password-stdin] [--name N]
                                                       create an admin, or make an existing account admin`;

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

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      force: { type: 'boolean' },
    },
  });
  if (command !== 'jobs' && command !== 'create-admin') {
    process.stderr.write(usage + '\n');
    process.exit(command ? 2 : 0);
  }
  const config = parseConfig(process.env);
  const log = createJsonLogger((line) => process.stderr.write(line + '\n'));
  const { deps, handle } = await createNodeDeps(config, log);
  await handle.migrate();
  try {
    if (command === 'jobs') {
      const results = await runDueJobs(deps, { force: values.force });
      process.stdout.write(JSON.stringify(results) + '\n');
    } else {
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
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? 'Configuration error: ' : ''}${(err as Error).message}\n`);
  process.exit(1);
});
