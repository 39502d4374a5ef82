import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder as defaultMigrations } from '../../db/migrations-folder';

/**
 * A new embedded database is a copy of a template: a PGlite data directory that ran initdb and
 * every migration once, kept in a cache and rebuilt when the migrations (or PGlite) change.
 * Copying it takes a fraction of PGlite's initdb (docs/decisions/015-cold-start.md).
 *
 * Only what every installation shares may come from it: the schema and the rows migrations
 * seed. Secrets are made per installation after the copy (DATA_DIR/secrets.key by
 * resolveSecretsKey, app_secrets on first use), and a template holding rows anywhere else is
 * refused.
 */
export type TemplateOptions = {
  /** Default: node_modules/.cache/accounts-cabinet in the project. */
  cacheDir?: string;
  /** Default: db/migrations. */
  migrationsFolder?: string;
};

/** Bump when the way templates are made changes, so older ones are not used. */
const templateFormat = 1;
/** Tables migrations fill with rows that are the same for every installation. */
export const seededTables = ['policy_versions', 'mailing_lists'];

export const defaultTemplateCache = fileURLToPath(
  new URL('../../node_modules/.cache/accounts-cabinet', import.meta.url),
);

function pgliteVersion() {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === '@electric-sql/pglite') return pkg.version ?? '?';
  }
  return '?';
}

async function filesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) files.push(...(await filesUnder(join(dir, e.name))));
    else if (e.isFile()) files.push(join(dir, e.name));
  }
  return files;
}

/** A hash of every file in the migrations folder, PGlite's version and the template format. */
export async function templateKey(migrationsFolder = defaultMigrations) {
  const hash = createHash('sha256').update(`format ${templateFormat}\npglite ${pgliteVersion()}\n`);
  const files = (await filesUnder(migrationsFolder)).sort();
  for (const file of files) {
    hash.update(`${relative(migrationsFolder, file)}\n`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

type Rows = (text: string) => Promise<Record<string, unknown>[]>;

/**
 * Tables that hold rows, other than `seededTables` and drizzle's record of applied
 * migrations, in any schema of ours: what a template must never carry.
 */
export async function perInstallationRows(rows: Rows): Promise<string[]> {
  const tables = (await rows(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
     and not (table_schema = 'drizzle' and table_name = '__drizzle_migrations') order by 1, 2`,
  )) as { schema: string; name: string }[];
  const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;
  const filled: string[] = [];
  for (const { schema, name } of tables) {
    if (schema === 'public' && seededTables.includes(name)) continue;
    const found = await rows(`select 1 from ${quote(schema)}.${quote(name)} limit 1`);
    if (found.length > 0) filled.push(schema === 'public' ? name : `${schema}.${name}`);
  }
  return filled;
}

// A synchronous copy (one thread, a system call or three per file) is several times faster
// than a thousand promises of copyFile; on a worker it does not hold up the main thread, which
// meanwhile loads the app's modules.
const copier = `const { chmodSync, cpSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
cpSync(workerData.from, workerData.to, { recursive: true });
chmodSync(workerData.to, 0o700);`;

/** `cp -r from to` on a worker thread; `to` ends up private to its owner (0700). */
function copyTree(from: string, to: string) {
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(copier, { eval: true, workerData: { from, to } });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`copy: exit ${code}`)),
    );
  });
}

const scratch = (path: string, what: string) =>
  `${path}.${what}-${process.pid}-${randomBytes(4).toString('hex')}`;

/**
 * initdb and every migration in a scratch directory beside the template, checked, closed
 * cleanly and renamed into place (so a template is only ever whole). Two processes building at
 * once: the second rename fails and its copy is dropped.
 */
async function buildTemplate(template: string, migrationsFolder: string) {
  const building = scratch(template, 'build');
  await mkdir(dirname(template), { recursive: true });
  try {
    const pg = await PGlite.create(building);
    try {
      await migrate(drizzle({ client: pg }), { migrationsFolder });
      const filled = await perInstallationRows(
        async (text) => (await pg.query(text)).rows as never,
      );
      if (filled.length > 0) {
        await writeFile(`${template}.refused`, `rows in ${filled.join(', ')}\n`);
        throw new Error(`migrations leave rows in ${filled.join(', ')}: no template made`);
      }
    } finally {
      await pg.close();
    }
    await rename(building, template).catch((err: NodeJS.ErrnoException) => {
      if (!existsSync(join(template, 'PG_VERSION'))) throw err;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}

/** Templates of other migrations, and builds of processes that are gone. */
async function pruneCache(cacheDir: string, keep: string) {
  for (const name of await readdir(cacheDir).catch(() => [])) {
    if (!name.startsWith('pglite-template-') || name === keep) continue;
    const pid = /\.build-(\d+)-/.exec(name)?.[1];
    if (pid && pid !== String(process.pid) && isAlive(Number(pid))) continue;
    if (name.startsWith(`${keep}.`) && !pid) continue; // its .refused marker
    await rm(join(cacheDir, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `dir` is absent or an empty directory: the only places a copy goes. */
async function isFree(dir: string) {
  try {
    return (await readdir(dir)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

/** The template copied beside `target` and renamed onto it: a new DATA_DIR is whole or absent. */
async function copyTemplate(template: string, target: string) {
  const copying = scratch(target, 'new');
  try {
    await copyTree(template, copying);
    if (existsSync(target)) await rmdir(target);
    await rename(copying, target);
  } finally {
    await rm(copying, { recursive: true, force: true });
  }
}

export type FromTemplate = { template: string; built: boolean };

/**
 * Makes `dataDir` (absent or empty) a copy of the template for the current migrations,
 * building the template first when there is none. Returns null, with nothing changed, when
 * `dataDir` holds something; throws, also with nothing changed, when the template cannot be
 * made or copied (or was refused before), so the caller runs initdb instead.
 */
export async function createFromTemplate(
  dataDir: string,
  options: TemplateOptions = {},
): Promise<FromTemplate | null> {
  const target = resolve(dataDir);
  if (!(await isFree(target))) return null;
  const cacheDir = resolve(options.cacheDir ?? defaultTemplateCache);
  const migrations = options.migrationsFolder ?? defaultMigrations;
  const name = `pglite-template-${await templateKey(migrations)}`;
  const template = join(cacheDir, name);
  const refused = `${template}.refused`;
  if (existsSync(refused))
    throw new Error(`refused before: ${(await readFile(refused, 'utf8')).trim()}`);
  const built = !existsSync(join(template, 'PG_VERSION'));
  if (built) {
    await buildTemplate(template, migrations);
    await pruneCache(cacheDir, name);
  }
  await copyTemplate(template, target);
  return { template, built };
}

/** A template whose copy would not open is removed, to be built again next time. */
export const discardTemplate = (template: string) => rm(template, { recursive: true, force: true });
