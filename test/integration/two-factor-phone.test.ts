import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/use-test-app';
import { createClient, type Client } from '../helpers/client';
import { read, signedInPerson } from '../helpers/accounts';
import { totpCodeAt } from '../../src/auth/two-factor/totp';

/**
 * Two-step sign-in on a phone (issue 20, item 9): the key opens the authenticator on the same
 * phone, the key and the recovery codes can be copied and the codes downloaded, the sign-in
 * code field fits both kinds of code, and opening a form-result path again shows the form.
 */
let ipSeq = 0;
const client = () => createClient(t, { ip: `198.51.100.${++ipSeq}` });
const minute = 60_000;
const t = useTestApp({ env: { TRUST_PROXY: '1' } });
const signedIn = (label: string) => signedInPerson(t, label, client);
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
const scriptTag = /<script type="module" src="\/assets\/copy-text\.js" nonce="[^"]+"><\/script>/;

/** Starting a set-up answers with a redirect to the page that shows it (post/redirect/get). */
async function setupPage(c: Client) {
  const started = await c.form('/account/security/2fa/setup', {});
  expect(started.status).toBe(303);
  expect(started.headers.get('location')).toBe('/account/security/2fa/setup');
  const res = await c.get('/account/security/2fa/setup');
  expect(res.status).toBe(200);
  const html = await res.text();
  const secret = /<code id="totp-secret"[^>]*>([A-Z2-7 ]+)<\/code>/
    .exec(html)![1]!
    .replace(/ /g, '');
  return { res, html, secret };
}

async function enrolWithPage(c: Client) {
  const { secret } = await setupPage(c);
  const done = await c.form('/account/security/2fa/enable', {
    code: totpCodeAt(secret, t.clock.now()),
  });
  expect(done.status).toBe(200);
  t.clock.advance(30_000);
  const html = await done.text();
  const codes = [...html.matchAll(/<li><code>([a-z2-7-]{19})<\/code><\/li>/g)].map((m) => m[1]!);
  expect(codes).toHaveLength(10);
  return { secret, html, res: done, codes };
}

describe('the authenticator setup page on a phone', () => {
  it('links the key as otpauth:// to open the app on this phone, and offers to copy the key', async () => {
    const { p, c } = await signedIn('phone-setup');
    const { res, html, secret } = await setupPage(c);
    const link = /<a href="(otpauth:[^"]+)"[^>]*id="totp-open-app"[^>]*>([^<]+)<\/a>/.exec(html);
    expect(link).not.toBeNull();
    const uri = new URL(unescape(link![1]!));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(decodeURIComponent(uri.pathname)).toContain(p.email);
    expect(link![2]).toBe('Open in the authenticator app on this phone');
    // The copy button copies the key without the spaces shown for reading; hidden without JS.
    expect(html).toMatch(
      new RegExp(
        `<button type="button" class="button small secondary copy-button" data-copy="${secret}" data-copied="Copied." data-failed="[^"]+" hidden="">Copy the key</button>`,
      ),
    );
    expect(html).toMatch(scriptTag);
    // A page holding a secret is not kept in caches.
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('offers the recovery codes to copy and to download as a text file, with the page not cached', async () => {
    const { p, c } = await signedIn('phone-codes');
    const { html, res, codes } = await enrolWithPage(c);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toMatch(scriptTag);
    const copy = /<button type="button"[^>]*data-copy="([^"]*)"[^>]*>Copy the codes<\/button>/.exec(
      html,
    );
    expect(copy).not.toBeNull();
    expect(copy![1]!.split('\n')).toEqual(codes);
    const download =
      /<a href="(data:text\/plain;charset=utf-8,[^"]+)" download="([^"]+)"[^>]*>Download as a text file<\/a>/.exec(
        html,
      );
    expect(download).not.toBeNull();
    expect(download![2]).toMatch(/^recovery-codes-[a-z0-9-]+\.txt$/);
    const text = decodeURIComponent(
      unescape(download![1]!).slice('data:text/plain;charset=utf-8,'.length),
    );
    for (const code of codes) expect(text).toContain(code);
    expect(text).toContain(p.email);
    expect(text).toContain(t.deps.config.schoolName);
  });

  it('offers the same on the page of regenerated codes', async () => {
    const { c } = await signedIn('phone-regen');
    await enrolWithPage(c);
    const res = await c.form('/account/security/2fa/recovery-codes', {});
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('>Copy the codes</button>');
    expect(html).toContain('>Download as a text file</a>');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('speaks Ukrainian', async () => {
    const { c } = await signedIn('phone-uk');
    expect((await c.patch('/api/v1/me', { locale: 'uk' })).status).toBe(200);
    const { html } = await setupPage(c);
    expect(html).toContain('Відкрити в застосунку-автентифікаторі на цьому телефоні');
    expect(html).toContain('Скопіювати ключ');
  });
});

