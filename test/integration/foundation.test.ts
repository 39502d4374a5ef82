import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';

const t = useTestApp();

describe('ops', () => {
  it('answers /healthz and /readyz once migrated', async () => {
    expect((await t.app.request('/healthz')).status).toBe(200);
    const ready = await t.app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('applied every migration, the seeded policy included', async () => {
    const rows = await t.db.execute(sql`select count(*)::int as n from policy_versions`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
      n: number;
    }[];
    expect(list[0]!.n).toBe(1);
  });

  it('applied the latest migration too: accounts have a nullable time zone', async () => {
    const rows = await t.db.execute(
      sql`select is_nullable, data_type from information_schema.columns where table_name = 'users' and column_name = 'time_zone'`,
    );
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
      is_nullable: string;
      data_type: string;
    }[];
    expect(list).toEqual([{ is_nullable: 'YES', data_type: 'text' }]);
  });
});

describe('problem+json', () => {
  it('answers unknown API routes with a 404 problem', async () => {
    const res = await t.app.request('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await res.json();
    expect(body).toMatchObject({ status: 404, title: 'Not found' });
    expect(body.type).toMatch(/\/problems\/not-found$/);
  });

  it('turns validation failures into 400 with field errors, unknown fields included', async () => {
    const client = createClient(t);
    const res = await client.post('/api/v1/auth/login', {
      email: 'not-an-email',
      password: 'x',
      admin: true,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await res.json();
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['email']),
    );
    expect(JSON.stringify(body.errors)).toMatch(/admin/);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers a non-JSON body with 415 problem', async () => {
    const res = await t.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await t.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(100_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('renders a friendly HTML page for unknown pages', async () => {
    const res = await t.app.request('/no-such-page');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('Page not found');
  });
});

describe('security headers', () => {
  it('sends a strict CSP with a fresh nonce per response and the usual headers', async () => {
    const a = await t.app.request('/');
    const b = await t.app.request('/');
    const csp = a.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(csp).not.toBe(b.headers.get('content-security-policy'));
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    expect(a.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(a.headers.get('x-request-id')).toBeTruthy();
  });

  it('never repeats a nonce, also past a refill of the random pool (256 nonces per draw)', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const csp = (await t.app.request('/privacy')).headers.get('content-security-policy')!;
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)![1]!;
      expect(nonce).toHaveLength(24); // 16 random bytes
      seen.add(nonce);
    }
    expect(seen.size).toBe(300);
  });
});

describe('pages', () => {
  it('renders the start page in English and Ukrainian by Accept-Language', async () => {
    const en = await t.app.request('/', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(await en.text()).toMatch(/<html lang="en"[\s\S]*Create an account/);
    const uk = await t.app.request('/', {
      headers: { 'accept-language': 'uk-UA,uk;q=0.9,en;q=0.5' },
    });
    expect(await uk.text()).toMatch(/<html lang="uk"[\s\S]*Створити обліковий запис/);
  });

  it('switches language with the switcher, kept in a cookie', async () => {
    const client = createClient(t);
    const res = await client.form('/lang', { locale: 'uk', next: '/privacy' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/privacy');
    const page = await client.get('/privacy');
    expect(await page.text()).toContain('Що ми зберігаємо');
  });

  it('never redirects the switcher off-site', async () => {
    const res = await createClient(t).form('/lang', { locale: 'en', next: '//evil.example/x' });
    expect(res.headers.get('location')).toBe('/');
  });

  it('shows the privacy page with the policy in force and the cookie page', async () => {
    const privacy = await (await t.app.request('/privacy')).text();
    expect(privacy).toContain('Policy version 1.0');
    expect(privacy).toContain('argon2id');
    const cookies = await (await t.app.request('/cookies')).text();
    expect(cookies).toContain('<code>session</code>');
  });

  it('publishes the OpenAPI document and its reference page', async () => {
    const doc = await (await t.app.request('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/auth/login', '/auth/register', '/me']),
    );
    const page = await (await t.app.request('/api/docs')).text();
    expect(page).toContain('/auth/register');
  });
});

describe('a form-result address opened again', () => {
  // Reloading, or following history back to, the address a form posted to must show the form
  // again, not a bare "not found": that address only takes the POST.
  it('sends a GET of a POST-only page path to the page that holds its form', async () => {
    for (const [path, page] of [
      ['/account/privacy/restriction/lift', '/account/privacy'],
      ['/account/privacy/restriction', '/account/privacy'],
      ['/account/subscriptions/news/subscribe', '/account/subscriptions'],
      [
        '/staff/users/00000000-0000-4000-8000-000000000000/payments',
        '/staff/users/00000000-0000-4000-8000-000000000000',
      ],
      ['/staff/team/grant', '/staff/team'],
      ['/logout', '/'],
    ] as const) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toBe(page);
    }
  });

  it('still answers an address no form posts to with the styled 404 page', async () => {
    for (const path of [
      '/account/privacy/nothing-here',
      '/no-such-page/restriction',
      // Decoded, this would put CR/LF into the Location header: a 500 before.
      '/staff/users/%0D%0ASet-Cookie:%20a=b/payments',
      '/staff/users/%5Cevil.example/payments',
    ]) {
      const res = await t.app.request(path, { headers: { 'accept-language': 'uk' } });
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html).toMatch(/<html lang="uk"/);
      expect(html).toContain('href="/"');
    }
  });
});
