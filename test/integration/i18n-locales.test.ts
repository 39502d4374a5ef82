import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { emailOutbox, users } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import {
  newPerson,
  outboxOf,
  registerAndVerify,
  signedInPerson,
  userById,
} from '../helpers/accounts';
import { t as say } from '../../src/i18n';
import { exportCs } from '../../src/i18n/cs/export';
import { signedInAdmin } from './privacy-fixtures';
import { exportCatalogues, heading } from '../../src/privacy/csv-layout';

/** Issue 22: Russian and Czech beside English and Ukrainian, and a school's own subset. */
let ipSeq = 0;
const headerOf = (language: string) => ({ headers: { 'accept-language': language } });

describe('a new visitor, all four languages offered', () => {
  const t = useTestApp({ env: { TRUST_PROXY: '1' } });
  const client = () => createClient(t, { ip: `198.51.100.${++ipSeq}` });

  it.each([
    ['cs-CZ,cs;q=0.9,en;q=0.5', 'cs', say('cs', 'home.register')],
    ['ru-RU,ru;q=0.9', 'ru', say('ru', 'home.register')],
    ['de,uk;q=0.5', 'uk', say('uk', 'home.register')],
    ['fr', 'en', 'Create an account'],
  ])('Accept-Language: %s gets <html lang="%s">', async (language, locale, text) => {
    const html = await (await client().get('/', headerOf(language))).text();
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain(text);
  });

  it('is offered every other language by its own name', async () => {
    const html = await (await client().get('/', headerOf('cs'))).text();
    for (const [code, name] of [
      ['en', 'English'],
      ['uk', 'Українська'],
      ['ru', 'Русский'],
    ]) {
      expect(html).toContain(`value="${code}" class="link-button lang-switch">`);
      expect(html).toContain(`<span lang="${code}">${name}</span>`);
    }
    expect(html).not.toContain('value="cs" class="link-button lang-switch"');
  });

  it('keeps the language chosen in the switcher over Accept-Language', async () => {
    const c = client();
    await c.form('/lang', { locale: 'ru', next: '/' });
    expect(await (await c.get('/', headerOf('cs'))).text()).toContain('<html lang="ru">');
  });

  it('mails a Russian account in Russian, whatever the request’s language', async () => {
    const p = newPerson('ru-mail', { locale: 'ru' });
    const id = await registerAndVerify(t, client(), p);
    const [verify] = await outboxOf(t, id, 'verify-email');
    expect(verify!.locale).toBe('ru');
    expect(verify!.subject).toBe(say('ru', 'mail.verify.subject', { school: 'Accounts' }));

    await client().post('/api/v1/auth/password/forgot', { email: p.email }, headerOf('en'));
    const [reset] = await outboxOf(t, id, 'reset-password');
    expect(reset!.locale).toBe('ru');
    expect(reset!.subject).toBe(say('ru', 'mail.reset.subject'));
    expect(reset!.html).toContain('<html lang="ru"');
    expect(reset!.text).toMatch(/[а-яё]{4}/);
  });

  it('writes to a new visitor in the language the page was shown in', async () => {
    const p = newPerson('cs-register');
    const body = { ...p, acceptPrivacyPolicy: true, confirmAge: true };
    const res = await client().post('/api/v1/auth/register', body, headerOf('cs'));
    expect(res.status).toBe(202);
    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, p.email));
    expect(mail!.locale).toBe('cs');
    expect(mail!.subject).toBe(say('cs', 'mail.verify.subject', { school: 'Accounts' }));
  });

  it.each([
    ['ru', 'Неверный адрес почты или пароль'],
    ['cs', 'E-mail nebo heslo není správné'],
    ['en', 'The email or password is not right'],
  ])('titles API problems in %s', async (language, title) => {
    const res = await client().post(
      '/api/v1/auth/login',
      { email: 'nobody@example.com', password: 'not the password at all' },
      headerOf(language),
    );
    expect(res.status).toBe(401);
    expect(((await res.json()) as { title: string }).title).toBe(title);
  });

  it('takes Russian and Czech in the profile', async () => {
    const { id, c } = await signedInPerson(t, 'profile-cs', client);
    expect((await c.form('/account/profile', { locale: 'cs' })).status).toBe(303);
    expect((await userById(t, id))?.locale).toBe('cs');
    const page = await (await c.get('/account/profile', headerOf('en'))).text();
    expect(page).toContain('<html lang="cs">');
    expect(page).toMatch(/<option value="ru"[^>]*>Русский<\/option>/);
  });
});

