import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** docs/promises.md names, for each promise, the code that keeps it and the tests that check it. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const doc = readFileSync(`${root}docs/promises.md`, 'utf8');
const rows = doc
  .split('\n')
  .filter((l) => l.startsWith('| ') && !l.startsWith('| promise') && !l.startsWith('| ---'))
  .map((l) => {
    const [promise = '', code = '', tests = ''] = l.slice(2, -2).split(' | ');
    return { promise, code, tests };
  });

describe('docs/promises.md', () => {
  it('has a row for each promise, each with code and at least one test', () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const row of rows) {
      expect(row.code, row.promise).toMatch(/`[^`]+`/);
      expect(row.tests, row.promise).toMatch(/`[^`]+` › \S/);
    }
  });

  it.each(rows.map((r) => [r.promise, r] as const))('%s: every file it names exists', (_, row) => {
    const files = [...`${row.code} ${row.tests}`.matchAll(/`([^`\s]+\.(?:ts|tsx))`/g)].map(
      (m) => m[1]!,
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(existsSync(`${root}${file}`), file).toBe(true);
  });

  it.each(rows.map((r) => [r.promise, r] as const))(
    '%s: every test it names is in its file',
    (_, row) => {
      for (const entry of row.tests.split('<br>')) {
        const [, file, title] = entry.match(/^`([^`]+)` › (.+)$/) ?? [];
        expect(file, entry).toBeDefined();
        const source = readFileSync(`${root}${file}`, 'utf8');
        // The title opens a test call: it('…', it.runIf(…)('…', it.each([…])('…'.
        expect(source, entry).toContain(`('${title!}`);
      }
    },
  );
});
