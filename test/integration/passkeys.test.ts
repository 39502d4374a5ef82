import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, passkeys, users, webauthnChallenges } from '../../db/schema';
import { appUrl } from '../helpers/test-app';
import { useTestApp } from '../helpers/use-test-app';
import { createClient, type Client } from '../helpers/client';
import {
  mailedToken,
  outboxOf,
  problemType,
  read,
  setCookieFor,
  signedInPerson,
  signIn,
} from '../helpers/accounts';
import {
  createSoftCredential,
  softAssertion,
  type SoftCredential,
} from '../../src/passkeys/soft-authenticator';

let ipSeq = 0;
const client = () => createClient(t, { ip: `198.51.100.${++ipSeq}` });
const minute = 60_000;

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

const signedIn = (label: string) => signedInPerson(t, label, client);

/** Runs the registration ceremony with a software authenticator; returns the credential. */
async function addPasskey(
  c: Client,
  name?: string,
  overrides: Parameters<typeof createSoftCredential>[2] = {},
) {
  const options = await read(await c.post('/api/v1/me/passkeys/options'));
  expect(options.status).toBe(200);
  const made = await createSoftCredential(options.body, appUrl, overrides);
  const res = await read(
    await c.post(
      '/api/v1/me/passkeys',
      name ? { response: made.response, name } : { response: made.response },
    ),
  );
  return { ...made, res, options: options.body };
}

async function signInOptions(c: Client) {
  const res = await read(await c.post('/api/v1/auth/passkey/options'));
  expect(res.status).toBe(200);
  return res;
}

async function passkeySignIn(
  c: Client,
  cred: SoftCredential,
  overrides: Parameters<typeof softAssertion>[3] = {},
) {
  const options = await signInOptions(c);
  const response = await softAssertion(cred, options.body, appUrl, overrides);
  return { res: await read(await c.post('/api/v1/auth/passkey/verify', { response })), response };
}

describe('registration options', () => {
  it('use APP_URL for the RP, prefer resident keys and user verification, and exclude the passkeys already held', async () => {
    const { p, id, c } = await signedIn('reg-options');
    const first = await read(await c.post('/api/v1/me/passkeys/options'));
    expect(first.status).toBe(200);
    expect(first.body.rp).toEqual({ id: 'localhost', name: t.deps.config.schoolName });
    expect(first.body.user.name).toBe(p.email);
    expect(first.body.attestation).toBe('none');
    expect(first.body.authenticatorSelection).toMatchObject({
      residentKey: 'preferred',
      userVerification: 'preferred',
    });
    expect(first.body.excludeCredentials).toEqual([]);

    const added = await addPasskey(c, 'Laptop');
    expect(added.res.status).toBe(201);
    const again = await read(await c.post('/api/v1/me/passkeys/options'));
    expect(again.body.excludeCredentials).toEqual([
      { id: added.response.id, type: 'public-key', transports: ['internal'] },
    ]);
    expect(again.body.challenge).not.toBe(first.body.challenge);

    // Each challenge is a row bound to this session, expiring in 5 minutes.
    const [row] = await t.db
      .select()
      .from(webauthnChallenges)
      .where(eq(webauthnChallenges.challenge, again.body.challenge));
    expect(row).toMatchObject({ purpose: 'registration', userId: id, usedAt: null });
    expect(row!.sessionId).toBe(c.jar.get('session')!.split('.')[0]);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(5 * minute);
  });

  it('need a privileged session, and a signed-in one', async () => {
    const { c } = await signedIn('reg-privileged');
    t.clock.advance(11 * minute);
    const res = await read(await c.post('/api/v1/me/passkeys/options'));
    expect(res.status).toBe(403);
    expect(res.body.type).toMatch(problemType('reauth-required'));
    expect((await client().post('/api/v1/me/passkeys/options')).status).toBe(401);
  });
});

