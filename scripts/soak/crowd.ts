import type { Target } from './target';
import type { Traffic } from './traffic';

export const password = 'soak test long passphrase 42';

export type Person = {
  email: string;
  password: string;
  ip: string;
  id?: string;
  token?: string;
  signedInAt?: number;
  verified: boolean;
  subscribed: boolean;
  listDone?: boolean;
  busy?: boolean;
};

/** What the operations share: the server, the request log, and the people made so far. */
export type Crowd = {
  target: Target;
  traffic: Traffic;
  people: Person[];
  /** How many people have been registered (or tried to be): numbers addresses and IPs. */
  seq: number;
  adminToken: string | null;
};

export const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
export const ready = (c: Crowd) => c.people.filter((p) => p.verified);
export const signedIn = (c: Crowd) => ready(c).filter((p) => p.token);

/**
 * One operation at a time on a person whose state it moves on (a mailed token is single-use,
 * a subscription goes join, confirm, leave): two of them picking the same person while the
 * server is slow would otherwise spend one token twice, and count the app's right answer
 * (400 "already used") as unexpected.
 */
export async function exclusive(candidates: Person[], work: (p: Person) => Promise<void>) {
  const p = pick(candidates.filter((x) => !x.busy));
  if (!p) return;
  p.busy = true;
  try {
    await work(p);
  } finally {
    p.busy = false;
  }
}

/** With --admin-email (or our own server's admin), a staff token for bookings; else null. */
export async function adminSignIn(target: Target, traffic: Traffic) {
  if (!target.admin) return null;
  const res = await traffic.call<{ token?: string }>(
    'admin sign-in',
    'POST',
    '/api/v1/auth/login',
    {
      body: { ...target.admin, tokenInBody: true },
      ip: '10.200.0.1',
      expect: [200],
    },
  );
  return res.json?.token ?? null;
}
