import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Ukrainian quotes words in «ялинки» (issue 20, item 15): no English “ ”, German „ ‟ or
 * typewriter " as quotation marks anywhere in the Ukrainian catalogues, every « closed by ».
 * Each file in src/i18n/uk/ is read, so a part not yet merged into uk.ts is checked too.
 */
const folder = new URL('./uk/', import.meta.url);
const files = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.includes('.test.'));

async function messages(): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const file of files) {
    const module = (await import(new URL(file, folder).href)) as Record<string, unknown>;
    for (const part of Object.values(module))
      if (part && typeof part === 'object')
        for (const [key, value] of Object.entries(part))
          if (typeof value === 'string') out.push([`${file}: ${key}`, value]);
  }
  return out;
}

describe('quotation marks in the Ukrainian catalogues', () => {
  it('reads every part (the checks below look at something)', async () => {
    expect(files).toEqual(expect.arrayContaining(['site.ts', 'privacy.ts', 'staff.ts']));
    expect((await messages()).length).toBeGreaterThan(500);
  });

  it('uses « » and never “ ”, „ ‟ or "', async () => {
    const wrong = (await messages()).filter(([, text]) => /["“”„‟]/.test(text));
    expect(wrong.map(([where, text]) => `${where}: ${text}`)).toEqual([]);
  });

  it('closes every « with a »', async () => {
    const count = (text: string, mark: string) => text.split(mark).length - 1;
    const unbalanced = (await messages()).filter(
      ([, text]) => count(text, '«') !== count(text, '»') || /»[^«]*»|«[^»]*«/.test(text),
    );
    expect(unbalanced.map(([where, text]) => `${where}: ${text}`)).toEqual([]);
  });
});
