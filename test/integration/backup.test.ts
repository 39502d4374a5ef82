import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { auditEvents, emailOutbox, payments, sessions, users } from '../../db/schema';
import { BackupError, restoreDatabase } from '../../src/ops/backup';
import { appendErasure, readErasures, replayErasures } from '../../src/ops/erasure-ledger';
import { purgePerson } from '../../src/privacy/purge';
import { openDatabase } from '../../src/platform/db.node.ts';
import type { Db, DbHandle } from '../../src/platform/db-types';
import { openTestDatabase, usePostgres } from '../helpers/database';

/**
 * Backup, delete, restore: the person deleted after the backup must not come back. The round
 * trip runs through the real CLI (`npm run cli -- backup|restore`), on PGlite in a DATA_DIR or
 * on PostgreSQL (DATABASE_URL) through pg_dump / pg_restore, as the suite is run.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let config: { databaseUrl: string | undefined; dataDir: string; erasureLedger: string };
let pgTest: Awaited<ReturnType<typeof openTestDatabase>> | null = null;
const quiet = { update() {}, done() {} };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accounts-backup-'));
  // On PostgreSQL, a database of its own (its handle stays unused: connections open lazily).
  if (usePostgres()) pgTest = await openTestDatabase();
  config = {
    databaseUrl: pgTest?.url,
    dataDir: join(dir, 'data'),
    // Beside DATA_DIR, not inside it: a restore replaces DATA_DIR.
    erasureLedger: join(dir, 'ledger', 'erasure-ledger.jsonl'),
  };
}, 60_000);

afterAll(async () => {
  await pgTest?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The database under test: a PGlite DATA_DIR, or the PostgreSQL database of its own. */
const open = (): Promise<DbHandle> => openDatabase(config);

function cli(args: string[]) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k, v]) =>
        v !== undefined && !['DATABASE_URL', 'DATA_DIR', 'ERASURE_LEDGER', 'NODE_ENV'].includes(k),
    ),
  ) as Record<string, string>;
  Object.assign(
    env,
    { DATA_DIR: config.dataDir, ERASURE_LEDGER: config.erasureLedger },
    config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {},
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

type Seeded = { id: string; email: string; name: string; phone: string };

/** A person with data in many tables, and a mail to someone else that names them. */
async function seedPerson(db: Db, label: string, other?: Seeded): Promise<Seeded> {
  const stamp = `${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
  const person = {
    email: `${label}.${stamp}@example.com`,
    name: `Olena ${label} Koval${stamp}`,
    phone: `+38067${stamp.slice(-7)}`,
  };
  const [row] = await db
    .insert(users)
    .values({
      ...person,
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$x$y',
      emailVerifiedAt: new Date(),
      goals: `Speak with ${person.name}`,
    })
    .returning({ id: users.id });
  const id = row!.id;
  const now = Date.now();
  await db.insert(sessions).values({
    id: `s${stamp}`.padEnd(24, 'a').slice(0, 24),
    secretHash: 'h',
    userId: id,
    expiresAt: new Date(now + 3_600_000),
    absoluteExpiresAt: new Date(now + 3_600_000),
    ip: '203.0.113.7',
    userAgent: 'test',
  });
  await db
    .insert(auditEvents)
    .values({ userId: id, action: 'sign-in', ip: '203.0.113.7', details: { method: 'password' } });
  await db.insert(emailOutbox).values({
    userId: id,
    toAddress: person.email,
    template: 'welcome',
    locale: 'en',
    subject: `Welcome, ${person.name}`,
    text: `Hello ${person.name}`,
    status: 'sent',
  });
  await db.insert(payments).values({
    userId: id,
    amount: '25.00',
    currency: 'EUR',
    description: `Lessons for ${person.name}`,
    paidAt: new Date(),
  });
  if (other) {
    await db.insert(emailOutbox).values({
      userId: other.id,
      toAddress: other.email,
      template: 'note',
      locale: 'en',
      subject: 'A note',
      text: `Your partner ${person.name} (${person.email}) booked`,
      status: 'sent',
    });
  }
  return { id, ...person };
}

/** Every row of every table as JSON text: what "no trace" is checked against. */
async function dumpEverything(db: Db): Promise<string> {
  const rows = async (statement: ReturnType<typeof sql>) => {
    const result = await db.execute(statement);
    return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
      string,
      unknown
    >[];
  };
  const tables = (await rows(
    sql`select table_schema as s, table_name as t from information_schema.tables where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle')`,
  )) as { s: string; t: string }[];
  expect(tables.length).toBeGreaterThan(10);
  const parts: string[] = [];
  for (const { s, t } of tables) {
    for (const r of await rows(sql.raw(`select row_to_json(x)::text as j from "${s}"."${t}" x`)))
      parts.push(String(r.j));
  }
  return parts.join('\n');
}

