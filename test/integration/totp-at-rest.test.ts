import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { decodeBase32IgnorePadding, encodeBase64, encodeHexLowerCase } from '@oslojs/encoding';
import { totpCredentials } from '../../db/schema';
import { createApp } from '../../src/app';
import { sealLegacyTotpSecrets, rotateTotpSecrets } from '../../src/auth/two-factor/at-rest';
import { totpCodeAt } from '../../src/auth/two-factor/totp';
import { parseConfig } from '../../src/config';
import type { Deps } from '../../src/deps';
import type { Logger } from '../../src/platform/logger';
import { rowsOf } from '../../src/platform/sql-rows';
import { createClient, type Client } from '../helpers/client';
import {
  loginRequest,
  problemType,
  read,
  setCookieFor,
  signedInPerson,
  type Person,
} from '../helpers/accounts';
import { appUrl, type TestApp } from '../helpers/test-app';
import { useTestApp } from '../helpers/use-test-app';

/**
 * Issue 17, finding 8: authenticator-app secrets are sealed (AES-256-GCM, key from
 * SECRETS_KEY through HKDF, bound to the user's id) and the key can be rotated.
 */
const keyA = 'test-secrets-key-A-0123456789abcdefghijklmnop';
const keyB = 'test-secrets-key-B-qrstuvwxyz9876543210ZYXWVU';
const keyC = 'test-secrets-key-C-an-unrelated-key-000000000';
const step = 30_000;

let ipSeq = 0;

const t = useTestApp({ env: { TRUST_PROXY: '1', SECRETS_KEY: keyA } });

type Instance = { app: TestApp['app']; deps: Deps; lines: string[] };

/** Another instance of the service on the same database, configured with other keys. */
function instance(keys: { SECRETS_KEY?: string; SECRETS_KEY_PREVIOUS?: string }): Instance {
  const lines: string[] = [];
  const capture = (level: string) => (fields: Record<string, unknown>, msg: string) =>
    lines.push(`${level} ${msg} ${JSON.stringify(fields)}`);
  const log: Logger = { info: capture('info'), warn: capture('warn'), error: capture('error') };
  const config = parseConfig({
    APP_URL: appUrl,
    RESEND_API_KEY: t.resend.apiKey,
    RESEND_BASE_URL: t.resend.url,
    TRUST_PROXY: '1',
    ...keys,
  });
  const deps: Deps = { ...t.deps, config, log };
  return { app: createApp(deps), deps, lines };
}
const original: () => Instance = () => ({ app: t.app, deps: t.deps, lines: [] });
const clientOf = (i: Pick<Instance, 'app'>) => createClient(i, { ip: `198.51.100.${++ipSeq}` });

async function enrolled(label: string) {
  const { p, id, c } = await signedInPerson(t, label, () => clientOf(t));
  const setup = await read(await c.post('/api/v1/me/2fa/setup'));
  expect(setup.status).toBe(200);
  const secret = setup.body.secret as string;
  const enabled = await read(
    await c.post('/api/v1/me/2fa/enable', { code: totpCodeAt(secret, t.clock.now()) }),
  );
  expect(enabled.status).toBe(200);
  t.clock.advance(step);
  return { p, id, secret, recoveryCodes: enabled.body.recoveryCodes as string[] };
}

const rowOf = async (userId: string) =>
  (await t.db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId)))[0]!;

/** Every way the secret could be written down: as shown, lower-case, and its raw bytes. */
function spellings(secret: string) {
  const raw = decodeBase32IgnorePadding(secret);
  return [secret, secret.toLowerCase(), encodeHexLowerCase(raw), encodeBase64(raw)];
}

/** Password, then a code, on a fresh client of `i`. */
async function signInWithCode(i: Pick<Instance, 'app'>, p: Person, code: string) {
  const c: Client = clientOf(i);
  const first = await read(await loginRequest(c, p));
  expect(first.body).toEqual({ twoFactorRequired: true });
  const res = await c.post('/api/v1/auth/2fa', { code });
  return { ...(await read(res)), session: setCookieFor(res, 'session') };
}