describe('adding a passkey', () => {
  it('stores the credential with its public key, counter, transports, device type, backup flag and name, and mails a notice with a not-me link', async () => {
    const { id, c } = await signedIn('reg-store');
    const added = await addPasskey(c, 'My phone', { backedUp: true });
    expect(added.res.status).toBe(201);
    expect(added.res.body).toMatchObject({
      name: 'My phone',
      deviceType: 'multiDevice',
      backedUp: true,
      transports: ['internal'],
      lastUsedAt: null,
    });
    expect(added.res.body).not.toHaveProperty('publicKey');
    const [row] = await t.db.select().from(passkeys).where(eq(passkeys.userId, id));
    expect(row).toMatchObject({
      credentialId: added.response.id,
      counter: 0,
      name: 'My phone',
      deviceType: 'multiDevice',
      backedUp: true,
    });
    expect(row!.publicKey).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const list = await read(await c.get('/api/v1/me/passkeys'));
    expect(list.body).toEqual([added.res.body]);
    const mails = await outboxOf(t, id, 'passkey-added');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('My phone');
    expect(mails[0]!.text).toMatch(/\/not-me\?token=/);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, id), eq(auditEvents.action, 'passkey.added')));
    expect(events).toHaveLength(1);
  });

  it('names the passkey after the browser when no name is given', async () => {
    const { c } = await signedIn('reg-default-name');
    const options = await read(await c.post('/api/v1/me/passkeys/options'));
    const made = await createSoftCredential(options.body, appUrl);
    const ua =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36';
    const res = await read(
      await c.post(
        '/api/v1/me/passkeys',
        { response: made.response },
        { headers: { 'user-agent': ua } },
      ),
    );
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('Chrome / Windows');
  });

  it('refuses a reused challenge, a challenge of another session, and one older than 5 minutes', async () => {
    const { p, c } = await signedIn('reg-challenge');
    const options = await read(await c.post('/api/v1/me/passkeys/options'));
    const made = await createSoftCredential(options.body, appUrl);
    expect((await c.post('/api/v1/me/passkeys', { response: made.response })).status).toBe(201);
    const replay = await read(await c.post('/api/v1/me/passkeys', { response: made.response }));
    expect(replay.status).toBe(400);
    expect(replay.body.type).toMatch(problemType('passkey-challenge-used'));

    // The same person signed in elsewhere cannot finish this session's ceremony.
    const other = client();
    await signIn(other, p);
    const mine = await read(await c.post('/api/v1/me/passkeys/options'));
    const elsewhere = await createSoftCredential(mine.body, appUrl);
    const foreign = await read(
      await other.post('/api/v1/me/passkeys', { response: elsewhere.response }),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.type).toMatch(problemType('passkey-challenge-unknown'));

    const late = await read(await c.post('/api/v1/me/passkeys/options'));
    const lateCred = await createSoftCredential(late.body, appUrl);
    t.clock.advance(5 * minute + 1000);
    const expired = await read(
      await c.post('/api/v1/me/passkeys', { response: lateCred.response }),
    );
    expect(expired.status).toBe(400);
    expect(expired.body.type).toMatch(problemType('passkey-challenge-expired'));
  });

  it('names a wrong origin or RP ID and says what APP_URL expects', async () => {
    const { c } = await signedIn('reg-origin');
    const wrongOrigin = await addPasskey(c, undefined, { origin: 'https://evil.example' });
    expect(wrongOrigin.res.status).toBe(400);
    expect(wrongOrigin.res.body.type).toMatch(problemType('passkey-origin-mismatch'));
    expect(wrongOrigin.res.body.detail).toContain('https://evil.example');
    expect(wrongOrigin.res.body.detail).toContain(appUrl);

    const wrongRp = await addPasskey(c, undefined, { rpId: 'evil.example' });
    expect(wrongRp.res.status).toBe(400);
    expect(wrongRp.res.body.type).toMatch(problemType('passkey-rp-id-mismatch'));
    expect(wrongRp.res.body.detail).toContain('localhost');
    expect((await read(await c.get('/api/v1/me/passkeys'))).body).toEqual([]);
  });

  it('validates the body: unknown fields, a missing response and an over-long name are 400', async () => {
    const { c } = await signedIn('reg-validate');
    expect(
      (await read(await c.post('/api/v1/me/passkeys', { response: {}, extra: 1 }))).status,
    ).toBe(400);
    expect((await read(await c.post('/api/v1/me/passkeys', {}))).status).toBe(400);
    const options = await read(await c.post('/api/v1/me/passkeys/options'));
    const made = await createSoftCredential(options.body, appUrl);
    const long = await read(
      await c.post('/api/v1/me/passkeys', { response: made.response, name: 'x'.repeat(101) }),
    );
    expect(long.status).toBe(400);
    expect(long.body.errors[0].path).toBe('name');
  });
});

