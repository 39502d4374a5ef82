import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { bookings, passkeys, sessions, users } from '../../db/schema';
import { createApp } from '../../src/app';
import { createAdmin } from '../../src/admin/create-admin';
import { createSession } from '../../src/sessions/create';
import { hashSecret } from '../../src/platform/secret-tokens';
import type { PasswordHasher } from '../../src/platform/hasher';
import { appUrl } from '../helpers/test-app';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import { newPerson, registerAndVerify, signIn, strongPassword } from '../helpers/accounts';
import { rawRows } from '../integration/privacy-fixtures';

/**
 * Hostile input against every route of the API (read from its own OpenAPI document) and the
 * HTML forms: random and adversarial bodies, headers, query strings and path ids, signed in
 * and not. Whatever comes in: never a 5xx, every 4xx from /api is problem+json, a rejected
 * request changes nothing in the database, and nothing typed comes back into HTML unescaped.
 */

// Password hashing is not what is fuzzed here; a fast stand-in keeps each run cheap.
const fastHasher: PasswordHasher = {
  hash: (p) => Promise.resolve(`$fuzz$${hashSecret(p)}`),
  verify: (stored, p) => Promise.resolve(stored === `$fuzz$${hashSecret(p)}`),
  needsRehash: () => false,
};

let app: ReturnType<typeof createApp>;
type Identity = { name: string; headers: Record<string, string>; userId: string | null };
let identities: Identity[];
let alice: { id: string; email: string; token: string };
let bob: {
  id: string;
  email: string;
  token: string;
  sessionId: string;
  passkeyId: string;
  bookingId: string;
};
let staff: { id: string; token: string };
let admin: { id: string; token: string };
type Route = {
  method: string;
  path: string;
  query: string[];
  bodyKeys: string[] | null;
  bodyType: string | null;
};
let routes: Route[];
/**
 * What a rejected request may legitimately write: counting attempts is the point of a rate
 * limit, and a failed proof of a password or code is a security event the owner is shown.
 */
const countingTables = new Set(['rate_limits']);
const failureEvents = ['sign-in.failed', 'password.check-failed', 'two-factor.failed'];
const tableFilter: Record<string, string> = {
  audit_events: `where action not in (${failureEvents.map((a) => `'${a}'`).join(', ')})`,
};
let tables: string[];

const seconds = (n: number) => n * 1000;

/**
 * CI replays a fixed seed so a red run can be reproduced exactly; FUZZ_SEED=random explores
 * new inputs (and prints the seed of any failure). A once-open lead (seed -566171113 on
 * PostgreSQL: POST /me/2fa/enable answered 400 while totp_credentials changed) was the
 * previous route's request, abandoned by a time-limit interrupt, writing during this check;
 * see untilDeadline. That seed passes now.
 */
const fuzzSeed =
  process.env.FUZZ_SEED === 'random' ? {} : { seed: Number(process.env.FUZZ_SEED ?? 20261124) };

async function checksum(): Promise<Record<string, string>> {
  const parts = tables
    .filter((name) => !countingTables.has(name))
    .map(
      (name) =>
        `(select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "${name}" t ${tableFilter[name] ?? ''}) as "${name}"`,
    );
  const [row] = await rawRows<Record<string, string>>(t.db, sql.raw(`select ${parts.join(', ')}`));
  return row!;
}

const sessionRows = async () =>
  (await rawRows<{ r: string }>(t.db, sql`select t::text as r from sessions t order by id`)).map(
    (x) => x.r,
  );
function rowDiff(before: string[], after: string[]) {
  const gone = before.filter((r) => !after.includes(r));
  const added = after.filter((r) => !before.includes(r));
  return ` [sessions: gone ${JSON.stringify(gone)}, added ${JSON.stringify(added)}]`;
}

/** Only the tables that differ, so a failure says where the write went. */
function changed(before: Record<string, string>, after: Record<string, string>) {
  return Object.keys(after).filter((k) => before[k] !== after[k]);
}

/** What belongs to bob and must never move when someone else (or no one) asks. */
async function bobsRows() {
  const [row] = await rawRows<{ s: string }>(
    t.db,
    sql`select md5(concat_ws('|',
      (select string_agg(u::text, ',') from users u where u.id = ${bob.id}),
      (select string_agg(s::text, ',' order by s.id) from sessions s where s.user_id = ${bob.id}),
      (select string_agg(p::text, ',' order by p.id) from passkeys p where p.user_id = ${bob.id}),
      (select string_agg(b::text, ',' order by b.id) from bookings b where b.user_id = ${bob.id}),
      (select string_agg(c::text, ',' order by c.id) from consents c where c.user_id = ${bob.id}),
      (select string_agg(x::text, ',' order by x::text) from subscriptions x where x.user_id = ${bob.id})
    )) as s`,
  );
  return row!.s;
}

