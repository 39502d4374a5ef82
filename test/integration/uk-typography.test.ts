import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/use-test-app';
import { signedInPerson } from './privacy-fixtures';

/**
 * Ukrainian typography on the pages (issue 20, item 15): a sentence that ends on a date has
 * one full stop, not "р.."; quotations are in «ялинки», not in English “ ”.
 */
const t = useTestApp({ env: { TRUST_PROXY: '1', DELETION_GRACE_DAYS: '14' } });

/** The page's text: tags dropped, entities that matter here decoded, spaces squeezed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('Ukrainian pages', () => {
  it('end the deletion date’s sentence in one full stop', async () => {
    const { client } = await signedInPerson(t, 'uk-date', { locale: 'uk' });
    const res = await client.get('/account/delete/confirm');
    expect(res.status).toBe(200);
    const text = textOf(await res.text());
    expect(text).toMatch(
      /Ваш обліковий запис буде видалено \d{1,2} [а-яіїєґ]+ \d{4} року\. Зараз ви вийдете з системи\./,
    );
    expect(text).not.toMatch(/р\.\./);
  });

  it('quote the person’s own restriction reason in « »', async () => {
    const { client } = await signedInPerson(t, 'uk-quotes', { locale: 'uk' });
    const res = await client.form('/account/privacy/restriction', { reason: 'Неправильне імʼя' });
    expect(res.status).toBe(303);
    const text = textOf(await (await client.get('/account/privacy')).text());
    expect(text).toContain('«Неправильне імʼя»');
    expect(text).not.toMatch(/[“”„]/);
  });
});
