import { and, eq, sql } from 'drizzle-orm';
import { emailOutbox, sessions, users } from '../../db/schema';
import { createClient, type Client } from './client';
import type { TestApp } from './test-app';
import type { Locale } from '../../src/i18n';
import { mailedToken } from '../../scripts/lib/harness-app';

/** Long and not in any common-password list, so the policy never gets in the way. */
export const strongPassword = 'correct horse battery staple 7';

export type Person = { email: string; password: string; name: string; locale?: Locale };

let seq = 0;
/** A person with an address no other test uses, so tests can share one database. */
export function newPerson(label = 'user', overrides: Partial<Person> = {}): Person {
  seq += 1;
  return {
    email: `${label}.${seq}.${Math.random().toString(36).slice(2, 8)}@example.com`,
    password: strongPassword,
    name: `Test ${label} ${seq}`,
    ...overrides,
  };
}

export function registerRequest(client: Client, p: Person, extra: Record<string, unknown> = {}) {
  return client.post('/api/v1/auth/register', {
    email: p.email,
    password: p.password,
    name: p.name,
    ...(p.locale ? { locale: p.locale } : {}),
    acceptPrivacyPolicy: true,
    confirmAge: true,
    ...extra,
  });
}

// Shared with the screenshots' seeding, which lives in scripts/lib.
export { mailedToken };

/**
 * Registers through the API, follows the verification link with the password (which signs
 * in), signs out again, and returns the user id.
 */
export async function registerAndVerify(t: TestApp, client: Client, p: Person): Promise<string> {
  const res = await registerRequest(client, p);
  if (res.status !== 202) throw new Error(`register answered ${res.status}: ${await res.text()}`);
  const token = await mailedToken(t, p.email, '/verify-email');
  const verified = await client.post('/api/v1/auth/verify-email', { token, password: p.password });
  if (verified.status !== 200)
    throw new Error(`verify answered ${verified.status}: ${await verified.text()}`);
  // Confirming signs in; the person closes that tab, so tests start with no session.
  await client.post('/api/v1/auth/logout');
  const user = await userByEmail(t, p.email);
  if (!user) throw new Error(`no user row for ${p.email}`);
  return user.id;
}

export function loginRequest(
  client: Client,
  p: Pick<Person, 'email' | 'password'>,
  options: {
    remember?: boolean;
    tokenInBody?: boolean;
    headers?: Record<string, string>;
    ip?: string;
    origin?: string | null;
  } = {},
) {
  const { headers, ip, origin, ...flags } = options;
  return client.post(
    '/api/v1/auth/login',
    { email: p.email, password: p.password, ...flags },
    { headers, ip, origin },
  );
}

/** Signs in and insists it worked; returns the response body (with `token` when asked). */
export async function signIn(
  client: Client,
  p: Pick<Person, 'email' | 'password'>,
  options: Parameters<typeof loginRequest>[2] = {},
): Promise<{ user: { id: string; email: string }; token?: string }> {
  const res = await loginRequest(client, p, options);
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
  return res.json();
}

export const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** The Set-Cookie line that sets (or clears) the cookie `name`. */
export const setCookieFor = (res: Response, name: string) =>
  res.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));

export async function userByEmail(t: TestApp, email: string) {
  const [row] = await t.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row ?? null;
}

export async function userById(t: TestApp, id: string) {
  const [row] = await t.db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function sessionsOf(t: TestApp, userId: string) {
  return t.db.select().from(sessions).where(eq(sessions.userId, userId));
}

/** Outbox rows of one template for one user: robust to wording changes in the catalogues. */
export async function outboxOf(t: TestApp, userId: string, template: string) {
  return t.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.userId, userId), eq(emailOutbox.template, template)));
}

/** The session id part of an `id.secret` token. */
export const sessionIdOf = (token: string) => token.split('.')[0]!;

/** A status and body read together, so a failing expectation shows what came back. */
export async function read(res: Response) {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON; keep the text
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke into any shape
  return { status: res.status, body: body as any, headers: res.headers };
}

/** Matches a problem `type` URL by its slug. */
export const problemType = (slug: string) => new RegExp(`/problems/${slug}$`);

export type SignedInPerson = {
  p: Person;
  id: string;
  c: Client;
  /** What the sign-in answered (with `token` when `signIn.tokenInBody` was asked). */
  body: Awaited<ReturnType<typeof signIn>>;
};

/**
 * A verified, signed-in person: registered and verified through one `client()`, then signed
 * in on a fresh one (`c`), so each test gets its own cookie jar. `role` is set directly in
 * the database before signing in.
 */
export async function signedInPerson(
  t: TestApp,
  label: string,
  client: () => Client,
  options: {
    person?: Partial<Person>;
    role?: 'user' | 'staff' | 'admin';
    signIn?: Parameters<typeof signIn>[2];
  } = {},
): Promise<SignedInPerson> {
  const p = newPerson(label, options.person);
  const id = await registerAndVerify(t, client(), p);
  if (options.role && options.role !== 'user')
    await t.db.update(users).set({ role: options.role }).where(eq(users.id, id));
  const c = client();
  const body = await signIn(c, p, options.signIn);
  return { p, id, c, body };
}

export type Member = { id: string; email: string; client: Client };
export type NamedMember = Member & { name: string };

/**
 * A verified, signed-in person with their own client address (so per-address limits never
 * couple tests), optionally made staff directly in the database.
 */
export async function signedInMember(
  t: TestApp,
  label: string,
  options: { ip: string; role?: 'staff' | 'admin'; locale?: Locale; name?: string },
): Promise<NamedMember> {
  const client = createClient(t, { ip: options.ip });
  const { id, p } = await signedInPerson(t, label, () => client, {
    person: { locale: options.locale, ...(options.name ? { name: options.name } : {}) },
    role: options.role,
  });
  return { id, email: p.email, name: p.name, client };
}
