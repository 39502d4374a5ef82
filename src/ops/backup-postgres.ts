import { spawn, spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import postgres from 'postgres';
import { BackupError, formatBytes, type Progress } from './backup-files';

/**
 * A postgres:// URL as libpq takes it: the password moves to PGPASSWORD (so it is not in
 * the process list) and postgres.js's `ssl=` becomes libpq's `sslmode=`.
 */
export function libpqConnection(url: string): { dbname: string; env: Record<string, string> } {
  const u = new URL(url);
  const env: Record<string, string> = {};
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  const ssl = u.searchParams.get('ssl');
  if (ssl !== null) {
    u.searchParams.delete('ssl');
    if (!u.searchParams.has('sslmode'))
      u.searchParams.set('sslmode', ssl === 'true' ? 'require' : ssl === 'false' ? 'disable' : ssl);
  }
  u.protocol = 'postgresql:';
  return { dbname: u.toString(), env };
}

/** The database's name and host, never its password (for progress lines). */
export const describeDatabase = (url: string) => {
  const u = new URL(url);
  return `${u.pathname.slice(1) || '(default)'} on ${u.hostname}${u.port ? `:${u.port}` : ''}`;
};

function requireTool(tool: 'pg_dump' | 'pg_restore') {
  const probe = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new BackupError(
      `${tool} not found: install PostgreSQL's client tools, the server's major version or newer (Debian/Ubuntu: apt-get install postgresql-client)`,
    );
  }
  return probe.stdout.trim();
}

/** Runs a PostgreSQL tool; its stderr becomes the error message when it fails. */
function run(tool: string, args: string[], env: Record<string, string>, onTick?: () => void) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(tool, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ticker = onTick ? setInterval(onTick, 250) : null;
    child.on('error', (err) => {
      if (ticker) clearInterval(ticker);
      reject(new BackupError(`${tool}: ${err.message}`));
    });
    child.on('close', (code) => {
      if (ticker) clearInterval(ticker);
      if (code === 0) resolve();
      else
        reject(
          new BackupError(
            `${tool} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' / ') || 'no message'}`,
          ),
        );
    });
  });
}

/** `pg_dump -Fc` of the whole database into `file` (custom format: compressed, restorable table by table). */
export async function dumpPostgres(url: string, file: string, progress: Progress) {
  requireTool('pg_dump');
  const { dbname, env } = libpqConnection(url);
  const size = async () => (await stat(file).catch(() => null))?.size ?? 0;
  let bytes = 0;
  await run(
    'pg_dump',
    ['--format=custom', '--compress=6', `--file=${file}`, `--dbname=${dbname}`],
    env,
    () => {
      void size().then((n) => {
        bytes = n;
        progress.update(`${formatBytes(bytes)} written`);
      });
    },
  );
}

/** Tables the dump would create, as `schema.table`. */
function tablesInDump(file: string): Set<string> {
  const listing = spawnSync('pg_restore', ['--list', file], { encoding: 'utf8' });
  if (listing.status !== 0)
    throw new BackupError(
      `pg_restore --list ${file}: ${listing.stderr.trim() || 'not a pg_dump custom-format file'}`,
    );
  const tables = new Set<string>();
  for (const line of listing.stdout.split('\n')) {
    const m = /^\d+; \d+ \d+ TABLE (\S+) (\S+) /.exec(line);
    if (m) tables.add(`${m[1]}.${m[2]}`);
  }
  return tables;
}

/**
 * Replaces the database's contents with the dump: `pg_restore --clean --if-exists` in one
 * transaction (a failure leaves the database as it was). The database must exist. Refuses a
 * database holding data unless `force`, and one holding tables the dump lacks (a newer
 * schema: those would survive the restore and break the migrations), which wants an empty one.
 */
export async function restorePostgres(
  url: string,
  file: string,
  options: { force: boolean; progress: Progress },
) {
  requireTool('pg_restore');
  const inDump = tablesInDump(file);
  if (inDump.size === 0)
    throw new BackupError(`${file} holds no tables: not a backup of this service`);
  const admin = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  let existing: string[];
  try {
    const rows = await admin<{ name: string }[]>`
      select table_schema || '.' || table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`;
    existing = rows.map((r) => r.name);
  } finally {
    await admin.end({ timeout: 5 });
  }
  if (existing.length > 0 && !options.force) {
    throw new BackupError(
      `${describeDatabase(url)} already holds ${existing.length} tables; restoring replaces them: add --force`,
    );
  }
  const extra = existing.filter((t) => !inDump.has(t));
  if (extra.length > 0) {
    throw new BackupError(
      `${describeDatabase(url)} holds tables the backup does not (${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ', …' : ''}): restore into an empty database (createdb) and point DATABASE_URL at it`,
    );
  }
  const { dbname, env } = libpqConnection(url);
  const began = Date.now();
  await run(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-acl',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${dbname}`,
      file,
    ],
    env,
    () => options.progress.update(`restoring… ${Math.round((Date.now() - began) / 1000)} s`),
  );
}
