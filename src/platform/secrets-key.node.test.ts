import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config';
import { createNodeDeps } from '../deps.node.ts';
import { silentLogger } from './logger';
import { openSecretBox } from './secret-box';
import { resolveSecretsKey, secretsKeyFile } from './secrets-key.node.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secrets-key-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;
const configured = 'configured-secrets-key-0123456789abcdefghij';

describe('the key for secrets at rest on Node: the key file in DATA_DIR', () => {
  it('embedded default: made on first start in DATA_DIR (mode 0600), the same key on every later start', async () => {
    const config = parseConfig({ DATA_DIR: dir });
    const first = await resolveSecretsKey(config);
    expect(first.source).toBe('DATA_DIR');
    const file = secretsKeyFile(dir);
    expect(await modeOf(file)).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.config.secretsKey);
    expect(first.config.secretsKey!.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect(first.warnings.join('\n')).toMatch(/back it up/);

    const again = await resolveSecretsKey(config);
    expect(again.config.secretsKey).toBe(first.config.secretsKey);
    expect(again.warnings).toEqual([]);
    // What one start sealed, the next one opens.
    const sealed = await (
      await openSecretBox('test', { current: first.config.secretsKey })
    ).seal('value', 'owner');
    expect(
      await (
        await openSecretBox('test', { current: again.config.secretsKey })
      ).open(sealed, 'owner'),
    ).toBe('value');
  });

  it('a key file others can read is tightened to 0600, with a warning; one that holds no key stops start-up naming SECRETS_KEY', async () => {
    const file = secretsKeyFile(dir);
    await writeFile(file, 'x'.repeat(43) + '\n');
    await chmod(file, 0o644);
    const loose = await resolveSecretsKey(parseConfig({ DATA_DIR: dir }));
    expect(loose.config.secretsKey).toBe('x'.repeat(43));
    expect(await modeOf(file)).toBe(0o600);
    expect(loose.warnings.join('\n')).toMatch(/0600/);

    await writeFile(file, 'short\n');
    await expect(resolveSecretsKey(parseConfig({ DATA_DIR: dir }))).rejects.toThrow(ConfigError);
    await expect(resolveSecretsKey(parseConfig({ DATA_DIR: dir }))).rejects.toThrow(
      /^SECRETS_KEY: /,
    );
  });
});

describe('the key for secrets at rest on Node: SECRETS_KEY, memory:// and the first start', () => {
  it('SECRETS_KEY wins; a key file left in DATA_DIR still opens what it sealed (as a previous key)', async () => {
    const made = await resolveSecretsKey(parseConfig({ DATA_DIR: dir }));
    const set = await resolveSecretsKey(parseConfig({ DATA_DIR: dir, SECRETS_KEY: configured }));
    expect(set.source).toBe('SECRETS_KEY');
    expect(set.config.secretsKey).toBe(configured);
    expect(set.config.secretsKeyPrevious).toEqual([made.config.secretsKey]);
  });

  it('memory://: a key for this process only, nothing written', async () => {
    const config = parseConfig({ DATABASE_URL: 'memory://', DATA_DIR: dir });
    const a = await resolveSecretsKey(config);
    const b = await resolveSecretsKey(config);
    expect(a.source).toBe('ephemeral');
    expect(a.config.secretsKey).not.toBe(b.config.secretsKey);
    expect(existsSync(secretsKeyFile(dir))).toBe(false);
  });

  it("first start of the server's dependencies on a new DATA_DIR: the database and the key file side by side", async () => {
    const dataDir = join(dir, 'db');
    const { deps, handle, secretsKeySource } = await createNodeDeps(
      parseConfig({ DATA_DIR: dataDir }),
      silentLogger,
      () => {},
      { metrics: false },
    );
    try {
      expect(secretsKeySource).toBe('DATA_DIR');
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
      expect((await readFile(secretsKeyFile(dataDir), 'utf8')).trim()).toBe(deps.config.secretsKey);
      expect(await modeOf(secretsKeyFile(dataDir))).toBe(0o600);
    } finally {
      await handle.close();
    }
  }, 120_000); // a new PGlite directory runs initdb: seconds, more on a busy machine
});
