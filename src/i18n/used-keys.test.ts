import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en';

/**
 * Every message of the catalogue is used somewhere: its key stands as a string in the
 * sources (pages, mails, problems, scripts, the browser's scripts), or a template builds it
 * from a prefix (`activity.${action}`). A message nobody shows is a translation four
 * languages keep up for nothing, and usually a sign that a page lost something.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const sourceDirs = ['src', 'emails', 'scripts', 'public'];
const isSource = (path: string) =>
  /\.(tsx?|m?js)$/.test(path) &&
  !/\.test\.tsx?$/.test(path) &&
  // The catalogues themselves, not the helpers beside them that read keys.
  !/^src\/i18n\/(en|uk|ru|cs)(\/|\.ts$)/.test(path);

function sources() {
  return sourceDirs.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .map((file) => relative(root, join(root, dir, file)).replaceAll('\\', '/'))
      .filter(isSource)
      .map((file) => readFileSync(join(root, file), 'utf8')),
  );
}

const pluralForm = /\.(zero|one|two|few|many|other)$/;

describe('the catalogue', () => {
  it('has no message that no source uses', () => {
    const text = sources().join('\n');
    const strings = new Set(
      [...text.matchAll(/['"`]([a-z][\w-]*(?:\.[\w-]+)+)['"`]/g)].map((m) => m[1]),
    );
    const prefixes = [
      ...[...text.matchAll(/`([a-z][\w.-]*\.)\$\{/g)].map((m) => m[1]!),
      ...[...text.matchAll(/['"]([a-z][\w.-]*\.)['"]\s*\+/g)].map((m) => m[1]!),
    ];
    const unused = Object.keys(en).filter((key) => {
      const base = key.replace(pluralForm, '');
      return !strings.has(key) && !strings.has(base) && !prefixes.some((p) => key.startsWith(p));
    });
    expect(unused).toEqual([]);
  });
});
