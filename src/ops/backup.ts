import { existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Config } from '../config';
import { openDatabase } from '../platform/db.node.ts';
import {
  BackupError,
  checksumPath,
  createProgress,
  formatBytes,
  verifyChecksum,
  writeChecksum,
  type Progress,
} from './backup-files';
import { assertPgliteTarget, dumpPglite, restorePglite } from './backup-pglite';
import { describeDatabase, dumpPostgres, restorePostgres } from './backup-postgres';
import { ledgerPlacementWarnings, readErasures, replayErasures } from './erasure-ledger';

export { BackupError, ledgerPlacementWarnings };

type BackupConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'erasureLedger'>;

/** Which database the configuration names, for backups: an in-memory one has nothing to keep. */
function databaseOf(config: BackupConfig) {
  if (config.databaseUrl === 'memory://')
    throw new BackupError('DATABASE_URL=memory:// keeps nothing to back up or restore');
  return config.databaseUrl
    ? ({
        kind: 'postgres',
        url: config.databaseUrl,
        label: `PostgreSQL ${describeDatabase(config.databaseUrl)}`,
      } as const)
    : ({
        kind: 'pglite',
        dataDir: config.dataDir,
        label: `PGlite in ${resolve(config.dataDir)}`,
      } as const);
}

/**
 * `npm run cli -- backup FILE`: PostgreSQL through `pg_dump -Fc`, PGlite through its
 * data-directory dump. Written to FILE.partial and renamed, so FILE is only ever whole;
 * FILE.sha256 beside it. Mode 0600: a backup holds everyone's personal data.
 */
export async function backupDatabase(
  config: BackupConfig,
  file: string,
  options: { force?: boolean; progress?: Progress } = {},
) {
  const db = databaseOf(config);
  if (existsSync(file) && !options.force)
    throw new BackupError(`${file} exists: choose a new name or add --force`);
  const progress = options.progress ?? createProgress(`backup of ${db.label} to ${file}`);
  const began = Date.now();
  const partial = `${file}.partial`;
  await rm(partial, { force: true });
  try {
    if (db.kind === 'postgres') await dumpPostgres(db.url, partial, progress);
    else await dumpPglite(db.dataDir, partial, progress);
    await rename(partial, file);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  progress.update('checksum');
  const sha256 = await writeChecksum(file);
  const bytes = (await stat(file)).size;
  progress.done(
    `${formatBytes(bytes)}, sha256 ${sha256.slice(0, 16)}… in ${((Date.now() - began) / 1000).toFixed(1)} s (checksum in ${checksumPath(file)})`,
  );
  return { kind: db.kind, file, bytes, sha256 };
}

/**
 * `npm run cli -- restore FILE`: checks FILE.sha256, replaces the database with the backup,
 * applies this build's migrations, then replays the erasure ledger, so people deleted after the
 * backup was taken are deleted again before anything serves traffic. The server must be stopped.
 */
export async function restoreDatabase(
  config: BackupConfig,
  file: string,
  options: {
    force?: boolean;
    skipChecksum?: boolean;
    ledgers?: string[];
    progress?: Progress;
    warn?: (line: string) => void;
  } = {},
) {
  const db = databaseOf(config);
  if (!existsSync(file)) throw new BackupError(`${file} not found`);
  if (db.kind === 'pglite') await assertPgliteTarget(db.dataDir, !!options.force);
  const ledgers = options.ledgers?.length ? options.ledgers : [config.erasureLedger];
  const warn = options.warn ?? ((line: string) => process.stderr.write(`warning: ${line}\n`));
  // Read the ledgers before touching the database: an unreadable ledger stops the restore here.
  for (const path of ledgers) {
    const ledger = await readErasures(path);
    if (!existsSync(path))
      warn(
        `erasure ledger ${path} does not exist: no deletions will be replayed. If anyone was deleted since the backup, point --ledger at the ledger first`,
      );
    else if (ledger.tornTail)
      warn(
        `erasure ledger ${path}: its last line is incomplete (a crash while appending) and is skipped`,
      );
  }
  ledgerPlacementWarnings(config).forEach(warn);

  const progress = options.progress ?? createProgress(`restore of ${file} into ${db.label}`);
  const began = Date.now();
  if (options.skipChecksum) warn(`checksum not checked (--skip-checksum)`);
  else {
    progress.update('checking the checksum');
    await verifyChecksum(file);
  }
  let movedAside: string | null = null;
  if (db.kind === 'postgres')
    await restorePostgres(db.url, file, { force: !!options.force, progress });
  else
    movedAside = (await restorePglite(db.dataDir, file, { force: !!options.force, progress }))
      .movedAside;

  progress.update('migrations and the erasure ledger');
  const handle = await openDatabase(config);
  let replay;
  try {
    await handle.migrate();
    replay = await replayErasures({ db: handle.db }, ledgers);
  } finally {
    await handle.close();
  }
  progress.done(
    `restored in ${((Date.now() - began) / 1000).toFixed(1)} s; erasure ledger: ${replay.entries} ${replay.entries === 1 ? 'entry' : 'entries'}, ${replay.erased} ${replay.erased === 1 ? 'person' : 'people'} deleted again` +
      (movedAside
        ? `; the previous DATA_DIR is at ${movedAside} (remove it once the restore is checked)`
        : ''),
  );
  return { kind: db.kind, replay, movedAside };
}
