import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTableColumns, isTable, type Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { checkWorkerBundle } from '../../scripts/worker-bundle-check.mjs';

/**
 * What `npm run worker:build` checks in the bundle, and what the Workers database client relies
 * on. (The build itself runs in worker-e2e.test.ts, which uses its output.)
 */

describe('the Workers bundle check', () => {
  it('the check catches what must not be there', () => {
    const bad = mkdtempSync(join(tmpdir(), 'worker-bad-'));
    try {
      writeFileSync(
        join(bad, 'worker.js'),
        'import { readFileSync } from "node:fs";\nimport x from "@electric-sql/pglite";\nawait import("pg-native");\n',
      );
      const problems = checkWorkerBundle(bad);
      expect(problems).toEqual(
        expect.arrayContaining([
          'worker.js mentions node:fs',
          'worker.js mentions @electric-sql/pglite',
          'worker.js imports node:fs',
          'worker.js imports pg-native',
          'no .wasm module beside the bundle (the argon2id hasher)',
        ]),
      );
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it('the schema has no array columns (the Workers client skips fetching array types)', () => {
    const arrays = (Object.values(schema) as unknown[])
      .filter((value): value is Table => isTable(value))
      .flatMap((table) => Object.values(getTableColumns(table)))
      .filter((column) => column.columnType === 'PgArray' || column.getSQLType().endsWith('[]'))
      .map((column) => column.name);
    expect(arrays, 'set fetch_types back to true in src/platform/db.postgres.worker.ts').toEqual(
      [],
    );
  });
});