describe('authenticator-app secrets at rest', () => {
  it('are not in the database in any spelling, in the row or a dump of the table, and sign-in with a code still works', async () => {
    const { p, id, secret } = await enrolled('sealed');
    const row = await rowOf(id);
    const dump = JSON.stringify(rowsOf(await t.db.execute(sql`select * from totp_credentials`)));
    expect(dump).toContain(id); // the dump does hold the row
    for (const spelling of spellings(secret)) {
      expect(JSON.stringify(row)).not.toContain(spelling);
      expect(dump).not.toContain(spelling);
    }
    expect(row.keyId).toMatch(/^[0-9a-f]{16}$/);

    const ok = await signInWithCode(original(), p, totpCodeAt(secret, t.clock.now()));
    expect(ok.status).toBe(200);
    expect(ok.session).toBeDefined();
  });

  it('survive a key rotation: codes still work under the new key, the key id changed, and the old key alone fails closed', async () => {
    const { p, id, secret, recoveryCodes } = await enrolled('rotated');
    const before = await rowOf(id);

    const rotatedInstance = instance({ SECRETS_KEY: keyB, SECRETS_KEY_PREVIOUS: keyA });
    const report = await rotateTotpSecrets(rotatedInstance.deps);
    expect(report.unreadable).toEqual([]);
    expect(report.resealed).toBeGreaterThanOrEqual(1);
    const after = await rowOf(id);
    expect(after.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(after.keyId).not.toBe(before.keyId);
    expect(after.secretCiphertext).not.toBe(before.secretCiphertext);
    expect(report.currentKeyId).toBe(after.keyId);
    // A second run finds nothing left to do.
    expect(await rotateTotpSecrets(rotatedInstance.deps)).toMatchObject({
      resealed: 0,
      unreadable: [],
    });

    // The new key alone is enough now; the old one alone no longer reads the secret.
    const onlyB = instance({ SECRETS_KEY: keyB });
    const ok = await signInWithCode(onlyB, p, totpCodeAt(secret, t.clock.now()));
    expect(ok.status).toBe(200);
    t.clock.advance(step);

    const onlyA = instance({ SECRETS_KEY: keyA });
    const refused = await signInWithCode(onlyA, p, totpCodeAt(secret, t.clock.now()));
    expect(refused.status).toBe(503);
    expect(refused.body.type).toMatch(problemType('two-factor-unavailable'));
    expect(refused.session).toBeUndefined();
    for (const spelling of spellings(secret))
      expect(JSON.stringify(refused.body)).not.toContain(spelling);
    expect(onlyA.lines.join('\n')).toMatch(/^error .*SECRETS_KEY/m);
    // A recovery code does not need the secret: the person is not locked out.
    const recovered = await signInWithCode(onlyA, p, recoveryCodes[0]!);
    expect(recovered.status).toBe(200);
  });

  it("are bound to their account: a ciphertext copied onto another person's row does not verify", async () => {
    const alice = await enrolled('alice-copy');
    const bob = await enrolled('bob-copy');
    const stolen = await rowOf(alice.id);
    await t.db
      .update(totpCredentials)
      .set({ secretCiphertext: stolen.secretCiphertext, keyId: stolen.keyId })
      .where(eq(totpCredentials.userId, bob.id));

    const withAlicesCode = await signInWithCode(
      original(),
      bob.p,
      totpCodeAt(alice.secret, t.clock.now()),
    );
    expect(withAlicesCode.status).not.toBe(200);
    expect(withAlicesCode.session).toBeUndefined();
    expect(withAlicesCode.status).toBe(503);
    // Alice's own row still works.
    expect(
      (await signInWithCode(original(), alice.p, totpCodeAt(alice.secret, t.clock.now()))).status,
    ).toBe(200);
  });

  it('fail closed under an unrelated key: a clear 503 naming no secret, an error log line naming SECRETS_KEY', async () => {
    const { p, secret } = await enrolled('wrong-key');
    const wrong = instance({ SECRETS_KEY: keyC });
    const res = await signInWithCode(wrong, p, totpCodeAt(secret, t.clock.now()));
    expect(res.status).toBe(503);
    expect(res.body.type).toMatch(problemType('two-factor-unavailable'));
    expect(res.session).toBeUndefined();
    const logged = wrong.lines.join('\n');
    expect(logged).toMatch(/SECRETS_KEY/);
    for (const spelling of spellings(secret)) {
      expect(JSON.stringify(res.body)).not.toContain(spelling);
      expect(logged).not.toContain(spelling);
    }
  });

  it('rows written in clear before the migration are sealed by the start-up sweep and keep working', async () => {
    const { p, id, secret } = await enrolled('legacy-sweep');
    // As a row from before migration 0006 looks: the secret in clear, no key id.
    await t.db
      .update(totpCredentials)
      .set({ secret, secretCiphertext: null, keyId: null })
      .where(eq(totpCredentials.userId, id));
    expect(JSON.stringify(await rowOf(id))).toContain(secret);

    expect(await sealLegacyTotpSecrets(t.deps)).toBeGreaterThanOrEqual(1);
    const row = await rowOf(id);
    for (const spelling of spellings(secret)) expect(JSON.stringify(row)).not.toContain(spelling);
    expect(row.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect((await signInWithCode(original(), p, totpCodeAt(secret, t.clock.now()))).status).toBe(
      200,
    );
  });

  it('a row still in clear (no sweep ran, e.g. on Workers) works and is sealed on its first use', async () => {
    const { p, id, secret } = await enrolled('legacy-lazy');
    await t.db
      .update(totpCredentials)
      .set({ secret, secretCiphertext: null, keyId: null })
      .where(eq(totpCredentials.userId, id));

    expect((await signInWithCode(original(), p, totpCodeAt(secret, t.clock.now()))).status).toBe(
      200,
    );
    const row = await rowOf(id);
    for (const spelling of spellings(secret)) expect(JSON.stringify(row)).not.toContain(spelling);
    expect(row.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('without any key configured, enrolment is refused with the same clear 503 instead of storing a secret in clear', async () => {
    const keyless = instance({});
    const { p, id } = await signedInPerson(t, 'no-key', () => clientOf(t));
    const c = clientOf(keyless);
    expect((await loginRequest(c, p)).status).toBe(200);
    const setup = await read(await c.post('/api/v1/me/2fa/setup'));
    expect(setup.status).toBe(503);
    expect(setup.body.type).toMatch(problemType('two-factor-unavailable'));
    expect(await t.db.select().from(totpCredentials).where(eq(totpCredentials.userId, id))).toEqual(
      [],
    );
    expect(keyless.lines.join('\n')).toMatch(/SECRETS_KEY/);
  });
});
