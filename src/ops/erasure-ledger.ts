import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Config } from '../config';
import type { Deps, ErasureLedger } from '../deps';
import { purgePerson } from '../privacy';
import { personColumns } from '../privacy';

/**
 * The erasure ledger: one JSON line per completed deletion, `{"userId":"<uuid>","at":"<ISO>"}`,
 * in a file outside the database. A restored backup predates some deletions; replaying the
 * ledger deletes those people again before the service takes traffic. It holds the internal
 * id and the time only: no address, no name, nothing that identifies anyone once the
 * account is gone. Append-only; each line is fsynced before `append` returns.
 */
export type ErasureEntry = { userId: string; at: Date };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Appends one entry and fsyncs it (and, for a new file, its directory). */
export async function appendErasure(path: string, entry: ErasureEntry): Promise<void> {
  // Only an id can ever be written: a caller passing an address by mistake fails loudly.
  if (!uuid.test(entry.userId)) throw new Error('erasure ledger: userId must be a user id (uuid)');
  if (Number.isNaN(entry.at.getTime())) throw new Error('erasure ledger: invalid time');
  await mkdir(dirname(path), { recursive: true });
  const line =
    JSON.stringify({ userId: entry.userId.toLowerCase(), at: entry.at.toISOString() }) + '\n';
  // O_APPEND: concurrent appenders (two jobs, two processes on one host) never interleave a
  // line this short. 0600: the ids are pseudonymous, still nobody else's business.
  const file = await open(path, 'a', 0o600);
  let created: boolean;
  try {
    created = (await file.stat()).size === 0;
    await file.appendFile(line, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  if (created) await syncDirectory(dirname(path));
}

async function syncDirectory(dir: string) {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the file itself is synced.
  } finally {
    await handle.close();
  }
}

/**
 * Every id in the ledger, deduplicated. A missing file is an empty ledger. A torn last line
 * (a crash mid-append) is skipped; a malformed line elsewhere is an error, since a ledger
 * that cannot be read must not be taken for one that says nothing.
 */
export async function readErasures(
  path: string,
): Promise<{ userIds: string[]; lines: number; tornTail: boolean }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      return { userIds: [], lines: 0, tornTail: false };
    throw err;
  }
  const lines = text.split('\n');
  const endsCleanly = lines.at(-1) === '';
  if (endsCleanly) lines.pop();
  const ids = new Set<string>();
  let tornTail = false;
  lines.forEach((line, i) => {
    let userId: unknown;
    try {
      userId = (JSON.parse(line) as { userId?: unknown }).userId;
    } catch {
      userId = undefined;
    }
    if (typeof userId === 'string' && uuid.test(userId)) ids.add(userId.toLowerCase());
    else if (i === lines.length - 1 && !endsCleanly) tornTail = true;
    else throw new Error(`erasure ledger ${path}: line ${i + 1} is not an erasure entry`);
  });
  return { userIds: [...ids], lines: lines.length, tornTail };
}

/**
 * Deletes again everyone in the ledger who is (back) in the database, in one transaction, by
 * the purge's own `purgePerson`: the registry's scrubs, deletes and anonymisations, then the
 * users row (ON DELETE CASCADE / SET NULL does the rest). No farewell mail: they had it.
 * Cheap when nothing matches: one indexed lookup per 1000 ids.
 */
export async function replayErasures(
  deps: Pick<Deps, 'db'>,
  paths: string | string[],
): Promise<{ entries: number; erased: number; tornTail: boolean }> {
  const ids = new Set<string>();
  let tornTail = false;
  for (const path of [paths].flat()) {
    const ledger = await readErasures(path);
    ledger.userIds.forEach((id) => ids.add(id));
    tornTail ||= ledger.tornTail;
  }
  const all = [...ids];
  const present: string[] = [];
  for (let i = 0; i < all.length; i += 1000) {
    const rows = await deps.db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.id, all.slice(i, i + 1000)));
    present.push(...rows.map((r) => r.id));
  }
  if (present.length === 0) return { entries: all.length, erased: 0, tornTail };
  await deps.db.transaction(async (tx) => {
    for (const id of present) {
      const [person] = await tx
        .select(personColumns)
        .from(users)
        .where(eq(users.id, id))
        .for('update');
      if (person) await purgePerson(tx, person);
    }
  });
  return { entries: all.length, erased: present.length, tornTail };
}

/** The ledger the Node server hands the purge as `deps.erasureLedger`. */
export function fileErasureLedger(path: string): ErasureLedger {
  return { append: (userId, at) => appendErasure(path, { userId, at }) };
}

const isInside = (child: string, parent: string) => {
  const rel = relative(resolve(parent), resolve(child));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Where the ledger must not be: inside DATA_DIR (a restore replaces that directory, ledger and
 * all) or beside the backups (one lost disk or one old copy takes both). Warnings, one line each.
 */
export function ledgerPlacementWarnings(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'erasureLedger'>,
  backupFile?: string,
): string[] {
  const warnings: string[] = [];
  if (!config.databaseUrl && isInside(config.erasureLedger, config.dataDir)) {
    warnings.push(
      `ERASURE_LEDGER ${config.erasureLedger} is inside DATA_DIR: a restore would replace it; move it out`,
    );
  }
  if (backupFile && resolve(dirname(backupFile)) === resolve(dirname(config.erasureLedger))) {
    warnings.push(
      `ERASURE_LEDGER is in the same directory as the backup: keep it on other storage (docs/operations.md)`,
    );
  }
  return warnings;
}