async function tokenFor(userId: string) {
  const { token } = await createSession(t.deps, t.db, {
    userId,
    remember: false,
    ip: null,
    userAgent: 'fuzz',
  });
  return token;
}

/** After a request that was accepted: put the fixtures back as they were (sessions, roles, flags). */
async function restoreFixtures() {
  for (const [who, role] of [
    [alice, 'user'],
    [bob, 'user'],
    [staff, 'staff'],
    [admin, 'admin'],
  ] as const) {
    await t.db
      .update(users)
      .set({
        role,
        deletionScheduledFor: null,
        processingRestrictedAt: null,
        processingRestrictionReason: null,
        passwordResetRequiredAt: null,
      })
      .where(eq(users.id, who.id));
    const id = who.token.split('.')[0]!;
    const [s] = await t.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, id));
    if (!s) who.token = await tokenFor(who.id);
  }
  identities = makeIdentities();
}

function makeIdentities(): Identity[] {
  return [
    { name: 'anonymous', headers: {}, userId: null },
    {
      name: 'alice (bearer)',
      headers: { authorization: `Bearer ${alice.token}` },
      userId: alice.id,
    },
    { name: 'alice (cookie)', headers: { cookie: `session=${alice.token}` }, userId: alice.id },
    {
      name: 'staff (bearer)',
      headers: { authorization: `Bearer ${staff.token}` },
      userId: staff.id,
    },
    {
      name: 'admin (bearer)',
      headers: { authorization: `Bearer ${admin.token}` },
      userId: admin.id,
    },
    {
      name: 'forged bearer',
      headers: { authorization: `Bearer ${bob.sessionId}.aaaaaaaaaaaaaaaaaaaaaaaa` },
      userId: null,
    },
  ];
}

const t = useTestApp({
  env: {
    TRUST_PROXY: '1',
    RATE_LOGIN_FAILURES_PER_ACCOUNT: '10000',
    RATE_LOGIN_FAILURES_PER_IP: '100000',
    RATE_REGISTRATIONS_PER_IP: '100000',
    RATE_EMAILS_PER_ACCOUNT: '10000',
    RATE_EMAILS_PER_IP: '100000',
  },
});
beforeAll(async () => {
  const deps = { ...t.deps, hasher: fastHasher };
  app = createApp(deps);
  const fuzzApp = { app };
  const client = () => createClient(fuzzApp, { ip: '192.0.2.1' });
  const a = newPerson('fuzz-alice');
  const b = newPerson('fuzz-bob');
  const aliceId = await registerAndVerify({ ...t, app }, client(), a);
  const bobId = await registerAndVerify({ ...t, app }, client(), b);
  alice = {
    id: aliceId,
    email: a.email,
    token: (await signIn(client(), a, { tokenInBody: true })).token!,
  };
  const bobLogin = (await signIn(client(), b, { tokenInBody: true })).token!;
  const staffPerson = newPerson('fuzz-staff');
  const staffId = await registerAndVerify({ ...t, app }, client(), staffPerson);
  await t.db.update(users).set({ role: 'staff' }).where(eq(users.id, staffId));
  staff = {
    id: staffId,
    token: (await signIn(client(), staffPerson, { tokenInBody: true })).token!,
  };
  const adminEmail = 'fuzz.admin@example.com';
  const made = await createAdmin(deps, {
    email: adminEmail,
    password: strongPassword,
    name: 'Fuzz Admin',
  });
  if (!made.ok) throw new Error(made.message);
  const [adminRow] = await t.db.select().from(users).where(eq(users.email, adminEmail));
  admin = {
    id: adminRow!.id,
    token: (
      await signIn(client(), { email: adminEmail, password: strongPassword }, { tokenInBody: true })
    ).token!,
  };
  // Bob owns a session, a passkey and a booking: their ids are the "other user's ids".
  const [pk] = await t.db
    .insert(passkeys)
    .values({
      userId: bobId,
      credentialId: 'fuzz-credential',
      publicKey: 'AAAA',
      deviceType: 'singleDevice',
      name: 'Bob key',
    })
    .returning({ id: passkeys.id });
  const [bk] = await t.db
    .insert(bookings)
    .values({
      uid: 'fuzz-booking@example.com',
      userId: bobId,
      staffId,
      title: 'Bob lesson',
      startsAt: t.clock.now(),
      endsAt: new Date(t.clock.now().getTime() + 3_600_000),
      timeZone: 'Europe/Kyiv',
    })
    .returning({ id: bookings.id });
  bob = {
    id: bobId,
    email: b.email,
    token: bobLogin,
    sessionId: bobLogin.split('.')[0]!,
    passkeyId: pk!.id,
    bookingId: bk!.id,
  };
  identities = makeIdentities();

  tables = (
    await rawRows<{ table_name: string }>(
      t.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  ).map((r) => r.table_name);

  // The route list, from the API's own document.
  const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string }[];
          requestBody?: { content: Record<string, { schema?: unknown }> };
        }
      >
    >;
    components?: { schemas?: Record<string, unknown> };
  };
  const resolve = (schema: unknown): Record<string, unknown> | null => {
    const s = schema as
      | {
          $ref?: string;
          properties?: Record<string, unknown>;
          anyOf?: unknown[];
          oneOf?: unknown[];
        }
      | undefined;
    if (!s) return null;
    if (s.$ref) return resolve(doc.components?.schemas?.[s.$ref.split('/').pop()!]);
    if (s.properties) return s.properties;
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) return Object.assign({}, ...alternatives.map((x) => resolve(x) ?? {}));
    return null;
  };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0] ?? null;
      const props = bodyType ? resolve(content[bodyType]!.schema) : null;
      return {
        method: method.toUpperCase(),
        path: `/api/v1${path}`,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyKeys: bodyType ? Object.keys(props ?? {}) : null,
        bodyType,
      };
    }),
  );
}, 120_000);

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

