import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../platform/db-types';
import type { Locale } from '../i18n';
import { readPage, type Cursor, type KeysetQuery, type Page, type Row } from './paging';

/** Who the data is about: what the export filters on and what the purge looks for. */
export type Person = {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  videoHandle: string | null;
  /** Not identifying; the export writes its README's date in it. */
  timeZone?: string | null;
};

/**
 * One file of the export: a CSV (and an array in data.json) with fixed columns. `page`
 * streams rows in pages, so a person with 10,000 events never sits in memory at once.
 */
export type Dataset = {
  name: string;
  columns: readonly string[];
  count(db: Executor, person: Person): Promise<number>;
  /** `locale`: the reader's language, for the few values written in words (default English). */
  page(
    db: Executor,
    person: Person,
    after: Cursor | null,
    limit: number,
    locale?: Locale,
  ): Promise<Page>;
};

/**
 * Where a category's rows live: the table and the column that holds the person's id.
 * `onPurge` is what the purge does with those rows, and a test checks the foreign key
 * agrees (`delete` ⇔ ON DELETE CASCADE, `anonymise` ⇔ ON DELETE SET NULL).
 */
export type TableRef = { table: PgTable; column: AnyPgColumn; onPurge: 'delete' | 'anonymise' };

export const categoryKeys = [
  'profile',
  'sign-in-methods',
  'sessions',
  'events',
  'links',
  'consents',
  'restriction',
  'subscriptions',
  'bookings',
  'staff',
  'payments',
  'emails',
] as const;
export type CategoryKey = (typeof categoryKeys)[number];

export type Category = {
  key: CategoryKey;
  /** The users row itself is the profile; every other table names the person by a foreign key. */
  tables: TableRef[];
  datasets: Dataset[];
  /**
   * Purge step for copies of the person's identity that no foreign key reaches (an address in
   * the outbox, a name in free text). Runs in the purge transaction before the rows go.
   */
  scrub?: (tx: Executor, person: Person) => Promise<void>;
};

const count = async (db: Executor, table: PgTable, where: SQL | undefined) => {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return row?.n ?? 0;
};

/** A dataset over one table, read with a keyset scan ordered by (ts, id). */
export function tableDataset(
  name: string,
  q: Omit<KeysetQuery, 'where'> & { where(person: Person): SQL | undefined },
  map: (row: Row, person: Person, locale: Locale) => Row = (r) => r,
  columns: readonly string[] = Object.keys(q.select),
): Dataset {
  return {
    name,
    columns,
    count: (db, person) => count(db, q.from, q.where(person)),
    async page(db, person, after, limit, locale = 'en') {
      const page = await readPage(db, { ...q, where: q.where(person) }, after, limit);
      return { rows: page.rows.map((r) => map(r, person, locale)), next: page.next };
    },
  };
}

/** A table whose `userId` names the person. */
type OwnedTable = PgTable & { userId: AnyPgColumn };

/** The registry entry for a table the person owns rows in, by its `userId`. */
export const owned = (table: OwnedTable, onPurge: TableRef['onPurge'] = 'delete'): TableRef => ({
  table,
  column: table.userId,
  onPurge,
});

/** A dataset of the person's own rows of `table` (by `userId`), in (`ts`, `id`) order. */
export const ownRows = (
  name: string,
  table: OwnedTable & { id: AnyPgColumn },
  select: KeysetQuery['select'],
  ts: AnyPgColumn,
) =>
  tableDataset(name, {
    from: table,
    select,
    where: (p) => eq(table.userId, p.id),
    ts,
    id: table.id,
  });
