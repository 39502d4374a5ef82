import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createNodeLogger, chooseLogFormat } from '../../src/platform/logger.node.ts';
import { createJsonLogger, redact, type Logger } from '../../src/platform/logger';
import { createClient } from '../helpers/client';
import { useTestApp } from '../helpers/use-test-app';
import {
  mailedToken,
  newPerson,
  read,
  registerRequest,
  signIn,
  userByEmail,
} from '../helpers/accounts';

/**
 * The log must never hold a secret: every auth route is driven with real secrets (passwords,
 * emailed tokens, session tokens in cookies and bearer headers, addresses) through the
 * production logger (pino, JSON), and the captured output is searched for each of them.
 */
let output = '';
let log: Logger;
const secrets = new Set<string>();
const keep = (...values: (string | undefined | null)[]) =>
  values.forEach((v) => v && secrets.add(v));

const t = useTestApp(async () => {
  log = await createNodeLogger({
    level: 'debug',
    format: 'json',
    destination: { write: (s: string) => void (output += s) },
  });
  return { log };
});

const lines = () =>
  output
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const sessionCookies = (c: ReturnType<typeof createClient>) => [...c.jar.values()];

describe('structured logs', () => {
  it('writes one JSON line per request: request id, method, route pattern, status, duration', async () => {
    const before = output.length;
    await t.app.request('/verify-email?token=abcdefghijklmnopqrstuvwxyz234567');
    const line = JSON.parse(output.slice(before).trim().split('\n').at(-1)!);
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      route: '/verify-email',
      status: 400,
    });
    expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof line.durationMs).toBe('number');
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(output.slice(before)).not.toContain('abcdefghijklmnopqrstuvwxyz234567');
  });

  it('finds no password, token, session cookie or address after every auth route has seen them', async () => {
    const api = createClient(t);
    const page = createClient(t);
    const p = newPerson('log-api');
    const q = newPerson('log-page');
    const newPassword = 'lantern orchard velvet 42 quietly';
    const newerPassword = 'harbour kettle mosaic 17 gently';
    const newEmail = `moved.${Date.now()}@example.org`;
    const wrong = 'not my password at all, sorry 9';
    keep(
      p.email,
      p.password,
      p.name,
      q.email,
      q.password,
      q.name,
      newPassword,
      newerPassword,
      newEmail,
      wrong,
    );

    // Register: API and the page form.
    expect((await registerRequest(api, p)).status).toBe(202);
    const pageRegister = await page.form('/register', {
      name: q.name,
      email: q.email,
      password: q.password,
      acceptPrivacyPolicy: 'true',
      confirmAge: 'true',
    });
    expect(pageRegister.status).toBe(200);

    // Verify: the emailed link opened (GET with ?token=), then the API and the page form.
    const verifyP = await mailedToken(t, p.email, '/verify-email');
    const verifyQ = await mailedToken(t, q.email, '/verify-email');
    keep(verifyP, verifyQ);
    await t.app.request(`/verify-email?token=${verifyP}`);
    expect(
      (await api.post('/api/v1/auth/verify-email', { token: verifyP, password: p.password }))
        .status,
    ).toBe(200);
    expect(
      (await page.form('/verify-email', { token: verifyQ, password: q.password })).status,
    ).toBe(303);

    // Sign in: wrong and right passwords, API (token in the body) and page form (cookie).
    expect((await api.post('/api/v1/auth/login', { email: p.email, password: wrong })).status).toBe(
      401,
    );
    expect((await page.form('/login', { email: q.email, password: wrong })).status).toBe(401);
    const body = await signIn(api, p, { tokenInBody: true });
    keep(body.token);
    expect((await page.form('/login', { email: q.email, password: q.password })).status).toBe(303);
    keep(...sessionCookies(api), ...sessionCookies(page));

    // Bearer and cookie requests, good and bad credentials.
    const bearerHeaders = { authorization: `Bearer ${body.token}` };
    expect((await t.app.request('/api/v1/me', { headers: bearerHeaders })).status).toBe(200);
    const forged = 'forgedforgedforgedforged.forgedforgedforgedforged';
    keep(forged);
    expect(
      (await t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${forged}` } }))
        .status,
    ).toBe(401);
    expect(
      (await t.app.request('/api/v1/me', { headers: { cookie: `session=${forged}` } })).status,
    ).toBe(401);
    expect((await page.get('/account')).status).toBe(200);

    // Re-auth: wrong, then right (API and page).
    expect((await api.post('/api/v1/auth/reauth', { password: wrong })).status).toBe(401);
    expect((await api.post('/api/v1/auth/reauth', { password: p.password })).status).toBe(204);
    expect((await page.form('/reauth', { password: q.password })).status).toBe(303);
    keep(...sessionCookies(api), ...sessionCookies(page));

    // Password change (API and page).
    expect(
      (await api.post('/api/v1/me/password', { currentPassword: p.password, newPassword })).status,
    ).toBe(204);
    expect(
      (
        await page.form('/account/security/password', {
          currentPassword: q.password,
          newPassword: newerPassword,
          confirmPassword: newerPassword,
        })
      ).status,
    ).toBeLessThan(500);
    keep(...sessionCookies(api), ...sessionCookies(page));

    // Email change: request, the emailed link opened, confirmed; the old address gets "not me".
    expect((await api.post('/api/v1/auth/reauth', { password: newPassword })).status).toBe(204);
    keep(...sessionCookies(api));
    expect((await api.post('/api/v1/me/email', { newEmail })).status).toBe(202);
    const confirm = await mailedToken(t, newEmail, '/account/email/confirm');
    keep(confirm);
    await t.app.request(`/account/email/confirm?token=${confirm}`);
    expect(
      (await createClient(t).post('/api/v1/me/email/confirm', { token: confirm })).status,
    ).toBe(200);
    const notMe = await mailedToken(t, p.email, '/not-me');
    keep(notMe);
    await t.app.request(`/not-me?token=${notMe}`);
    expect((await createClient(t).post('/api/v1/auth/not-me', { token: notMe })).status).toBe(200);

    // Reset: requested (API and page), the link opened, used (API and page).
    // Reset: "not me" put the old address back and mailed it a reset link, used on the page;
    // then requested (API and page form) and used through the API.
    const resetP = await mailedToken(t, p.email, '/reset-password');
    await t.app.request(`/reset-password?token=${resetP}`);
    const pagePassword = 'pebble frost canyon 31 brightly';
    expect(
      (await createClient(t).form('/reset-password', { token: resetP, password: pagePassword }))
        .status,
    ).toBe(303);
    expect(
      (await createClient(t).form('/forgot-password', { email: p.email })).status,
    ).toBeLessThan(400);
    expect(
      (await createClient(t).post('/api/v1/auth/password/forgot', { email: q.email })).status,
    ).toBe(202);
    const resetQ = await mailedToken(t, q.email, '/reset-password');
    const apiPassword = 'meadow lantern copper 88 slowly';
    const reset = await read(
      await createClient(t).post('/api/v1/auth/password/reset', {
        token: resetQ,
        password: apiPassword,
      }),
    );
    expect(reset.status, JSON.stringify(reset.body)).toBe(204);
    keep(
      resetP,
      resetQ,
      pagePassword,
      apiPassword,
      ...t.resend
        .to(p.email)
        .flatMap((m) => m.text?.match(/token=([a-z2-7]+)/g) ?? [])
        .map((m) => m.slice(6)),
    );

    // What an unhandled error would log: the error handler's own fields, secrets inside.
    expect(await userByEmail(t, p.email)).not.toBeNull();
    const err = Object.assign(
      new Error(
        `duplicate key: Key (lower(email))=(${newEmail}) for /reset-password?token=${resetQ}`,
      ),
      {
        code: '23505',
        detail: `Key (lower(email))=(${newEmail}) already exists.`,
      },
    );
    log.error(
      {
        requestId: 'probe',
        err,
        headers: { cookie: `session=${body.token}`, authorization: `Bearer ${body.token}` },
        body: { email: newEmail, password: newPassword, token: confirm },
      },
      'probe',
    );

    expect(output.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(output, `the log holds ${secret}`).not.toContain(secret);
    expect(output).not.toMatch(/token=[a-z2-7]/);

    // And it did log: each route by its pattern, the probe redacted but still useful.
    const routes = new Set(
      lines().map((l) => `${String(l.method)} ${String(l.route)} ${String(l.status)}`),
    );
    for (const expected of [
      'POST /api/v1/auth/register 202',
      'POST /api/v1/auth/login 401',
      'POST /api/v1/auth/login 200',
      'POST /login 303',
      'POST /api/v1/auth/reauth 204',
      'POST /api/v1/me/password 204',
      'POST /api/v1/me/email/confirm 200',
      'POST /api/v1/auth/not-me 200',
      'GET /reset-password 200',
      'POST /api/v1/auth/password/reset 204',
      'GET /api/v1/me 401',
    ])
      expect(routes).toContain(expected);
    const probe = lines().find((l) => l.msg === 'probe')!;
    expect(probe.err).toMatchObject({ name: 'Error', code: '23505' });
    expect(String((probe.err as { message: string }).message)).toContain('[email]');
    expect(probe.headers).toEqual({ cookie: '[redacted]', authorization: '[redacted]' });
    expect(probe.body).toEqual({
      email: '[redacted]',
      password: '[redacted]',
      token: '[redacted]',
    });
    console.info(`${lines().length} log lines, ${secrets.size} secrets, none found`);
  });
});

describe('redaction rules (the one place: src/platform/logger.ts)', () => {
  it('scrubs secrets by key at any depth and by shape inside strings, keeping counts', () => {
    expect(
      redact({
        a: {
          b: {
            password: 'x',
            newPassword: 'y',
            sessionToken: 't',
            apiKey: 'k',
            otp: '123456',
            code: 654321,
          },
        },
        list: [{ Cookie: 'session=abc' }],
        text: 'mail to olena@example.com failed, see /verify-email?token=abcdefghijklmnopqrstuvwx&x=1 with Bearer aaa.bbb',
        results: { 'purge-expired': { sessions: 2, tokens: 5 } },
      }),
    ).toEqual({
      a: {
        b: {
          password: '[redacted]',
          newPassword: '[redacted]',
          sessionToken: '[redacted]',
          apiKey: '[redacted]',
          otp: '[redacted]',
          code: '[redacted]',
        },
      },
      list: [{ Cookie: '[redacted]' }],
      text: 'mail to [email] failed, see /verify-email?token=[redacted]&x=1 with Bearer [redacted]',
      results: { 'purge-expired': { sessions: 2, tokens: 5 } },
    });
  });

  it('the console JSON logger (Workers) redacts the same way and honours the level', () => {
    const out: string[] = [];
    const console = createJsonLogger((l) => out.push(l), { level: 'warn' });
    console.info({ email: 'a@b.cz' }, 'hidden by the level');
    console.warn({ email: 'a@b.cz', note: 'from a@b.cz' }, 'shown');
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toMatchObject({
      level: 'warn',
      msg: 'shown',
      email: '[redacted]',
      note: 'from [email]',
    });
  });

  it('is human-readable in development: pretty on a terminal, JSON in production or when told', async () => {
    expect(chooseLogFormat({ isProduction: false }, true)).toBe('pretty');
    expect(chooseLogFormat({ isProduction: true }, true)).toBe('json');
    expect(chooseLogFormat({ isProduction: false }, false)).toBe('json');
    expect(chooseLogFormat({ isProduction: true, logFormat: 'pretty' }, false)).toBe('pretty');
    let pretty = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        pretty += String(chunk);
        done();
      },
    });
    const logger = await createNodeLogger({ format: 'pretty', destination: sink });
    logger.info({ route: '/login', password: 'hunter2hunter2' }, 'request');
    expect(pretty).toMatch(/INFO.*request/);
    expect(pretty).toContain('/login');
    expect(pretty).not.toContain('hunter2hunter2');
    expect(() => JSON.parse(pretty)).toThrow();
  });
});
