import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { BackupError, formatBytes, type Progress } from './backup-files';

const isEmptyDir = async (dir: string) => !existsSync(dir) || (await readdir(dir)).length === 0;

/**
 * PGlite's own data-directory dump (`dumpDataDir`: a tar.gz of PGDATA). PGlite is one process
 * on one directory: the server must be stopped, or the copy may be torn and the server's
 * directory damaged.
 */
export async function dumpPglite(dataDir: string, file: string, progress: Progress) {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(
      `DATA_DIR ${resolve(dataDir)} holds no embedded database (no PG_VERSION): nothing to back up`,
    );
  }
  progress.update('opening the embedded database');
  const db = await PGlite.create(dataDir);
  try {
    // A checkpoint first, so everything committed is in the data files the tarball copies.
    await db.exec('CHECKPOINT');
    progress.update('dumping the data directory');
    const tarball = await db.dumpDataDir('gzip');
    const bytes = new Uint8Array(await tarball.arrayBuffer());
    await writeFile(file, bytes, { mode: 0o600 });
    progress.update(`${formatBytes(bytes.length)} written`);
  } finally {
    await db.close();
  }
}

/** Refuses, before anything else happens, to replace a DATA_DIR that holds something without `force`. */
export async function assertPgliteTarget(dataDir: string, force: boolean) {
  if (!force && !(await isEmptyDir(resolve(dataDir)))) {
    throw new BackupError(
      `DATA_DIR ${resolve(dataDir)} is not empty; restoring replaces it (the old one is moved aside): add --force`,
    );
  }
}

/**
 * Loads a dump into DATA_DIR. A non-empty DATA_DIR is refused unless `force`; then it is moved
 * aside to `DATA_DIR.before-restore-<time>` (put back if the load fails) and its path returned.
 */
export async function restorePglite(
  dataDir: string,
  file: string,
  options: { force: boolean; progress: Progress },
) {
  const target = resolve(dataDir);
  let aside: string | null = null;
  if (!(await isEmptyDir(target))) {
    await assertPgliteTarget(dataDir, options.force);
    aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(target, aside);
  }
  try {
    options.progress.update('loading the data directory');
    const tarball = new Blob([await readFile(file)]);
    await mkdir(target, { recursive: true });
    const db = await PGlite.create({ dataDir: target, loadDataDir: tarball });
    await db.query('select 1');
    await db.close();
  } catch (err) {
    await rm(target, { recursive: true, force: true });
    if (aside) await rename(aside, target);
    throw new BackupError(
      `${file}: could not load it into DATA_DIR (${(err as Error).message}); DATA_DIR is unchanged`,
    );
  }
  return { movedAside: aside };
}