const canary = 'zqfz';
const nasty = [
  '',
  ' ',
  "' OR '1'='1' --",
  "'; DROP TABLE users; --",
  '1; select pg_sleep(5)',
  '" OR ""="',
  `<script>alert('${canary}')</script>`,
  `"><img src=x onerror=alert(1) ${canary}>`,
  `'><svg onload=${canary}>`,
  `<${canary}>`,
  'javascript:alert(1)',
  `Evil\r\nBcc: victim@example.com\r\nSubject: ${canary}`,
  'line\nbreak',
  '\r\n\r\n<html>',
  '\u0000',
  `a\u0000b${canary}`,
  '\uD800',
  '\uDFFF',
  'x\uD83Dy',
  '\u202Eevil.exe\u202C',
  '\u200F\u200E\u061C',
  '\uFEFF',
  'ａｄｍｉｎ@ｅｘａｍｐｌｅ．ｃｏｍ',
  'ﬁnance@exаmple.com',
  'АDMIN@EXAMPLE.COM',
  'user@xn--80ak6aa92e.com',
  ' Mixed@EXAMPLE.Com ',
  'a@b',
  '@',
  'a'.repeat(255) + '@example.com',
  'ｐａｓｓｗｏｒｄ１２３',
  'e\u0301\u0301\u0301\u0301',
  '🧑‍🚀'.repeat(40),
  'x'.repeat(5000),
  'y'.repeat(70_000),
  '../../../../etc/passwd',
  '%00%0d%0a',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  '2024-02-30T25:61:00Z',
  'Europe/Nowhere',
];

const hostileString = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...nasty) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...nasty), fc.string({ maxLength: 8 }))
      .map(([a, b]) => a + b),
  },
);

const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      true,
      'true',
      1,
      0,
      -1,
      2 ** 53,
      '2030-01-01T10:00:00Z',
      'news',
      'en',
      'uk',
      'UAH',
    ),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom('a', '__proto__', 'constructor', 'toString', '$where', '0'),
      tie('value'),
      { maxKeys: 3 },
    ),
  ),
})).value;

const extraKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'role',
  'isAdmin',
  'userId',
  'id',
  'emailVerifiedAt',
  'x',
);

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

type Fuzzed = {
  who: number;
  natural: boolean;
  /** Mutations of the route's valid example: [field index, hostile value], and strays. */
  mutations: [number, unknown][];
  stray: [string, unknown] | null;
  pathIds: string[];
  query: [string, string][];
  body:
    | { kind: 'json'; value: unknown }
    | { kind: 'raw'; type: string; text: string }
    | { kind: 'none' }
    | { kind: 'mutate' };
  origin: string | null;
  extraHeaders: [string, string][];
};

