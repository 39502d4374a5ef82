import { hash, verify } from '@node-rs/argon2';
import { argon2Params } from '../../src/platform/hasher';
import { freshMedian, load, type Bench } from '../lib/context';
import { email, password, startBetterAuth } from '../lib/servers';
import { fmt, plain } from '../lib/table';

const ARGON2ID = 2;

/** argon2id verifications per second at the service's parameters, on the libuv pool (the sign-in ceiling). */
async function argon2Bound(seconds: number): Promise<number> {
  const stored = await hash(password, { ...argon2Params, algorithm: ARGON2ID });
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      await verify(stored, password);
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: 50 }, worker));
  return done / ((performance.now() - started) / 1000);
}

/** POST /api/v1/auth/login against the argon2 bound and Better Auth's sign-in. */
export async function measureSignIn(b: Bench, oursUrl: string, peerDatabaseUrl: string) {
  console.error('measuring sign-in against the argon2 bound and Better Auth …');
  const bound = await argon2Bound(b.seconds);
  const loginBody = JSON.stringify({ email, password });
  const rLogin = await load(b, `${oursUrl}/api/v1/auth/login`, {
    method: 'POST',
    body: loginBody,
    headers: { 'content-type': 'application/json' },
  });
  const rBaLogin = await freshMedian(
    b,
    () => startBetterAuth(peerDatabaseUrl),
    '/api/auth/sign-in/email',
    (url) => ({
      method: 'POST',
      body: loginBody,
      headers: { 'content-type': 'application/json', origin: url },
    }),
  );
  b.rows.push(
    plain('bound: argon2id verify (m=19456,t=2,p=1)', `${bound.toFixed(0)} verify/s`, '', '—'),
    {
      scenario: 'POST /api/v1/auth/login vs argon2 bound',
      result: fmt(rLogin),
      baseline: 'argon2 bound',
      ratio: rLogin.rps / bound,
      target: '≥ 0.90',
      floor: 0.08,
    },
    {
      scenario: 'POST /api/v1/auth/login vs Better Auth',
      result: fmt(rBaLogin),
      baseline: 'Better Auth sign-in',
      ratio: rLogin.rps / rBaLogin.rps,
      target: '≥ 1.0',
      floor: 0.5,
    },
  );
}