const traces = (dump: string, p: Seeded) =>
  [p.id, p.email, p.name, p.phone].filter((v) => dump.toLowerCase().includes(v.toLowerCase()));

describe(`backup and restore (${usePostgres() ? 'PostgreSQL: pg_dump / pg_restore' : 'PGlite: data-directory dump'})`, () => {
  let kept: Seeded;
  let doomed: Seeded;
  const file = () => join(dir, 'backups', 'accounts.backup');

  it('backs up through the CLI, with a progress line and FILE.sha256', async () => {
    const handle = await open();
    await handle.migrate();
    kept = await seedPerson(handle.db, 'kept');
    doomed = await seedPerson(handle.db, 'doomed', kept);
    await handle.close();
    await mkdir(join(dir, 'backups'));

    const began = Date.now();
    const run = await cli(['backup', file()]);
    expect(run.code, run.stderr).toBe(0);
    console.info(`backup took ${Date.now() - began} ms (with CLI start-up)`);
    expect(run.stderr).toMatch(
      /backup of (PGlite|PostgreSQL).*: [\d.]+ (B|KB|MB), sha256 [0-9a-f]{16}… in [\d.]+ s/,
    );
    const digest = createHash('sha256')
      .update(await readFile(file()))
      .digest('hex');
    expect(await readFile(`${file()}.sha256`, 'utf8')).toBe(`${digest}  accounts.backup\n`);
    expect(existsSync(`${file()}.partial`)).toBe(false);
    // Never overwrites a backup by accident.
    const again = await cli(['backup', file()]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists: choose a new name or add --force/);
  }, 60_000);

  it('restores, then replays the erasure ledger: someone deleted after the backup leaves no trace', async () => {
    // After the backup: the purge deletes one person and records it; someone new registers.
    let handle = await open();
    await handle.db.transaction((tx) => purgePerson(tx, { ...doomed, videoHandle: null }));
    await appendErasure(config.erasureLedger, { userId: doomed.id, at: new Date() });
    const late = await seedPerson(handle.db, 'late');
    expect(traces(await dumpEverything(handle.db), doomed)).toEqual([]);
    await handle.close();
    const ledgerText = await readFile(config.erasureLedger, 'utf8');
    expect(JSON.parse(ledgerText)).toEqual({
      userId: doomed.id,
      at: expect.stringMatching(/^\d{4}-/),
    });
    expect(ledgerText).not.toContain('@');

    // Without the ledger, the backup brings the deleted person back: the test can see them.
    const withoutLedger = await restoreDatabase(config, file(), {
      force: true,
      ledgers: [join(dir, 'no-such-ledger.jsonl')],
      progress: quiet,
      warn: () => {},
    });
    expect(withoutLedger.replay).toMatchObject({ entries: 0, erased: 0 });
    handle = await open();
    const resurrected = await dumpEverything(handle.db);
    expect(traces(resurrected, doomed)).toEqual([
      doomed.id,
      doomed.email,
      doomed.name,
      doomed.phone,
    ]);
    expect(traces(resurrected, late)).toEqual([]);
    await handle.close();

    // The real thing: the CLI restore replays the ledger before it returns.
    const began = Date.now();
    const run = await cli(['restore', file(), '--force']);
    expect(run.code, run.stderr).toBe(0);
    console.info(`restore took ${Date.now() - began} ms (with CLI start-up)`);
    expect(run.stderr).toMatch(
      /restored in [\d.]+ s; erasure ledger: 1 entry, 1 person deleted again/,
    );

    handle = await open();
    const dump = await dumpEverything(handle.db);
    expect(traces(dump, doomed)).toEqual([]);
    expect(traces(dump, kept)).toEqual([kept.id, kept.email, kept.name, kept.phone]);
    // The payment the law keeps is still there, without the person.
    const [payment] = await handle.db
      .select()
      .from(payments)
      .where(sql`${payments.description} like 'Lessons for [deleted]%'`);
    expect(payment?.userId).toBeNull();
    // Replaying again (every server start does) finds no one.
    expect(await replayErasures(handle, config.erasureLedger)).toMatchObject({
      entries: 1,
      erased: 0,
    });
    expect(await handle.db.select().from(users).where(eq(users.id, doomed.id))).toEqual([]);
    await handle.close();
  }, 90_000);

  it('refuses a damaged backup, and refuses to overwrite a database without --force', async () => {
    const damaged = join(dir, 'backups', 'damaged.backup');
    const bytes = await readFile(file());
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(damaged, bytes);
    await writeFile(`${damaged}.sha256`, await readFile(`${file()}.sha256`));
    const restoreDamaged = () =>
      restoreDatabase(config, damaged, { force: true, progress: quiet, warn: () => {} });
    // A BackupError, so the CLI prints the message alone: one line, no "Failed: ", no stack.
    const mismatch = restoreDamaged();
    await expect(mismatch).rejects.toThrow(/checksum mismatch/);
    await expect(mismatch).rejects.toBeInstanceOf(BackupError);
    await rm(`${damaged}.sha256`);
    const noChecksum = restoreDamaged();
    await expect(noChecksum).rejects.toThrow(/damaged\.backup\.sha256 not found/);
    await expect(noChecksum).rejects.toBeInstanceOf(BackupError);

    const run = await cli(['restore', file()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/add --force/);
    expect(run.stderr).not.toMatch(/^Failed: /m);
    expect(run.stderr.trim().split('\n').at(-1)).not.toMatch(/^\s+at /); // one line, no stack
    // The database is untouched by the refusals.
    const handle = await open();
    expect((await handle.db.select().from(users).where(eq(users.id, kept.id))).length).toBe(1);
    await handle.close();
    if (!usePostgres())
      expect((await readdir(dir)).filter((f) => f.startsWith('data.before-restore-')).length).toBe(
        2,
      );
  }, 60_000);
});

describe('the erasure ledger file', () => {
  it('holds ids and times only, one fsynced line each; a torn last line is skipped, a bad one refused', async () => {
    const path = join(dir, 'ledger-unit', 'a.jsonl');
    const id = '3f2c1a9e-2b7d-4c1e-9f00-1234567890ab';
    await appendErasure(path, { userId: id, at: new Date('2026-01-02T03:04:05Z') });
    await appendErasure(path, { userId: id.toUpperCase(), at: new Date('2026-01-03T00:00:00Z') });
    await expect(
      appendErasure(path, { userId: 'olena@example.com', at: new Date() }),
    ).rejects.toThrow(/uuid/);
    expect(await readFile(path, 'utf8')).toBe(
      `{"userId":"${id}","at":"2026-01-02T03:04:05.000Z"}\n{"userId":"${id}","at":"2026-01-03T00:00:00.000Z"}\n`,
    );
    await writeFile(path, '{"userId":"3f2c1a9e-2b7d', { flag: 'a' });
    expect(await readErasures(path)).toEqual({ userIds: [id], lines: 3, tornTail: true });
    await writeFile(path, 'garbage\n', { flag: 'a' });
    await expect(readErasures(path)).rejects.toThrow(/line 3 is not an erasure entry/);
    expect(await readErasures(join(dir, 'none.jsonl'))).toEqual({
      userIds: [],
      lines: 0,
      tornTail: false,
    });
  });
});