const pathId = fc.oneof(
  fc.constantFrom(
    'bob-session',
    'bob-passkey',
    'bob-booking',
    'bob-user',
    'alice-user',
    'news',
    'service',
    'lessons',
  ),
  fc.uuid(),
  hostileString,
);

const fuzzed: fc.Arbitrary<Fuzzed> = fc.record({
  who: fc.nat(),
  natural: fc.boolean(),
  mutations: fc.array(
    fc.tuple(
      fc.nat(),
      fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: jsonValue }),
    ),
    { minLength: 1, maxLength: 2 },
  ),
  stray: fc.option(fc.tuple(extraKey, jsonValue), { freq: 5 }),
  pathIds: fc.array(pathId, { minLength: 2, maxLength: 2 }),
  query: fc.array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('query', 'page', 'limit', 'before', 'format', 'token', 'next'),
        hostileString,
      ),
      hostileString,
    ),
    { maxLength: 3 },
  ),
  body: fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('json' as const),
        value: fc.dictionary(
          fc.oneof(
            fc.constantFrom('email', 'password', 'name', 'token', 'subject', 'userId'),
            extraKey,
          ),
          jsonValue,
          { maxKeys: 6 },
        ),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('json' as const), value: jsonValue }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('raw' as const),
        type: fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=utf-16',
          '',
        ),
        text: fc.oneof(
          hostileString,
          fc.constantFrom(
            '{"email":',
            '[]',
            'null',
            '{"a":1}{"b":2}',
            '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
            '{"'.repeat(3000),
          ),
        ),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 10, arbitrary: fc.constant({ kind: 'mutate' as const }) },
  ),
  origin: fc.constantFrom(appUrl, appUrl, appUrl, 'https://evil.example', 'null', null),
  extraHeaders: fc.array(
    fc.tuple(
      fc.constantFrom(
        'accept-language',
        'x-forwarded-for',
        'x-request-id',
        'user-agent',
        'cookie',
        'accept',
        'content-length-x',
      ),
      hostileString.map((s) => s.replace(/[\u0000-\u001f\u007f-\uffff]/g, '?').slice(0, 2000)),
    ),
    { maxLength: 3 },
  ),
});

/** The JSON body shaped like the route's schema (its keys, hostile values), plus strays. */
function bodyFor(route: Route, f: Fuzzed): { type: string; text: string } | null {
  if (f.body.kind === 'none') return null;
  if (f.body.kind === 'mutate') {
    const example = examples[`${route.method} ${route.path}`]?.();
    if (!example) return route.bodyKeys ? { type: 'application/json', text: '{}' } : null;
    const keys = Object.keys(example);
    for (const [i, value] of f.mutations) if (keys.length) example[keys[i % keys.length]!] = value;
    if (f.stray) example[f.stray[0]] = f.stray[1];
    return { type: 'application/json', text: JSON.stringify(example) };
  }
  if (f.body.kind === 'raw') return { type: f.body.type, text: f.body.text };
  const value = f.body.value;
  if (route.bodyKeys && value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = route.bodyKeys;
    const shaped: Record<string, unknown> = {};
    Object.entries(value as Record<string, unknown>).forEach(([k, v], i) => {
      // Mostly the route's own fields, now and then a stray one.
      const key = keys.length && i % 4 !== 3 ? keys[(k.length + i) % keys.length]! : k;
      shaped[key] = v;
    });
    return { type: 'application/json', text: JSON.stringify(shaped) };
  }
  return { type: 'application/json', text: JSON.stringify(value) ?? 'null' };
}