describe('signing in with a passkey', () => {
  it('offers discoverable credentials, binds the challenge to a short HttpOnly cookie, and signs in like a password', async () => {
    const { id, c } = await signedIn('auth-ok');
    const { credential } = await addPasskey(c, 'Key');
    const browser = client();
    const options = await browser.post('/api/v1/auth/passkey/options');
    const body = await options.json();
    expect(body.rpId).toBe('localhost');
    expect(body.allowCredentials ?? []).toEqual([]);
    expect(body.userVerification).toBe('preferred');
    const cookie = setCookieFor(options, 'passkey-challenge')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Max-Age=300/);
    expect(cookie).toMatch(/SameSite=Strict/i);

    const response = await softAssertion(credential, body, appUrl);
    const verified = await browser.post('/api/v1/auth/passkey/verify', { response });
    expect(setCookieFor(verified, 'session')).toMatch(/HttpOnly/i);
    expect(setCookieFor(verified, 'passkey-challenge')).toMatch(/Max-Age=0/i); // spent
    const res = await read(verified);
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(id);
    expect((await read(await browser.get('/api/v1/me'))).body.id).toBe(id);

    const [row] = await t.db.select().from(passkeys).where(eq(passkeys.userId, id));
    expect(row!.counter).toBe(1);
    expect(row!.lastUsedAt).not.toBeNull();
    const signIns = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, id), eq(auditEvents.action, 'sign-in')));
    expect(signIns.map((e) => e.details)).toContainEqual({ method: 'passkey' });
  });

  it('returns the token in the body only when asked', async () => {
    const { c } = await signedIn('auth-token');
    const { credential } = await addPasskey(c);
    const browser = client();
    const options = await signInOptions(browser);
    const response = await softAssertion(credential, options.body, appUrl);
    const res = await read(
      await browser.post('/api/v1/auth/passkey/verify', { response, tokenInBody: true }),
    );
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/);
  });

  it('refuses a replayed assertion and a challenge used twice', async () => {
    const { c } = await signedIn('auth-replay');
    const { credential } = await addPasskey(c);
    const browser = client();
    const options = await signInOptions(browser);
    const challengeCookie = browser.jar.get('passkey-challenge')!;
    const response = await softAssertion(credential, options.body, appUrl);
    expect((await browser.post('/api/v1/auth/passkey/verify', { response })).status).toBe(200);

    // The attacker replays the captured answer with the captured cookie.
    const attacker = client();
    attacker.jar.set('passkey-challenge', challengeCookie);
    const replay = await read(await attacker.post('/api/v1/auth/passkey/verify', { response }));
    expect(replay.status).toBe(400);
    expect(replay.body.type).toMatch(problemType('passkey-challenge-used'));

    // …or with a fresh challenge of their own: it does not match what was signed.
    await signInOptions(attacker);
    const mismatch = await read(await attacker.post('/api/v1/auth/passkey/verify', { response }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.type).toMatch(problemType('passkey-challenge-unknown'));
  });

  it('refuses a missing or expired challenge', async () => {
    const { c } = await signedIn('auth-expired');
    const { credential } = await addPasskey(c);
    const browser = client();
    const options = await signInOptions(browser);
    const response = await softAssertion(credential, options.body, appUrl);
    const missing = await read(await client().post('/api/v1/auth/passkey/verify', { response }));
    expect(missing.status).toBe(400);
    expect(missing.body.type).toMatch(problemType('passkey-challenge-missing'));

    t.clock.advance(5 * minute + 1000);
    const expired = await read(await browser.post('/api/v1/auth/passkey/verify', { response }));
    expect(expired.status).toBe(400);
    expect(expired.body.type).toMatch(problemType('passkey-challenge-expired'));
    expect(expired.body.title).toMatch(/expired/);
  });

  it('names a wrong origin and a wrong RP ID', async () => {
    const { c } = await signedIn('auth-origin');
    const { credential } = await addPasskey(c);
    const origin = await passkeySignIn(client(), credential, { origin: 'http://localhost:4000' });
    expect(origin.res.status).toBe(400);
    expect(origin.res.body.type).toMatch(problemType('passkey-origin-mismatch'));
    expect(origin.res.body.detail).toBe(
      `The browser signed for http://localhost:4000; passkeys here work only at ${appUrl} (APP_URL).`,
    );

    const rp = await passkeySignIn(client(), credential, { rpId: 'example.org' });
    expect(rp.res.status).toBe(400);
    expect(rp.res.body.type).toMatch(problemType('passkey-rp-id-mismatch'));
  });

  it('refuses an assertion whose counter went backwards (a cloned authenticator) and records it', async () => {
    const { id, c } = await signedIn('auth-clone');
    const { credential } = await addPasskey(c);
    expect((await passkeySignIn(client(), credential, { counter: 5 })).res.status).toBe(200);
    const clone = await passkeySignIn(client(), credential, { counter: 3 });
    expect(clone.res.status).toBe(401);
    expect(clone.res.body.type).toMatch(problemType('passkey-counter-regression'));
    const same = await passkeySignIn(client(), credential, { counter: 5 });
    expect(same.res.body.type).toMatch(problemType('passkey-counter-regression'));
    const [row] = await t.db.select().from(passkeys).where(eq(passkeys.userId, id));
    expect(row!.counter).toBe(5);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, id), eq(auditEvents.action, 'passkey.counter-regression')));
    expect(events).toHaveLength(2);
    // A later, higher counter from the genuine authenticator still works.
    expect((await passkeySignIn(client(), credential, { counter: 6 })).res.status).toBe(200);
  });

  it('accepts counters that stay 0 (synced passkeys keep none)', async () => {
    const { c } = await signedIn('auth-zero');
    const { credential } = await addPasskey(c);
    expect((await passkeySignIn(client(), credential, { counter: 0 })).res.status).toBe(200);
    expect((await passkeySignIn(client(), credential, { counter: 0 })).res.status).toBe(200);
  });

  it('refuses a bad signature, an unknown credential and a removed one', async () => {
    const { c } = await signedIn('auth-bad');
    const { credential } = await addPasskey(c);
    const browser = client();
    const options = await signInOptions(browser);
    const response = await softAssertion(credential, options.body, appUrl);
    const sig = response.response.signature;
    response.response.signature = sig.slice(0, -4) + (sig.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const bad = await read(await browser.post('/api/v1/auth/passkey/verify', { response }));
    expect(bad.status).toBe(401);
    expect(bad.body.type).toMatch(problemType('passkey-invalid-signature'));

    const stranger = await createSoftCredential(
      { challenge: 'x', rp: { id: 'localhost' }, user: { id: 'AAAAAAAAAAAAAAAAAAAAAA' } },
      appUrl,
    );
    const unknown = await passkeySignIn(client(), stranger.credential);
    expect(unknown.res.status).toBe(401);
    expect(unknown.res.body.type).toMatch(problemType('passkey-unknown-credential'));

    const [only] = (await read(await c.get('/api/v1/me/passkeys'))).body;
    expect((await c.delete(`/api/v1/me/passkeys/${only.id}`)).status).toBe(204);
    const removed = await passkeySignIn(client(), credential);
    expect(removed.res.body.type).toMatch(problemType('passkey-unknown-credential'));
  });

  it('signs in during the deletion grace period (cancelling it), never after its date', async () => {
    const day = 24 * 60 * minute;
    const grace = t.deps.config.deletionGraceDays * day;
    const early = await signedIn('auth-grace');
    const { credential: earlyKey } = await addPasskey(early.c);
    expect((await early.c.delete('/api/v1/me')).status).toBe(202);
    const late = await signedIn('auth-past-due');
    const { credential: lateKey } = await addPasskey(late.c);
    expect((await late.c.delete('/api/v1/me')).status).toBe(202);
    const deletionOf = async (id: string) =>
      (await t.db.select().from(users).where(eq(users.id, id)))[0]?.deletionScheduledFor;

    t.clock.advance(grace - day);
    const inTime = await passkeySignIn(client(), earlyKey);
    expect(inTime.res.status).toBe(200);
    expect(await deletionOf(early.id)).toBeNull();

    // The date has passed; the purge job has not run yet.
    t.clock.advance(day + minute);
    const tooLate = await passkeySignIn(client(), lateKey);
    expect(tooLate.res.status).toBe(401);
    expect(tooLate.res.body.type).toMatch(problemType('passkey-unknown-credential'));
    expect(await deletionOf(late.id)).not.toBeNull();
    const cancelled = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, late.id), eq(auditEvents.action, 'deletion.cancelled')));
    expect(cancelled).toEqual([]);
  });
});

