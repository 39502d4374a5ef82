import { and, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../platform/db-types';

export type Row = Record<string, unknown>;

/** Where the next page starts: the sort key of the last row, both parts as PostgreSQL text. */
export type Cursor = { ts: string; id: string };
export type Page = { rows: Row[]; next: Cursor | null };

export type KeysetQuery = {
  from: PgTable;
  /** Output field → column; the row is built from these only, so nothing else leaks out. */
  select: Record<string, AnyPgColumn>;
  where: SQL | undefined;
  /** Sort by (ts, id::text): chronological, unique, and stable across pages. */
  ts: AnyPgColumn;
  id: AnyPgColumn;
};

/**
 * One page of a keyset scan. The cursor keeps the timestamp as PostgreSQL's own text (with
 * microseconds), because a JS Date would round it to milliseconds and a row written by
 * `now()` would then come round again, forever.
 */
export async function readPage(
  db: Executor,
  q: KeysetQuery,
  after: Cursor | null,
  limit: number,
): Promise<Page> {
  const idText = sql<string>`${q.id}::text`;
  const tsText = sql<string>`${q.ts}::text`;
  const from = after
    ? sql`(${q.ts}, ${idText}) > (${after.ts}::timestamptz, ${after.id})`
    : undefined;
  const rows: Row[] = await db
    .select({ ...q.select, __ts: tsText, __id: idText })
    .from(q.from)
    .where(and(q.where, from))
    .orderBy(q.ts, idText)
    .limit(limit);
  const last = rows.at(-1);
  const next =
    rows.length === limit && last ? { ts: String(last.__ts), id: String(last.__id) } : null;
  return {
    rows: rows.map(({ __ts: _ts, __id: _id, ...rest }) => rest),
    next,
  };
}

/** A dataset small enough to read at once (one profile row, a few passkeys) as a single page. */
export const singlePage = (rows: Row[]): Page => ({ rows, next: null });