const soon = () => new Date(t.clock.now().getTime() + 86_400_000).toISOString().slice(0, 16);
const later = () => new Date(t.clock.now().getTime() + 90_000_000).toISOString().slice(0, 16);
/** A valid body per route: the fuzzer changes one or two of its fields, so it gets past the first check. */
const examples: Record<string, () => Record<string, unknown>> = {
  'POST /api/v1/auth/register': () => ({
    email: `fuzz.${Math.random().toString(36).slice(2)}@example.com`,
    password: strongPassword,
    name: 'Fuzz Person',
    locale: 'en',
    acceptPrivacyPolicy: true,
    confirmAge: true,
  }),
  'POST /api/v1/auth/verify-email': () => ({
    token: 'abcdefghijklmnopqrstuvwxyz234567',
    password: 'not the password 1',
  }),
  'POST /api/v1/auth/verify-email/resend': () => ({ email: alice.email }),
  'POST /api/v1/auth/login': () => ({
    email: bob.email,
    password: 'wrong password for bob',
    remember: true,
    tokenInBody: true,
  }),
  'POST /api/v1/auth/password/forgot': () => ({ email: bob.email }),
  'POST /api/v1/auth/password/reset': () => ({
    token: 'abcdefghijklmnopqrstuvwxyz234567',
    password: strongPassword,
  }),
  'POST /api/v1/auth/reauth': () => ({ password: 'not alice password 1' }),
  'POST /api/v1/auth/not-me': () => ({ token: 'abcdefghijklmnopqrstuvwxyz234567' }),
  'POST /api/v1/auth/2fa': () => ({
    code: '123456',
    twoFactorToken: 'abcdefghijklmnopqrstuvwx',
    tokenInBody: true,
  }),
  'POST /api/v1/me/2fa/enable': () => ({ code: '123456' }),
  'PATCH /api/v1/me': () => ({
    name: 'Alice Fuzz',
    phone: '+380 44 123 4567',
    videoHandle: 'alice.fuzz',
    goals: 'Learn',
    locale: 'uk',
  }),
  'POST /api/v1/me/password': () => ({
    currentPassword: 'not alice password 1',
    newPassword: 'another long passphrase 9',
  }),
  'POST /api/v1/me/email': () => ({
    newEmail: `new.${Math.random().toString(36).slice(2)}@example.com`,
  }),
  'POST /api/v1/me/email/confirm': () => ({ token: 'abcdefghijklmnopqrstuvwxyz234567' }),
  'POST /api/v1/me/consents/privacy-policy': () => ({ version: '1' }),
  'PUT /api/v1/me/restriction': () => ({ reason: 'I dispute the accuracy' }),
  'POST /api/v1/me/deletion/cancel': () => ({ token: 'abcdefghijklmnopqrstuvwxyz234567' }),
  'POST /api/v1/admin/policies': () => ({
    kind: 'privacy',
    version: `9.${Math.floor(Math.random() * 1000)}`,
    summary: 'Changes',
    body: 'The new text',
    effectiveAt: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString(),
  }),
  'PATCH /api/v1/me/passkeys/{id}': () => ({ name: 'My key' }),
  'PUT /api/v1/me/subscriptions/{list}': () => ({ subscribed: true }),
  'POST /api/v1/subscriptions/confirm': () => ({ token: 'abcdefghijklmnopqrstuvwxyz234567' }),
  'POST /api/v1/staff/announcements': () => ({ list: 'news', subject: 'News', body: 'Hello all' }),
  'POST /api/v1/staff/bookings': () => ({
    userId: bob.id,
    title: 'Lesson',
    startsAt: soon(),
    endsAt: later(),
    timeZone: 'Europe/Kyiv',
    location: 'Room 1',
    notes: 'Bring books',
  }),
  'PATCH /api/v1/staff/bookings/{id}': () => ({
    title: 'Moved lesson',
    startsAt: soon(),
    endsAt: later(),
    timeZone: 'Europe/Kyiv',
    location: 'Room 2',
    notes: null,
  }),
  'POST /api/v1/staff/payments': () => ({
    userId: bob.id,
    amount: '450.00',
    currency: 'UAH',
    description: 'Lessons',
    paidAt: t.clock.now().toISOString().slice(0, 10),
    bookingId: bob.bookingId,
  }),
  'POST /api/v1/admin/users/{id}/role': () => ({ role: 'staff' }),
};

/** Who would normally call a route, so mutated bodies reach past the session checks. */
function naturalIdentity(route: Route): Identity {
  const p = route.path;
  const named = (n: string) => identities.find((i) => i.name === n)!;
  if (p.startsWith('/api/v1/staff')) return named('staff (bearer)');
  if (p.startsWith('/api/v1/admin')) return named('admin (bearer)');
  if (p.startsWith('/api/v1/me') || p === '/api/v1/auth/reauth') return named('alice (bearer)');
  return named('anonymous');
}

/**
 * Percent-encodes like encodeURIComponent, but a lone surrogate (which it refuses) goes out as
 * the three bytes a careless encoder would write: invalid UTF-8, as an attacker may send.
 */
function enc(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out +=
      c >= 0xd800 && c <= 0xdfff
        ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
            .map((b) => `%${b.toString(16).toUpperCase()}`)
            .join('')
        : encodeURIComponent(ch);
  }
  return out;
}

function resolvePathId(token: string): string {
  const known: Record<string, string> = {
    'bob-session': bob.sessionId,
    'bob-passkey': bob.passkeyId,
    'bob-booking': bob.bookingId,
    'bob-user': bob.id,
    'alice-user': alice.id,
  };
  return enc(Object.hasOwn(known, token) ? known[token]! : token);
}