describe('a school offering English and Ukrainian, Ukrainian first', () => {
  const t = useTestApp({
    env: { TRUST_PROXY: '1', SUPPORTED_LOCALES: 'en,uk', DEFAULT_LOCALE: 'uk' },
  });
  const client = () => createClient(t, { ip: `198.51.100.${++ipSeq}` });

  it('answers Czech and Russian visitors in the default, and English ones in English', async () => {
    expect(await (await client().get('/', headerOf('cs'))).text()).toContain('<html lang="uk">');
    expect(await (await client().get('/', headerOf('ru,en;q=0.5'))).text()).toContain(
      '<html lang="en">',
    );
  });

  it('offers only its languages in the switcher and the profile', async () => {
    const html = await (await client().get('/', headerOf('uk'))).text();
    expect(html).toContain('<span lang="en">English</span>');
    expect(html).not.toMatch(/Русский|Čeština/);
    const { c } = await signedInPerson(t, 'subset', client, { person: { locale: 'uk' } });
    const profile = await (await c.get('/account/profile')).text();
    expect(profile).toContain('<option value="en"');
    expect(profile).not.toMatch(/<option value="(ru|cs)"/);
  });

  it('ignores a switch to a language it does not offer', async () => {
    const c = client();
    await c.form('/lang', { locale: 'cs', next: '/' });
    expect(await (await c.get('/', headerOf('uk'))).text()).toContain('<html lang="uk">');
  });

  it('refuses, through the API, a language it does not offer', async () => {
    const { id, c } = await signedInPerson(t, 'api-subset', client, { person: { locale: 'uk' } });
    const res = await c.patch('/api/v1/me', { locale: 'cs' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(body.errors).toEqual([{ path: 'locale', message: expect.stringContaining('en, uk') }]);
    expect((await userById(t, id))?.locale).toBe('uk');
    expect((await c.patch('/api/v1/me', { locale: 'en' })).status).toBe(200);

    const p = newPerson('api-subset-ru', { locale: 'ru' });
    const reg = await client().post('/api/v1/auth/register', {
      ...p,
      acceptPrivacyPolicy: true,
      confirmAge: true,
    });
    expect(reg.status).toBe(400);
    const [nothing] = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, p.email));
    expect(nothing).toBeUndefined();
  });

  it('sends the policy notice in its default to someone whose language it stopped offering', async () => {
    const p = newPerson('dropped-cs-policy', { locale: 'uk' });
    const id = await registerAndVerify(t, client(), p);
    await t.db.update(users).set({ locale: 'cs' }).where(eq(users.id, id));
    const admin = await signedInAdmin(t);
    const published = await admin.client.post('/api/v1/admin/policies', {
      kind: 'privacy',
      version: '3.0',
      summary: 'Longer lesson notes.',
      body: 'Full text.',
      effectiveAt: new Date(t.clock.now().getTime() + 31 * 86_400_000).toISOString(),
    });
    expect(published.status).toBe(201);
    const [notice] = await outboxOf(t, id, 'policy-notice');
    expect(notice!.locale).toBe('uk');
    expect(notice!.subject).toMatch(/^Наша політика конфіденційності змінюється /);
  });

  it('mails someone whose language it stopped offering in its default', async () => {
    const p = newPerson('dropped-ru', { locale: 'uk' });
    const id = await registerAndVerify(t, client(), p);
    await t.db.update(users).set({ locale: 'ru' }).where(eq(users.id, id));
    await client().post('/api/v1/auth/password/forgot', { email: p.email });
    const [reset] = await outboxOf(t, id, 'reset-password');
    expect(reset!.locale).toBe('uk');
    expect(reset!.subject).toBe(say('uk', 'mail.reset.subject'));
  });
});

describe('the data export in Russian and Czech', () => {
  it('heads the columns for people in the reader’s language', () => {
    expect(heading('ru', 'profile', 'email')).toBe('Электронная почта');
    expect(heading('cs', 'profile', 'locale')).toBe(exportCs.headings.locale);
    expect(exportCatalogues.ru.codes.locale.cs).toBe('чешский');
    expect(exportCatalogues.cs.codes.locale.ru).toBe('ruština');
  });
});

describe('a school keeping IP addresses 1 day and idle accounts 32 days', () => {
  const t = useTestApp({
    env: { TRUST_PROXY: '1', IP_RETENTION_DAYS: '1', INACTIVE_ACCOUNT_DAYS: '32' },
  });
  const client = () => createClient(t, { ip: `198.51.100.${++ipSeq}` });

  it.each([
    ['en', 'removed after 1 day.', 'then 32 days after'],
    ['uk', 'видаляються через 1 день.', 'і ще 32 дні після'],
    ['ru', 'удаляются через 1 день.', 'и еще 32 дня после'],
    ['cs', 'po uplynutí 1 dne.', 'a poté 32 dní od'],
  ])(
    'says each period in its plural form on the cabinet’s privacy page, in %s',
    async (locale, ip, inactive) => {
      const { c } = await signedInPerson(t, `days-${locale}`, client, {
        person: { locale: locale as 'en' },
      });
      const html = await (await c.get('/account/privacy')).text();
      expect(html).toContain(ip);
      expect(html).toContain(inactive);
    },
  );
});
