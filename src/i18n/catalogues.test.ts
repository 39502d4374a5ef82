import { describe, expect, it } from 'vitest';
import { en } from './en';
import { uk } from './uk';
import { negotiateLocale, t } from './index';

describe('catalogues', () => {
  it('have the same keys in every language', () => {
    expect(Object.keys(uk).sort()).toEqual(Object.keys(en).sort());
  });

  it('keep the same placeholders in every translation', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(names(uk[key]), key).toEqual(names(en[key]));
    }
  });

  it('has no empty or untranslated Ukrainian strings except names and codes', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] === uk[k]);
    expect(
      same.every((k) => /^(nav\.api|cookies\.col\.name)$/.test(k)),
      same.join(', '),
    ).toBe(true);
  });

  it('never hedges a plural with "(s)": a count is said so it reads right for any number', () => {
    const hedged = Object.entries(en).filter(([, text]) => /\w\(s\)/.test(text));
    expect(hedged.map(([key]) => key)).toEqual([]);
  });
});

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'en'],
    ['uk-UA,uk;q=0.9', 'uk'],
    ['de-DE,uk;q=0.5,en;q=0.4', 'uk'],
    ['en;q=0.2,uk;q=0.8', 'uk'],
    ['fr', 'en'],
    ['uk;q=0', 'en'],
  ])('%s → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it('fills placeholders', () => {
    expect(t('uk', 'overview.hello', { name: 'Олена' })).toBe('Вітаємо, Олена');
  });
});
