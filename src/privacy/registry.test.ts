import { describe, expect, it } from 'vitest';
import {
  getTableConfig,
  pgTable,
  text,
  uuid,
  PgTable,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema';
import { users } from '../../db/schema';
import {
  actorReferences,
  categories,
  categoryKeys,
  noPersonalData,
  registeredTables,
} from './registry';

type UserReference = { table: string; column: AnyPgColumn; onDelete: string | undefined };

/** Every column, in every given table, with a foreign key to users.id. */
function userReferences(tables: PgTable[]): UserReference[] {
  return tables.flatMap((table) => {
    const config = getTableConfig(table);
    return config.foreignKeys.flatMap((fk) => {
      const ref = fk.reference();
      if (ref.foreignTable !== users) return [];
      return ref.columns.map((column) => ({
        table: config.name,
        column: column,
        onDelete: fk.onDelete,
      }));
    });
  });
}

/** The references the registry cannot place: a table holding a user id that export and purge would miss. */
function unplaced(refs: UserReference[]) {
  const subject = new Set(registeredTables().map((r) => r.column));
  const actors = new Set(actorReferences.map((r) => r.column));
  const exempt = new Set(noPersonalData.map((e) => e.table));
  return refs.filter(
    (r) => !subject.has(r.column) && !actors.has(r.column) && !exempt.has(r.column.table),
  );
}

const schemaTables = (Object.values(schema) as unknown[]).filter(
  (v): v is PgTable => v instanceof PgTable,
);
const label = (r: UserReference) => `${r.table}.${r.column.name}`;

describe('the data-category registry', () => {
  it('places every table of db/schema that holds a user id', () => {
    const refs = userReferences(schemaTables);
    expect(refs.length).toBeGreaterThan(10);
    expect(
      unplaced(refs).map(label),
      'add these to src/privacy/registry.ts (a category, actorReferences or noPersonalData)',
    ).toEqual([]);
  });

  it('would fail for a new table that is not registered', () => {
    const lessonNotes = pgTable('lesson_notes', {
      id: uuid().primaryKey(),
      userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
      body: text(),
    });
    expect(unplaced(userReferences([...schemaTables, lessonNotes])).map(label)).toEqual([
      'lesson_notes.userId',
    ]);
  });

  it('agrees with the foreign keys: purged rows cascade, anonymised ones and actors are set null', () => {
    const refs = new Map(userReferences(schemaTables).map((r) => [r.column, r]));
    for (const entry of registeredTables()) {
      const fk = refs.get(entry.column);
      expect(
        fk,
        `${getTableConfig(entry.table).name}.${entry.column.name} must reference users.id`,
      ).toBeDefined();
      expect(entry.column.table).toBe(entry.table);
      expect(fk!.onDelete, label(fk!)).toBe(entry.onPurge === 'delete' ? 'cascade' : 'set null');
    }
    for (const actor of actorReferences) {
      expect(refs.get(actor.column)?.onDelete, actor.reason).toBe('set null');
      expect(actor.reason.length).toBeGreaterThan(10);
    }
    for (const exempt of noPersonalData) expect(exempt.reason.length).toBeGreaterThan(10);
  });

  it('has every category once, each with a dataset, and unique file names', () => {
    expect(categories.map((c) => c.key)).toEqual([...categoryKeys]);
    const names = categories.flatMap((c) => c.datasets.map((d) => d.name));
    expect(new Set(names).size).toBe(names.length);
    for (const c of categories) expect(c.datasets.length, c.key).toBeGreaterThan(0);
  });

  it('never exports a secret column', () => {
    const columns = categories.flatMap((c) =>
      c.datasets.flatMap((d) => d.columns.map((col) => ({ d: d.name, col }))),
    );
    const secret =
      /hash|secret|token|password(?!ResetRequired)|publicKey|credentialId|challenge|actorId|staffId|recordedBy|payload/i;
    expect(columns.filter((c) => secret.test(c.col)).map((c) => `${c.d}.${c.col}`)).toEqual([]);
  });
});