describe('opening a two-step set-up path again (GET)', () => {
  it('shows the set-up in progress again, with the same key: a reload never makes a new one', async () => {
    const { c } = await signedIn('get-setup');
    const { secret } = await setupPage(c);
    for (let i = 0; i < 2; i++) {
      const again = await c.get('/account/security/2fa/setup');
      expect(again.status).toBe(200);
      expect(again.headers.get('cache-control')).toBe('no-store');
      expect(await again.text()).toContain(`>${secret.match(/.{4}/g)!.join(' ')}</code>`);
    }
  });

  it('without a set-up in progress, or once it is on, leads to the security page to start one', async () => {
    const { c } = await signedIn('get-setup-none');
    for (const path of [
      '/account/security/2fa/setup',
      '/account/security/2fa/enable',
      '/account/security/2fa/recovery-codes',
    ]) {
      const res = await c.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toMatch(/^\/account\/security(\/2fa\/setup)?#?/);
    }
    expect((await c.get('/account/security/2fa/setup')).headers.get('location')).toBe(
      '/account/security#two-factor',
    );
    await enrolWithPage(c);
    const on = await c.get('/account/security/2fa/setup');
    expect(on.status).toBe(303);
    expect(on.headers.get('location')).toBe('/account/security#two-factor');
  });

  it('after a wrong code and a reload of the enable path, the form comes back', async () => {
    const { c } = await signedIn('get-enable');
    const { secret } = await setupPage(c);
    expect((await c.form('/account/security/2fa/enable', { code: 'abc' })).status).toBe(400);
    const reload = await c.get('/account/security/2fa/enable');
    expect(reload.status).toBe(303);
    expect(reload.headers.get('location')).toBe('/account/security/2fa/setup');
    expect(await (await c.get('/account/security/2fa/setup')).text()).toContain(secret.slice(0, 4));
  });

  it('asks for a fresh proof of identity first, then comes back to the set-up', async () => {
    const { p, c } = await signedIn('get-setup-reauth');
    await setupPage(c);
    t.clock.advance(11 * minute);
    const res = await c.get('/account/security/2fa/setup');
    expect(res.status).toBe(303);
    const reauth = `/reauth?next=${encodeURIComponent('/account/security/2fa/setup')}`;
    expect(res.headers.get('location')).toBe(reauth);
    expect((await c.form(reauth, { password: p.password })).headers.get('location')).toBe(
      '/account/security/2fa/setup',
    );
    expect((await c.get('/account/security/2fa/setup')).status).toBe(200);
  });

  it('needs a session', async () => {
    const res = await client().get('/account/security/2fa/setup');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/login\?next=/);
  });
});

describe('the sign-in code field', () => {
  async function atCodeStep(label: string) {
    const { p, c } = await signedIn(label);
    const { codes, secret } = await enrolWithPage(c);
    const fresh = client();
    const form = await fresh.form('/login', { email: p.email, password: p.password });
    expect(form.headers.get('location')).toBe('/login/2fa');
    return { c: fresh, codes, secret };
  }
  const inputOf = (html: string) => /<input[^>]* name="code"[^>]*>/.exec(html)![0];

  it('asks for the app code with a digit keypad and one-time-code autofill, and links to a recovery-code field that takes letters', async () => {
    const { c, secret } = await atCodeStep('field-app');
    const html = await (await c.get('/login/2fa')).text();
    const input = inputOf(html);
    expect(input).toContain('autocomplete="one-time-code"');
    expect(input).toContain('inputmode="numeric"');
    expect(html).toContain(
      '<a href="/login/2fa?use=recovery-code">Use a recovery code instead</a>',
    );

    const recovery = await c.get('/login/2fa?use=recovery-code');
    expect(recovery.status).toBe(200);
    const rhtml = await recovery.text();
    const rinput = inputOf(rhtml);
    expect(rinput).toContain('inputmode="text"');
    expect(rinput).toContain('autocapitalize="off"');
    expect(rinput).toContain('spellcheck="false"');
    expect(rinput).not.toContain('inputmode="numeric"');
    expect(rhtml).toContain('<label for="f-code">Recovery code</label>');
    expect(rhtml).toContain('<a href="/login/2fa">Use a code from the app instead</a>');
    // The app code still works from the plain field.
    const ok = await c.form('/login/2fa', { code: totpCodeAt(secret, t.clock.now()) });
    expect(ok.status).toBe(303);
  });

  it('keeps the recovery-code field (and where to go next) after a wrong code, and signs in with a right one', async () => {
    const { c, codes } = await atCodeStep('field-recovery');
    const path = '/login/2fa?use=recovery-code&next=%2Faccount%2Fprivacy';
    const page = await (await c.get(path)).text();
    expect(page).toContain(`action="${path.replace(/&/g, '&amp;')}"`);
    const wrong = await c.form(path, { code: 'aaaa-bbbb-cccc-dddd' });
    expect(wrong.status).toBe(401);
    const html = await wrong.text();
    expect(inputOf(html)).toContain('inputmode="text"');
    expect(html).toContain('That code is not right');
    const ok = await c.form(path, { code: codes[0]!.toUpperCase() });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/account/privacy');
    expect((await read(await c.get('/api/v1/me'))).status).toBe(200);
  });
});
