import { exclusive, password, pick, ready, type Crowd, type Person } from './crowd';

type SignedIn = { token: string; user: { id: string } };

export async function register(c: Crowd) {
  c.seq++;
  const seq = c.seq;
  const p: Person = {
    email: `soak.${process.pid}.${seq}@example.com`,
    password,
    ip: `10.${100 + (seq % 100)}.${Math.floor(seq / 250) % 250}.${(seq % 250) + 1}`,
    verified: false,
    subscribed: false,
  };
  const res = await c.traffic.call('register', 'POST', '/api/v1/auth/register', {
    body: {
      email: p.email,
      password,
      name: `Soak Person ${seq}`,
      acceptPrivacyPolicy: true,
      confirmAge: true,
    },
    ip: p.ip,
    expect: [202],
  });
  if (res.ok) c.people.push(p);
}

export function verify(c: Crowd) {
  return exclusive(
    c.people.filter((x) => !x.verified),
    async (p) => {
      const token = await c.target.mailedToken(p.email, '/verify-email');
      if (!token) return; // not mailed yet: next time
      const res = await c.traffic.call('verify', 'POST', '/api/v1/auth/verify-email', {
        body: { token, password: p.password },
        ip: p.ip,
        expect: [200],
      });
      if (res.ok) p.verified = true;
    },
  );
}

export async function signIn(c: Crowd) {
  const p = pick(ready(c));
  if (!p) return;
  const res = await c.traffic.call<SignedIn>('sign-in', 'POST', '/api/v1/auth/login', {
    body: { email: p.email, password, tokenInBody: true },
    ip: p.ip,
    expect: [200],
  });
  if (res.ok)
    Object.assign(p, { token: res.json!.token, id: res.json!.user.id, signedInAt: Date.now() });
}

export async function wrongPassword(c: Crowd) {
  const p = pick(ready(c));
  if (p)
    await c.traffic.call('wrong password', 'POST', '/api/v1/auth/login', {
      body: { email: p.email, password: 'not the password at all' },
      ip: p.ip,
      expect: [401],
    });
}
