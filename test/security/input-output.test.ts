import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import {
  bearer,
  mailedToken,
  newPerson,
  problemType,
  read,
  registerRequest,
  signedInPerson,
  userByEmail,
  userById,
} from '../helpers/accounts';
import { assignToTeacher } from '../helpers/staff';
import { promises } from './promises';

/** SECURITY.md, "Input and output": one test per line. */
let ipSeq = 0;
const client = () =>
  createClient(t, { ip: `10.34.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}` });

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

async function signedIn(label: string, role: 'user' | 'staff' | 'admin' = 'user', overrides = {}) {
  const s = await signedInPerson(t, label, client, {
    person: overrides,
    role,
    signIn: { tokenInBody: true },
  });
  return { ...s, bearer: bearer(s.body.token!) };
}

describe('Input and output', () => {
  it(promises.validation, async () => {
    const admin = await signedIn('validator', 'admin');
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, unknown> };
            parameters?: { in: string; name: string }[];
          }
        >
      >;
    };
    // Every JSON body: an unknown field is named in a 400 problem, never ignored.
    let bodies = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!op.requestBody?.content['application/json']) continue;
        bodies++;
        const concrete = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await read(
          await admin.c.request(
            method.toUpperCase(),
            `/api/v1${concrete}`,
            { zzUnknownField: 1 },
            admin.bearer,
          ),
        );
        const label = `${method.toUpperCase()} ${path}`;
        expect(res.status, label).toBe(400);
        expect(res.headers.get('content-type'), label).toMatch(/^application\/problem\+json/);
        expect(res.body.errors?.length, label).toBeGreaterThan(0);
        // Wrong types too.
        const wrongType = await admin.c.request(
          method.toUpperCase(),
          `/api/v1${concrete}`,
          [{ email: 1 }],
          admin.bearer,
        );
        expect(wrongType.status, label).toBe(400);
      }
    }
    expect(bodies).toBeGreaterThan(20);
    const patchUnknown = await read(
      await admin.c.patch('/api/v1/me', { name: 'Fine', zzUnknownField: 1 }),
    );
    expect(patchUnknown.body.errors.map((e: { path: string }) => e.path).join()).toMatch(
      /zzUnknownField/,
    );

    // Queries and path parameters.
    for (const path of [
      '/api/v1/me/activity?limit=abc',
      '/api/v1/me/activity?limit=100000',
      '/api/v1/me/activity?before=yesterday',
      '/api/v1/me/export?format=exe',
      '/api/v1/staff/users?page=-1',
      '/api/v1/me/bookings/not-a-uuid/calendar',
      '/api/v1/staff/users/not-a-uuid',
    ]) {
      const res = await read(await admin.c.get(path));
      expect(res.status, path).toBe(400);
      expect(res.body.errors.length, path).toBeGreaterThan(0);
    }

    // The body size limit, for the API and for forms.
    const big = await read(await admin.c.patch('/api/v1/me', { goals: 'g'.repeat(70_000) }));
    expect(big.status).toBe(413);
    expect(big.body.type).toMatch(problemType('too-large'));
    expect(
      (await admin.c.form('/account/profile', { name: 'n', goals: 'g'.repeat(70_000) })).status,
    ).toBe(413);

    // Strings are length-limited.
    for (const [field, length] of [
      ['name', 101],
      ['phone', 33],
      ['videoHandle', 101],
      ['goals', 2001],
    ] as const) {
      const res = await read(await admin.c.patch('/api/v1/me', { [field]: '1'.repeat(length) }));
      expect(res.status, field).toBe(400);
      expect(res.body.errors[0].path, field).toBe(field);
    }
    expect(
      (await registerRequest(client(), newPerson('long', { name: 'n'.repeat(101) }))).status,
    ).toBe(400);
    expect((await admin.c.put('/api/v1/me/restriction', { reason: 'r'.repeat(1001) })).status).toBe(
      400,
    );
    expect(
      (
        await admin.c.post('/api/v1/staff/announcements', {
          list: 'news',
          subject: 's'.repeat(201),
          body: 'b',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await admin.c.post('/api/v1/auth/login', {
          email: `${'a'.repeat(250)}@example.com`,
          password: 'x'.repeat(600),
        })
      ).status,
    ).toBe(400);

    // Emails: trimmed, compatibility forms folded, the domain lower-cased; the local part kept.
    const messy = newPerson('messy');
    const typed = `  Olga.Koval.${Date.now()}@EXAMPLE.Com  `;
    expect((await registerRequest(client(), { ...messy, email: typed })).status).toBe(202);
    expect((await userByEmail(t, typed.trim()))!.email).toBe(
      `${typed.trim().split('@')[0]}@example.com`,
    );
    const wide = `ｏｌｅｎａ${Date.now()}@ＥＸＡＭＰＬＥ.ｃｏｍ`;
    expect((await registerRequest(client(), { ...newPerson('wide'), email: wide })).status).toBe(
      202,
    );
    expect((await userByEmail(t, wide.normalize('NFKC').toLowerCase()))!.email).toBe(
      wide.normalize('NFKC').replace(/@.*/, '@example.com'),
    );
    for (const bad of [
      'olga',
      'olga@',
      '@example.com',
      'ol ga@example.com',
      'olga@example..com',
      'olga@exa mple.com',
      'olga@example.com\r\nBcc: x@example.com',
      'olga@@example.com',
    ]) {
      const res = await read(await registerRequest(client(), { ...newPerson('bad'), email: bad }));
      expect(res.status, bad).toBe(400);
      expect(res.body.errors[0].path, bad).toBe('email');
    }
  });

  it(promises.html, async () => {
    const staff = await signedIn('html', 'staff');
    // Something to escape, shown on several pages.
    const evil = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'quoted'`;
    expect(
      (
        await staff.c.patch('/api/v1/me', {
          name: 'Evil Name',
          goals: evil,
          videoHandle: '"><svg onload=alert(1)>',
        })
      ).status,
    ).toBe(200);
    const pages = [
      '/',
      '/register',
      '/login',
      '/forgot-password',
      '/privacy',
      '/cookies',
      '/account',
      '/account/profile',
      '/account/security',
      '/account/privacy',
      '/account/subscriptions',
      '/account/bookings',
      '/staff',
      `/staff/users/${staff.id}`,
    ];
    const anonymous = ['/', '/register', '/login', '/forgot-password', '/privacy', '/cookies'];
    for (const path of pages) {
      const res = await (anonymous.includes(path) ? createClient(t) : staff.c).get(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([k, ...v]) => [k, v]),
      );
      expect(directives['default-src'], path).toEqual(["'self'"]);
      const nonce = (directives['script-src'] ?? [])
        .find((s: string) => s.startsWith("'nonce-"))
        ?.slice(7, -1);
      expect(nonce, `${path}: script-src needs a nonce`).toMatch(/^[A-Za-z0-9+/=_-]{16,}$/);
      expect(directives['script-src'], path).not.toContain("'unsafe-inline'");
      expect(directives['script-src'], path).not.toContain("'unsafe-eval'");
      expect(directives['frame-ancestors'], path).toEqual(["'none'"]);
      expect(directives['object-src'], path).toEqual(["'none'"]);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toMatch(
        /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
      );
      // Every script carries this response's nonce; no inline handlers, no javascript: URLs.
      for (const tag of html.match(/<script\b[^>]*>/gi) ?? [])
        expect(tag, path).toContain(`nonce="${nonce}"`);
      const handlers = (html.match(/<[a-z][^>]*>/gi) ?? []).filter((tag) =>
        /\son[a-z]+\s*=/i.test(tag.replace(/"[^"]*"|'[^']*'/g, '""')),
      );
      expect(handlers, path).toEqual([]);
      expect(html, path).not.toMatch(/(href|src|action)\s*=\s*["']?\s*javascript:/i);
      // What the person typed is escaped wherever it shows.
      expect(html, path).not.toContain('<script>alert');
      expect(html, path).not.toContain('<img src=x');
      expect(html, path).not.toContain('<svg onload');
    }
    const profile = await (await staff.c.get('/account/profile')).text();
    expect(profile).toContain('&lt;script&gt;alert(');
    // Nonces are fresh per response.
    const [a, b] = await Promise.all([
      createClient(t).get('/login'),
      createClient(t).get('/login'),
    ]);
    expect(a.headers.get('content-security-policy')).not.toBe(
      b.headers.get('content-security-policy'),
    );
  });

  it(promises.headerInjection, async () => {
    t.resend.reset();
    const injected = 'Evil\r\nBcc: victim@example.com\r\nX-Injected: 1';
    // A name with CR/LF at registration and in the profile, a booking title and an
    // announcement subject with CR/LF: whatever is accepted, no mail carries a line break in
    // a header, and nothing is sent to the injected address.
    const reg = await registerRequest(client(), newPerson('inject', { name: injected }));
    expect(reg.status).toBeLessThan(500);
    const person = await signedIn('inject-profile');
    const patch = await person.c.patch('/api/v1/me', { name: injected });
    expect(patch.status).toBeLessThan(500);
    await person.c.post('/api/v1/auth/password/forgot', { email: person.p.email });
    expect((await person.c.put('/api/v1/me/subscriptions/news', { subscribed: true })).status).toBe(
      200,
    );
    const optIn = await mailedToken(t, person.p.email, '/subscriptions/confirm');
    expect((await client().post('/api/v1/subscriptions/confirm', { token: optIn })).status).toBe(
      200,
    );
    const staff = await signedIn('inject-staff', 'staff');
    await assignToTeacher(t, staff.id, person.id);
    const booking = await staff.c.post('/api/v1/staff/bookings', {
      userId: person.id,
      title: 'Lesson\r\nBcc: victim@example.com',
      startsAt: '2031-03-10T10:00',
      endsAt: '2031-03-10T11:00',
      timeZone: 'Europe/Kyiv',
      location: 'Room\r\nX-Injected: 1',
    });
    expect(booking.status).toBeLessThan(500);
    const announcement = await staff.c.post('/api/v1/staff/announcements', {
      list: 'news',
      subject: 'News\r\nBcc: victim@example.com\nX-Injected: 1',
      body: 'Hello',
    });
    expect(announcement.status).toBeLessThan(500);
    await t.sendMail();

    const mails = t.resend.emails;
    expect(mails.length).toBeGreaterThanOrEqual(4);
    expect(mails.some((m) => m.to.includes(person.p.email) && m.subject.includes('News'))).toBe(
      true,
    );
    for (const mail of mails) {
      const label = `${mail.subject} → ${mail.to.join()}`;
      expect(mail.subject, label).not.toMatch(/[\r\n]/);
      expect(mail.from, label).not.toMatch(/[\r\n]/);
      expect(mail.to, label).toHaveLength(1);
      expect(mail.to[0], label).toMatch(/^[^\s<>]+@[^\s<>]+$/);
      for (const [name, value] of Object.entries(mail.headers ?? {})) {
        expect(`${name}: ${value}`, label).not.toMatch(/[\r\n]/);
        expect(name.toLowerCase(), label).not.toBe('bcc');
        expect(name.toLowerCase(), label).not.toBe('x-injected');
      }
    }
    expect(t.resend.to('victim@example.com')).toEqual([]);
    const stored = await userById(t, person.id);
    console.info(
      `a CR/LF name: registration ${reg.status}, profile ${patch.status} (stored ${JSON.stringify(stored!.name)}); booking ${booking.status}; announcement ${announcement.status}`,
    );
  });

  // Names reach mail subjects: every way a name comes in (registration form and API, profile)
  // refuses CR/LF and other control characters (personNameSchema in src/cabinet/profile.ts).
  it('a name with CR/LF or other control characters is refused at registration and in the profile', async () => {
    expect(
      (
        await registerRequest(
          client(),
          newPerson('crlf', { name: 'Evil\r\nBcc: victim@example.com' }),
        )
      ).status,
    ).toBe(400);
    expect(
      (await registerRequest(client(), newPerson('bell', { name: 'Bell\u0007Name' }))).status,
    ).toBe(400);
    const person = await signedIn('crlf-profile');
    expect(
      (await person.c.patch('/api/v1/me', { name: 'Evil\r\nBcc: victim@example.com' })).status,
    ).toBe(400);
  });
});