async function send(route: Route, f: Fuzzed) {
  const who = f.natural ? naturalIdentity(route) : identities[f.who % identities.length]!;
  let i = 0;
  let path = route.path.replace(/\{[^}]+\}/g, () =>
    resolvePathId(f.pathIds[i++ % f.pathIds.length]!),
  );
  if (f.query.length) path += '?' + f.query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const headers: Record<string, string> = { 'x-forwarded-for': '198.51.100.7' };
  for (const [k, v] of f.extraHeaders) headers[k] = v;
  Object.assign(headers, who.headers);
  if (f.origin !== null && route.method !== 'GET') headers.origin = f.origin;
  const body = route.method === 'GET' ? null : bodyFor(route, f);
  if (body?.type) headers['content-type'] = body.type;
  const res = await app.request(path, { method: route.method, headers, body: body?.text });
  return { route, who, path, res, text: await res.text() };
}

/**
 * Runs `predicate` until `deadline` (ms since the epoch), checked only between runs: a run
 * under way, and the request it sent, is always awaited to the end. fast-check's own time
 * limits (`interruptAfterTimeLimit`) race the run instead and abandon it, and the abandoned
 * request then writes during the next check ("database changed for a rejected request").
 * Once the deadline has passed the next run interrupts the property (a clean stop, shrinking
 * included); the first run always happens.
 */
function untilDeadline<Ts extends unknown[]>(
  deadline: number,
  predicate: (...args: Ts) => Promise<void>,
) {
  let started = 0;
  return async (...args: Ts) => {
    if (started > 0 && Date.now() >= deadline) throw new fc.PreconditionFailure(true);
    started++;
    await predicate(...args);
  };
}