describe('managing passkeys', () => {
  it('renames and removes only the owner’s passkeys: another user’s id is 404', async () => {
    const a = await signedIn('own-a');
    const b = await signedIn('own-b');
    await addPasskey(a.c, 'A key');
    const [aKey] = (await read(await a.c.get('/api/v1/me/passkeys'))).body;
    expect(
      (await read(await b.c.patch(`/api/v1/me/passkeys/${aKey.id}`, { name: 'Mine now' }))).status,
    ).toBe(404);
    expect((await read(await b.c.delete(`/api/v1/me/passkeys/${aKey.id}`))).status).toBe(404);
    expect((await read(await b.c.delete('/api/v1/me/passkeys/not-a-uuid'))).status).toBe(404);
    expect((await read(await b.c.get('/api/v1/me/passkeys'))).body).toEqual([]);

    const renamed = await read(
      await a.c.patch(`/api/v1/me/passkeys/${aKey.id}`, { name: '  Desk key  ' }),
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Desk key');
    expect(
      (await read(await a.c.patch(`/api/v1/me/passkeys/${aKey.id}`, { name: '' }))).status,
    ).toBe(400);
  });

  it('removal needs a privileged session, mails a notice, and the last way to sign in stays (409)', async () => {
    const { id, c } = await signedIn('own-last');
    const one = await addPasskey(c, 'One');
    const two = await addPasskey(c, 'Two');
    await t.db.update(users).set({ passwordHash: null }).where(eq(users.id, id));

    t.clock.advance(11 * minute);
    const refused = await read(await c.delete(`/api/v1/me/passkeys/${one.res.body.id}`));
    expect(refused.status).toBe(403);
    expect(refused.body.type).toMatch(problemType('reauth-required'));

    // A passkey-only account re-authenticates with a passkey.
    await reauthWith(c, two.credential);
    expect((await c.delete(`/api/v1/me/passkeys/${one.res.body.id}`)).status).toBe(204);
    const last = await read(await c.delete(`/api/v1/me/passkeys/${two.res.body.id}`));
    expect(last.status).toBe(409);
    expect(last.body.type).toMatch(problemType('last-sign-in-method'));
    expect(await outboxOf(t, id, 'passkey-removed')).toHaveLength(1);
    expect(
      (await read(await c.get('/api/v1/me/passkeys'))).body.map((k: { name: string }) => k.name),
    ).toEqual(['Two']);
  });
});

async function reauthWith(c: Client, cred: SoftCredential) {
  const options = await read(await c.post('/api/v1/auth/reauth/passkey/options'));
  const response = await softAssertion(cred, options.body, appUrl);
  const res = await c.post('/api/v1/auth/reauth', { response });
  expect(res.status).toBe(204);
}

describe('re-authentication with a passkey', () => {
  it('makes the session privileged under a new cookie, with the person’s own passkey only', async () => {
    const { id, c } = await signedIn('reauth-passkey');
    const { credential } = await addPasskey(c, 'Mine');
    const other = await signedIn('reauth-other');
    const { credential: foreign } = await addPasskey(other.c, 'Theirs');

    t.clock.advance(11 * minute);
    expect((await c.post('/api/v1/me/passkeys/options')).status).toBe(403);

    const options = await read(await c.post('/api/v1/auth/reauth/passkey/options'));
    expect(options.body.allowCredentials).toEqual([
      { id: credentialIdOf(credential), type: 'public-key', transports: ['internal'] },
    ]);
    const wrongUser = await read(
      await c.post('/api/v1/auth/reauth', {
        response: await softAssertion(foreign, options.body, appUrl),
      }),
    );
    expect(wrongUser.status).toBe(401);
    expect(wrongUser.body.type).toMatch(problemType('passkey-unknown-credential'));

    const again = await read(await c.post('/api/v1/auth/reauth/passkey/options'));
    const before = c.jar.get('session');
    const ok = await c.post('/api/v1/auth/reauth', {
      response: await softAssertion(credential, again.body, appUrl),
    });
    expect(ok.status).toBe(204);
    expect(c.jar.get('session')).not.toBe(before);
    expect((await c.post('/api/v1/me/passkeys/options')).status).toBe(200);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, id), eq(auditEvents.action, 'reauth')));
    expect(events.map((e) => e.details)).toContainEqual({ method: 'passkey' });
  });

  it('a passkey-only account can remove one of two passkeys after re-authenticating with the other', async () => {
    const { id, c } = await signedIn('reauth-only');
    const first = await addPasskey(c, 'First');
    const second = await addPasskey(c, 'Second');
    await t.db.update(users).set({ passwordHash: null }).where(eq(users.id, id));
    t.clock.advance(11 * minute);
    await reauthWith(c, second.credential);
    expect((await c.delete(`/api/v1/me/passkeys/${first.res.body.id}`)).status).toBe(204);
    expect((await c.delete(`/api/v1/me/passkeys/${second.res.body.id}`)).status).toBe(409);
  });
});

describe('"This wasn’t me" on a passkey notice', () => {
  it('removes the passkey the notice was about, besides ending every session', async () => {
    const { p, id, c } = await signedIn('not-me-passkey');
    const { credential } = await addPasskey(c, 'Intruder key');
    const token = await mailedToken(t, p.email, '/not-me');
    expect((await client().post('/api/v1/auth/not-me', { token })).status).toBe(200);
    expect(await t.db.select().from(passkeys).where(eq(passkeys.userId, id))).toEqual([]);
    expect((await passkeySignIn(client(), credential)).res.body.type).toMatch(
      problemType('passkey-unknown-credential'),
    );
  });
});

const credentialIdOf = (cred: SoftCredential) => Buffer.from(cred.id).toString('base64url');
