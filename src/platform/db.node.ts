import { existsSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config';
import type { DbHandle } from './db-types';
import type { Logger } from './logger';
import type { FromTemplate, TemplateOptions } from './pglite-template.node.ts';

export type OpenOptions = {
  /** Where a new data directory came from, and why the template was not used. */
  log?: Pick<Logger, 'info' | 'warn'>;
  /** false: a new data directory runs initdb and every migration, as before templates. */
  template?: TemplateOptions | false;
};

/**
 * Chooses the database from `DATABASE_URL`: unset → PGlite in DATA_DIR, memory:// → in memory.
 * Only the driver in use is loaded.
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: OpenOptions = {},
): Promise<DbHandle> {
  const url = config.databaseUrl;
  if (url === 'memory://') return (await import('./db.pglite')).openPglite();
  if (url) return (await import('./db.postgres')).openPostgres(url);
  return openPgliteDir(config.dataDir, options);
}

/**
 * PGlite in `dataDir`. A new directory is made from the migrated template
 * (pglite-template.node.ts); whatever goes wrong with that, it runs initdb as before.
 */
async function openPgliteDir(dataDir: string, options: OpenOptions): Promise<DbHandle> {
  const { openPglite } = await import('./db.pglite');
  const made = existsSync(join(dataDir, 'PG_VERSION'))
    ? null
    : await fromTemplate(dataDir, options);
  mkdirSync(dataDir, { recursive: true });
  if (!made) return openPglite(dataDir);
  try {
    return await openPglite(dataDir);
  } catch (err) {
    // The copy is ours, made a moment ago: it goes, and so does the template it came from.
    options.log?.warn(
      { dataDir, template: made.template, error: (err as Error).message },
      'a copy of the database template did not open: removed it and the template; running initdb',
    );
    await rm(dataDir, { recursive: true, force: true });
    await (await import('./pglite-template.node.ts')).discardTemplate(made.template);
    mkdirSync(dataDir, { recursive: true });
    return openPglite(dataDir);
  }
}

async function fromTemplate(dataDir: string, options: OpenOptions): Promise<FromTemplate | null> {
  if (options.template === false) return null;
  const began = performance.now();
  try {
    const { createFromTemplate } = await import('./pglite-template.node.ts');
    const made = await createFromTemplate(dataDir, options.template);
    if (made)
      options.log?.info(
        { dataDir, ms: Math.round(performance.now() - began), templateBuilt: made.built },
        made.built
          ? 'new embedded database: built the migrated template, then copied it'
          : 'new embedded database: copied from the migrated template',
      );
    return made;
  } catch (err) {
    options.log?.warn(
      { dataDir, error: (err as Error).message },
      'new embedded database: the migrated template could not be used; running initdb',
    );
    return null;
  }
}
