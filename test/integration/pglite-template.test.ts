import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder } from '../../db/migrations-folder';
import { parseConfig } from '../../src/config';
import { openDatabase } from '../../src/platform/db.node.ts';
import type { DbHandle } from '../../src/platform/db-types';
import { perInstallationRows, templateKey } from '../../src/platform/pglite-template.node.ts';
import { resolveSecretsKey, secretsKeyFile } from '../../src/platform/secrets-key.node.ts';
import { rowsOf } from '../../src/platform/sql-rows';
import { ensureUnsubscribeKey } from '../../src/subscriptions/signing-key';
import { usePostgres } from '../helpers/database';

/**
 * A new embedded data directory is a copy of a migrated template (src/platform/pglite-template
 * .node.ts): built once, every migration in it, nothing of one installation in another. PGlite
 * only, so skipped when the suite runs on PostgreSQL.
 */
let dir: string;
let cacheDir: string;
const handles: DbHandle[] = [];

function recorder() {
  const lines: string[] = [];
  const log = {
    info: (_: object, msg: string) => void lines.push(msg),
    warn: (_: object, msg: string) => void lines.push(msg),
  };
  return { lines, log };
}

async function open(name: string, rec = recorder()) {
  const handle = await openDatabase(
    { databaseUrl: undefined, dataDir: join(dir, name) },
    { log: rec.log, template: { cacheDir } },
  );
  handles.push(handle);
  return handle;
}

const applied = async (handle: DbHandle) =>
  rowsOf<{ hash: string }>(
    await handle.db.execute(sql`select hash from drizzle.__drizzle_migrations order by id`),
  ).map((r) => r.hash);
const rowsIn = (handle: DbHandle) => async (text: string) =>
  rowsOf<Record<string, unknown>>(await handle.db.execute(sql.raw(text)));
const templates = async () =>
  (await readdir(cacheDir)).filter((n) => /^pglite-template-[0-9a-f]+$/.test(n));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accounts-template-'));
  cacheDir = join(dir, 'cache');
});

afterAll(async () => {
  for (const h of handles) await h.close().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(usePostgres())('new PGlite data directories from the migrated template', () => {
  const expected = readMigrationFiles({ migrationsFolder }).map((m) => m.hash);

  it('builds the template for the first new directory, copies it for the next; every migration is in both', async () => {
    const first = recorder();
    const a = await open('a', first);
    expect(first.lines).toEqual([
      'new embedded database: built the migrated template, then copied it',
    ]);
    expect(await templates()).toEqual([`pglite-template-${await templateKey()}`]);
    const second = recorder();
    const b = await open('b', second);
    expect(second.lines).toEqual(['new embedded database: copied from the migrated template']);
    for (const handle of [a, b]) {
      expect(await applied(handle)).toEqual(expected);
      await handle.migrate(); // nothing left to apply
      expect(await applied(handle)).toEqual(expected);
    }
  }, 120_000);

  it('gives every new directory its own secrets: none come from the template', async () => {
    const [a, b] = handles as [DbHandle, DbHandle];
    const [template] = await templates();
    expect(await readdir(join(cacheDir, template!))).not.toContain('secrets.key');
    // What the template was checked for before it was kept: rows only where migrations seed them.
    for (const handle of [a, b]) expect(await perInstallationRows(rowsIn(handle))).toEqual([]);

    const keyA = await resolveSecretsKey(parseConfig({ DATA_DIR: join(dir, 'a') }));
    const keyB = await resolveSecretsKey(parseConfig({ DATA_DIR: join(dir, 'b') }));
    expect(keyA.config.secretsKey).not.toBe(keyB.config.secretsKey);
    expect((await readFile(secretsKeyFile(join(dir, 'a')), 'utf8')).trim()).toBe(
      keyA.config.secretsKey,
    );
    expect(await ensureUnsubscribeKey(a.db)).not.toBe(await ensureUnsubscribeKey(b.db));
    // …and a database holding such a key would be refused as a template.
    expect(await perInstallationRows(rowsIn(a))).toEqual(['app_secrets']);
  });

  it('keys templates by the migrations folder: a changed migration gets a new one', async () => {
    const copy = join(dir, 'migrations-copy');
    await cp(migrationsFolder, copy, { recursive: true });
    expect(await templateKey(copy)).toBe(await templateKey());
    const last = (await readdir(copy))
      .filter((n) => n.endsWith('.sql'))
      .sort()
      .at(-1)!;
    await appendFile(join(copy, last), '\n-- changed\n');
    expect(await templateKey(copy)).not.toBe(await templateKey());
  });

  it('runs initdb when a copy of the template does not open, and drops that template', async () => {
    const [template] = await templates();
    await rm(join(cacheDir, template!, 'global', 'pg_control'));
    const rec = recorder();
    const c = await open('c', rec);
    expect(rec.lines).toEqual([
      'new embedded database: copied from the migrated template',
      'a copy of the database template did not open: removed it and the template; running initdb',
    ]);
    expect(existsSync(join(cacheDir, template!))).toBe(false);
    await c.migrate();
    expect(await applied(c)).toEqual(expected);
  }, 120_000);
});
