import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import { signedInPerson } from '../helpers/accounts';
import type { Locale } from '../../src/i18n';

/** "Signed in on 2 device(s)" no more (issue 20, item 15): each language's plural forms. */
let ipSeq = 0;
const client = () => createClient(t, { ip: `203.0.113.${++ipSeq}` });
const t = useTestApp({ env: { TRUST_PROXY: '1' } });

/** A signed-in person with `count` live sessions: the real one and copies of it. */
async function withSessions(label: string, count: number, locale: Locale) {
  const { id, c } = await signedInPerson(t, label, client, { person: { locale } });
  const [session] = await t.db.select().from(sessions).where(eq(sessions.userId, id));
  for (let i = 1; i < count; i++)
    await t.db.insert(sessions).values({ ...session!, id: `${session!.id}${i}` });
  return c;
}

const sessionsLine = async (label: string, count: number, locale: Locale) => {
  const c = await withSessions(label, count, locale);
  const html = await (await c.get('/account')).text();
  return /<p>((?:Signed in on|Вхід виконано на|Вход выполнен на|Přihlášeno na) [^<]*)<\/p>/.exec(
    html,
  )?.[1];
};

describe('the overview counts devices in the person’s language', () => {
  it.each([
    [1, 'Signed in on 1 device.'],
    [2, 'Signed in on 2 devices.'],
    [11, 'Signed in on 11 devices.'],
  ])('English: %i', async (count, line) => {
    expect(await sessionsLine(`plural-en-${count}`, count, 'en')).toBe(line);
  });

  it.each([
    [1, 'Вхід виконано на 1 пристрої.'],
    [3, 'Вхід виконано на 3 пристроях.'],
    [5, 'Вхід виконано на 5 пристроях.'],
    [11, 'Вхід виконано на 11 пристроях.'],
    [21, 'Вхід виконано на 21 пристрої.'],
  ])('Ukrainian: %i', async (count, line) => {
    expect(await sessionsLine(`plural-uk-${count}`, count, 'uk')).toBe(line);
  });

  it.each([
    [1, 'Вход выполнен на 1 устройстве.'],
    [2, 'Вход выполнен на 2 устройствах.'],
    [5, 'Вход выполнен на 5 устройствах.'],
    [21, 'Вход выполнен на 21 устройстве.'],
    [22, 'Вход выполнен на 22 устройствах.'],
  ])('Russian: %i', async (count, line) => {
    expect(await sessionsLine(`plural-ru-${count}`, count, 'ru')).toBe(line);
  });

  it.each([
    [1, 'Přihlášeno na 1 zařízení.'],
    [2, 'Přihlášeno na 2 zařízeních.'],
    [5, 'Přihlášeno na 5 zařízeních.'],
    [22, 'Přihlášeno na 22 zařízeních.'],
  ])('Czech: %i', async (count, line) => {
    expect(await sessionsLine(`plural-cs-${count}`, count, 'cs')).toBe(line);
  });
});