describe('fuzzing every API route', () => {
  it('lists the routes from /api/v1/openapi.json', () => {
    expect(routes.length).toBeGreaterThan(40);
    const listed = routes.map((r) => `${r.method} ${r.path}`);
    for (const must of [
      'POST /api/v1/auth/register',
      'PATCH /api/v1/me',
      'DELETE /api/v1/me/sessions/{id}',
      'POST /api/v1/staff/bookings',
      'GET /api/v1/me/export',
    ]) {
      expect(listed).toContain(must);
    }
  });

  it('never answers 5xx; 4xx are problem+json; rejected requests change nothing; other users’ rows never move', async () => {
    const statuses = new Map<string, number>();
    let bobBefore = await bobsRows();
    const perRoute = Math.max(2, Math.ceil(Number(process.env.FUZZ_RUNS ?? 450) / routes.length));
    // A time budget shared fairly: on a loaded machine every route gets fewer runs, none gets none.
    const deadline = Date.now() + seconds(Number(process.env.FUZZ_SECONDS ?? 16));
    let runs = 0;
    let previous = 'nothing';
    for (const [index, route] of routes.entries()) {
      const budget = Math.max(150, (deadline - Date.now()) / (routes.length - index));
      await fc.assert(
        fc.asyncProperty(
          fuzzed,
          untilDeadline(Date.now() + budget, async (f) => {
            runs++;
            const before = await checksum();
            const sessionsBefore = await sessionRows();
            const { who, path, res, text } = await send(route, f);
            const label = `${route.method} ${path.slice(0, 200)} as ${who.name} → ${res.status} ${text.slice(0, 300)} (after ${previous})`;
            previous = `${route.method} ${route.path} as ${who.name} → ${res.status}`;
            statuses.set(`${res.status}`, (statuses.get(`${res.status}`) ?? 0) + 1);
            expect(res.status, label).toBeLessThan(500);
            if (res.status >= 400) {
              expect(res.headers.get('content-type'), label).toMatch(/^application\/problem\+json/);
              const problem = JSON.parse(text);
              expect(problem, label).toMatchObject({
                status: res.status,
                type: expect.any(String),
                title: expect.any(String),
              });
              const diff = changed(before, await checksum());
              // Rows that moved in sessions, named in the message: a change there was seen once
              // on PostgreSQL and never again; this says what it was if it comes back.
              const moved = diff.includes('sessions')
                ? rowDiff(sessionsBefore, await sessionRows())
                : '';
              expect(diff, `${label}${moved}`).toEqual([]);
            }
            // Whoever asked (bob is never one of the identities), bob's own rows stay as they were.
            if (!(who.name.startsWith('staff') || who.name.startsWith('admin')))
              expect(await bobsRows(), label).toBe(bobBefore);
            if (res.status < 400) {
              await restoreFixtures();
              bobBefore = await bobsRows();
            }
          }),
        ),
        { numRuns: perRoute, ...fuzzSeed },
      );
    }
    console.info(
      `API fuzz: ${runs} requests over ${routes.length} routes; statuses ${[...statuses]
        .sort()
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    );
    expect(runs).toBeGreaterThanOrEqual(routes.length);
  }, 60_000);
});

describe('fuzzing the HTML forms', () => {
  const forms: { path: string; valid: () => Record<string, string>; who: 'anonymous' | 'alice' }[] =
    [
      {
        path: '/register',
        valid: () => ({
          name: 'Form Person',
          email: `form.${Math.random().toString(36).slice(2)}@example.com`,
          password: strongPassword,
          acceptPrivacyPolicy: 'on',
          confirmAge: 'on',
          locale: 'en',
        }),
        who: 'anonymous',
      },
      {
        path: '/login',
        valid: () => ({
          email: bob.email,
          password: 'wrong password for bob',
          remember: 'true',
          next: '/account',
        }),
        who: 'anonymous',
      },
      { path: '/forgot-password', valid: () => ({ email: bob.email }), who: 'anonymous' },
      {
        path: '/account/profile',
        valid: () => ({
          name: 'Alice Form',
          phone: '+380 44 123 4567',
          videoHandle: 'alice',
          goals: 'Learn',
          locale: 'en',
        }),
        who: 'alice',
      },
    ];
  const getPages = [
    '/login?next=',
    '/register?email=',
    '/reset-password?token=',
    '/verify-email?token=',
    '/unsubscribe?token=',
    '/account/email/confirm?token=',
    '/forgot-password?email=',
  ];

  /** A typed value that could open markup must never come back verbatim. */
  function expectEscaped(html: string, values: string[], label: string) {
    for (const v of values) {
      if (/[<>"']/.test(v) && v.length >= 2)
        expect(
          html.includes(v),
          `${label}: reflected unescaped ${JSON.stringify(v).slice(0, 80)}`,
        ).toBe(false);
    }
    expect(html.includes(`<${canary}`), label).toBe(false);
    expect(/<script(?![^>]*\bnonce=)[^>]*>[^<]*alert/i.test(html), label).toBe(false);
  }

  it('escape everything they show, never 5xx, and a rejected form changes nothing', async () => {
    const statuses = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), hostileString), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(appUrl, appUrl, appUrl, 'https://evil.example', null),
        untilDeadline(Date.now() + seconds(6), async (which, mutations, origin) => {
          const form = forms[which % forms.length]!;
          const fields = form.valid();
          const names = Object.keys(fields);
          for (const [i, value] of mutations) fields[names[i % names.length]!] = value;
          const values = mutations.map(([, v]) => v);
          const headers: Record<string, string> = {
            'content-type': 'application/x-www-form-urlencoded',
            'x-forwarded-for': '198.51.100.8',
          };
          if (origin) headers.origin = origin;
          if (form.who === 'alice') headers.cookie = `session=${alice.token}`;
          const before = await checksum();
          const res = await app.request(
            form.path + (which % 3 === 0 ? `?next=${enc(values[0]!)}` : ''),
            { method: 'POST', headers, body: new URLSearchParams(fields) },
          );
          const html = await res.text();
          const label = `POST ${form.path} ${JSON.stringify(fields).slice(0, 300)} → ${res.status}`;
          statuses.set(`${res.status}`, (statuses.get(`${res.status}`) ?? 0) + 1);
          expect(res.status, label).toBeLessThan(500);
          expectEscaped(html, values, label);
          const location = res.headers.get('location');
          if (location) expect(location, label).toMatch(/^\/(?![/\\])/);
          if (res.status >= 400) expect(changed(before, await checksum()), label).toEqual([]);
          if (form.who === 'alice' && res.status < 400) {
            // What was saved is shown escaped wherever it appears.
            for (const page of ['/account/profile', '/account']) {
              const shown = await app.request(page, {
                headers: { cookie: `session=${alice.token}` },
              });
              expect(shown.status).toBeLessThan(500);
              expectEscaped(await shown.text(), values, `GET ${page} after ${label}`);
            }
            await restoreFixtures();
          }
        }),
      ),
      { ...fuzzSeed, numRuns: Number(process.env.FUZZ_FORM_RUNS ?? 120) },
    );
    console.info(
      `form fuzz statuses: ${[...statuses]
        .sort()
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    );
  }, 40_000);

  it('escape query strings reflected into pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...getPages),
        hostileString,
        fc.boolean(),
        untilDeadline(Date.now() + seconds(3), async (page, value, signedIn) => {
          const res = await app.request(page + enc(value), {
            headers: signedIn ? { cookie: `session=${alice.token}` } : {},
          });
          const html = await res.text();
          const label = `GET ${page}${JSON.stringify(value).slice(0, 100)} → ${res.status}`;
          expect(res.status, label).toBeLessThan(500);
          expectEscaped(html, [value], label);
          const location = res.headers.get('location');
          if (location) expect(location, label).toMatch(/^\/(?![/\\])/);
        }),
      ),
      { ...fuzzSeed, numRuns: Number(process.env.FUZZ_PAGE_RUNS ?? 120) },
    );
  }, 30_000);
});

