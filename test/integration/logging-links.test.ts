import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeLogger } from '../../src/platform/logger.node.ts';
import { loadUnsubscribeKey } from '../../src/subscriptions/signing-key';
import { signUnsubscribeToken } from '../../src/subscriptions/unsubscribe-token';
import { createClient } from '../helpers/client';
import { openTestDatabase, usePostgres } from '../helpers/database';
import { startFakeResend } from '../helpers/fake-resend';
import { testSecretsKey } from '../helpers/test-app';
import { useTestApp } from '../helpers/use-test-app';
import { mailedToken, newPerson, signedInPerson } from '../helpers/accounts';
import { killAllServers, startServer, waitFor } from '../reliability/support';

/**
 * Every emailed link carries a live token in its query string. With a real mailer (the test
 * app sends through the Resend SDK), none of them may reach a log line: not while the mail is
 * sent, and not when the link is opened, by someone signed in or not, however the request
 * ends (the page, a redirect to sign in, a malformed or spent token).
 */
let output = '';
let ipSeq = 0;
const client = () => createClient(t, { ip: `203.0.113.${++ipSeq}` });

const t = useTestApp(async () => ({
  log: await createNodeLogger({
    level: 'debug',
    format: 'json',
    destination: { write: (s: string) => void (output += s) },
  }),
  env: { TRUST_PROXY: '1' },
}));
// Registered after useTestApp, so it runs first: the servers stop before the app closes.
afterAll(killAllServers);

describe('emailed links and the log', () => {
  it('no token from a mail reaches the log while it is sent or its link is opened', async () => {
    const { p, id, c } = await signedInPerson(t, 'links', client);
    const before = output.length;

    // The mails: a reset, a subscription to confirm, an address change, and after the reset
    // the "password changed" notice with its not-me link.
    expect((await client().post('/api/v1/auth/password/forgot', { email: p.email })).status).toBe(
      202,
    );
    const reset = await mailedToken(t, p.email, '/reset-password');
    expect((await c.put('/api/v1/me/subscriptions/news', { subscribed: true })).status).toBe(200);
    const subscribe = await mailedToken(t, p.email, '/subscriptions/confirm');
    const newEmail = `links.moved.${Date.now()}@example.org`;
    expect((await c.post('/api/v1/me/email', { newEmail })).status).toBe(202);
    const confirm = await mailedToken(t, newEmail, '/account/email/confirm');
    // What an announcement's List-Unsubscribe link carries.
    const unsubscribe = await signUnsubscribeToken(await loadUnsubscribeKey(t.db), {
      userId: id,
      list: 'news',
    });

    const links: [string, string][] = [
      ['/reset-password', reset],
      ['/subscriptions/confirm', subscribe],
      ['/account/email/confirm', confirm],
      ['/unsubscribe', unsubscribe],
      // A token of the wrong kind for the page.
      ['/verify-email', reset],
    ];
    for (const [path, token] of links) {
      const url = `${path}?token=${encodeURIComponent(token)}`;
      for (const who of [client(), c]) expect((await who.get(url)).status).toBeLessThan(500);
      // A spent or mangled token, and the same link with more in the query.
      expect((await client().get(`${url}x&utm_source=mail`)).status).toBeLessThan(500);
    }
    const newPassword = 'orchard lantern pebble 62 softly';
    expect(
      (await client().post('/api/v1/auth/password/reset', { token: reset, password: newPassword }))
        .status,
    ).toBe(204);
    const notMe = await mailedToken(t, p.email, '/not-me');
    for (const who of [client(), c])
      expect((await who.get(`/not-me?token=${notMe}`)).status).toBeLessThan(500);

    const logged = output.slice(before);
    // The requests were logged: the check below read real lines.
    expect(logged).toMatch(/"route":"\/reset-password"/);
    expect(logged).toMatch(/"route":"\/not-me"/);
    const tokens: [string, string][] = [
      ['reset', reset],
      ['subscription', subscribe],
      ['address change', confirm],
      ['unsubscribe', unsubscribe],
      ['not-me', notMe],
    ];
    for (const [what, token] of tokens) {
      expect(logged, `the ${what} token is in the log`).not.toContain(token);
      expect(logged, `the ${what} token is in the log`).not.toContain(encodeURIComponent(token));
    }
    expect(logged).not.toMatch(/token(=|%3D)/i);
  });
});

describe('the production server’s output', () => {
  it('holds no token from a mail it sent or a link it was sent', async () => {
    // The real entry point, as deployed: NODE_ENV=production (so Resend, never the dev
    // mailbox), its own logger on stdout, @hono/node-server and the mail timer.
    const resend = await startFakeResend();
    const db = usePostgres() ? await openTestDatabase() : null;
    const dataDir = await mkdtemp(join(tmpdir(), 'accounts-links-'));
    const appUrl = 'https://accounts.example.test';
    try {
      const server = await startServer({
        NODE_ENV: 'production',
        APP_URL: appUrl,
        RESEND_API_KEY: resend.apiKey,
        RESEND_BASE_URL: resend.url,
        SECRETS_KEY: testSecretsKey,
        LOG_LEVEL: 'debug',
        CONTROLLER_NAME: 'Example School Ltd',
        CONTROLLER_ADDRESS: '1 Example Street',
        CONTROLLER_EMAIL: 'privacy@example.org',
        SUPERVISORY_AUTHORITY: 'The data protection authority',
        SUPERVISORY_AUTHORITY_URL: 'https://dpa.example.org/',
        ...(db ? { DATABASE_URL: db.url! } : { DATA_DIR: dataDir }),
      });
      const p = newPerson('prod-links');
      const post = (path: string, body: unknown) =>
        server.fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: appUrl },
          body: JSON.stringify(body),
        });
      const linked = (path: string) =>
        waitFor(`a ${path} link mailed`, () => resend.lastLink(p.email, path), 15_000);
      expect(
        (await post('/api/v1/auth/register', { ...p, acceptPrivacyPolicy: true, confirmAge: true }))
          .status,
      ).toBe(202);
      const verify = await linked('/verify-email');
      expect((await post('/api/v1/auth/password/forgot', { email: p.email })).status).toBe(202);
      const reset = await linked('/reset-password');
      for (const link of [verify, reset]) {
        expect(link.url.startsWith(appUrl)).toBe(true);
        expect((await server.fetch(link.url.slice(appUrl.length))).status).toBeLessThan(500);
      }
      // Stopped, so everything it buffered is written.
      expect((await server.kill('SIGTERM')).code).toBe(0);
      const output = server.out.stdout + server.out.stderr;
      expect(output).toMatch(/"route":"\/reset-password"/);
      expect(output).toMatch(/"mail":"resend"/);
      for (const token of [verify.token, reset.token]) expect(output).not.toContain(token);
      expect(output).not.toMatch(/token(=|%3D)/i);
    } finally {
      await resend.close();
      await db?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
