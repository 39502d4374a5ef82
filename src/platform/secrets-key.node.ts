import { chmod, mkdir, open, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfigError, secretsKeySchema, type Config } from '../config';
import { generateSecretsKey } from './secret-box';

/** The generated key of the embedded default, inside DATA_DIR (so PGlite backups carry it). */
export const secretsKeyFile = (dataDir: string) => join(dataDir, 'secrets.key');

export type SecretsKeySource = 'SECRETS_KEY' | 'DATA_DIR' | 'ephemeral';

/**
 * Where the key for secrets at rest comes from on Node (docs/decisions/012-totp-secrets-at-rest.md):
 * - `SECRETS_KEY` when set. A key file left in DATA_DIR from before is added to the previous
 *   keys, so switching to a configured key needs only a restart and `rotate-totp-key`;
 * - `memory://`: a random key for this process, which dies with the database;
 * - otherwise `DATA_DIR/secrets.key`, made on first start (mode 0600). With PostgreSQL that is
 *   for development only: production refuses to start without SECRETS_KEY (src/config.ts).
 * Returns the configuration with the key filled in, and warnings for the operator.
 */
export async function resolveSecretsKey(
  config: Config,
): Promise<{ config: Config; source: SecretsKeySource; warnings: string[] }> {
  const warnings: string[] = [];
  const inMemory = config.databaseUrl === 'memory://';
  const file = secretsKeyFile(config.dataDir);
  if (config.secretsKey) {
    const left = inMemory ? null : await readKeyFile(file, warnings);
    const previous =
      left && left !== config.secretsKey && !config.secretsKeyPrevious.includes(left)
        ? [...config.secretsKeyPrevious, left]
        : config.secretsKeyPrevious;
    return { config: { ...config, secretsKeyPrevious: previous }, source: 'SECRETS_KEY', warnings };
  }
  if (inMemory)
    return {
      config: { ...config, secretsKey: generateSecretsKey() },
      source: 'ephemeral',
      warnings,
    };
  if (config.databaseUrl && config.isProduction) {
    throw new ConfigError('SECRETS_KEY: required when NODE_ENV=production with PostgreSQL');
  }
  if (config.databaseUrl) {
    warnings.push(
      `SECRETS_KEY is not set: authenticator secrets are sealed with ${file}; every instance needs the same key, so set SECRETS_KEY`,
    );
  }
  const key = (await readKeyFile(file, warnings)) ?? (await createKeyFile(file, warnings));
  return { config: { ...config, secretsKey: key }, source: 'DATA_DIR', warnings };
}

async function readKeyFile(file: string, warnings: string[]): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigError(
      `SECRETS_KEY: unset, and the key file ${file} cannot be read (${(err as NodeJS.ErrnoException).code})`,
    );
  }
  const key = text.trim();
  if (!secretsKeySchema.safeParse(key).success) {
    throw new ConfigError(
      `SECRETS_KEY: the key file ${file} does not hold a key (32+ printable characters); restore it from the backup that came with this database`,
    );
  }
  const mode = (await stat(file)).mode & 0o777;
  if (mode & 0o077) {
    await chmod(file, 0o600);
    warnings.push(`${file} was readable by others (mode ${mode.toString(8)}); it is now 0600`);
  }
  return key;
}

/** Exclusive create: two processes starting at once end up with the one key that won. */
async function createKeyFile(file: string, warnings: string[]): Promise<string> {
  const key = generateSecretsKey();
  // With PostgreSQL nothing else makes DATA_DIR.
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      return (await readKeyFile(file, warnings))!;
    throw err;
  }
  try {
    await handle.writeFile(`${key}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  warnings.push(
    `made a new key for secrets at rest in ${file}: back it up with the database (docs/operations.md)`,
  );
  return key;
}