describe('hostile inputs that earlier runs found, sent every time', () => {
  const as = (who: 'alice' | 'anonymous'): Record<string, string> =>
    who === 'alice' ? { authorization: `Bearer ${alice.token}` } : {};
  const cases: [string, string, string, 'alice' | 'anonymous', unknown][] = [
    [
      'a NUL in a registration name',
      'POST',
      '/api/v1/auth/register',
      'anonymous',
      {
        email: 'nul.name@example.com',
        password: strongPassword,
        name: 'Nul\u0000Name',
        acceptPrivacyPolicy: true,
        confirmAge: true,
      },
    ],
    [
      'a NUL in a session id in the path',
      'DELETE',
      '/api/v1/me/sessions/a%00b',
      'alice',
      undefined,
    ],
    [
      'a NUL in a passkey id in the path',
      'PATCH',
      '/api/v1/me/passkeys/a%00b',
      'alice',
      { name: 'key' },
    ],
    [
      'a NUL in a list slug',
      'PUT',
      '/api/v1/me/subscriptions/news%00',
      'alice',
      { subscribed: true },
    ],
    [
      'a NUL in a password',
      'POST',
      '/api/v1/auth/login',
      'anonymous',
      { email: 'nobody@example.com', password: 'pass\u0000word-long' },
    ],
    [
      'a NUL in a restriction reason',
      'PUT',
      '/api/v1/me/restriction',
      'alice',
      { reason: 'because\u0000' },
    ],
    [
      'a NUL in a consent version',
      'POST',
      '/api/v1/me/consents/privacy-policy',
      'alice',
      { version: '1\u0000' },
    ],
    [
      'a NUL in a token',
      'POST',
      '/api/v1/subscriptions/confirm',
      'anonymous',
      { token: 'abc\u0000def' },
    ],
    ['invalid UTF-8 in the path', 'DELETE', '/api/v1/me/sessions/%ED%A0%80%FF', 'alice', undefined],
    ['a 70 kB name', 'PATCH', '/api/v1/me', 'alice', { name: 'n'.repeat(70_000) }],
    ['an array for an object', 'POST', '/api/v1/auth/login', 'anonymous', [1, 2, 3]],
    [
      'a prototype key',
      'PATCH',
      '/api/v1/me',
      'alice',
      JSON.parse('{"__proto__": {"role": "admin"}, "name": "Proto"}'),
    ],
  ];
  it.each(cases)(
    '%s → 4xx problem+json, nothing stored',
    async (_label, method, path, who, body) => {
      const before = await checksum();
      const res = await app.request(path, {
        method,
        headers: {
          ...as(who),
          'content-type': 'application/json',
          origin: appUrl,
          'x-forwarded-for': '198.51.100.9',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      expect(res.status, text).toBeGreaterThanOrEqual(400);
      expect(res.status, text).toBeLessThan(500);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(changed(before, await checksum())).toEqual([]);
      const [me] = await t.db
        .select({ role: users.role })
        .from(users)
        .where(eq(users.id, alice.id));
      expect(me!.role).toBe('user');
    },
  );

  // Found by the fuzzer: disableTotp deleted a pending (unconfirmed) secret and then answered
  // 409 "two-factor-off".
  it('DELETE /me/2fa that answers 409 leaves a pending two-step set-up as it was', async () => {
    const headers = { authorization: `Bearer ${alice.token}`, origin: appUrl };
    expect(
      (await app.request('/api/v1/me/2fa/setup', { method: 'POST', headers })).status,
    ).toBeLessThan(300);
    const before = await checksum();
    const res = await app.request('/api/v1/me/2fa', { method: 'DELETE', headers });
    expect(res.status).toBe(409);
    expect(changed(before, await checksum())).toEqual([]);
  });
});
