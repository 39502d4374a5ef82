import { hash, verify } from '@node-rs/argon2';
import { argon2Params } from '../../src/platform/hasher';
import type { Bench } from '../lib/context';
import { runLoad, type LoadResult } from '../lib/load';
import { email, password, startBetterAuth } from '../lib/servers';
import { fmt, plain } from '../lib/table';

const ARGON2ID = 2;
/** Sign-in load: eight clients, a morning's wave at a small school (the setting). */
export const signInConnections = 8;

/**
 * argon2id verifications per second at the service's parameters with two in flight (one per
 * core here): the most sign-ins per second this machine could check if nothing else ran.
 */
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
  await Promise.all(Array.from({ length: 2 }, worker));
  return done / ((performance.now() - started) / 1000);
}

const median = <T>(xs: T[], by: (x: T) => number) =>
  [...xs].sort((a, b) => by(a) - by(b))[Math.floor(xs.length / 2)]!;

/**
 * POST /api/v1/auth/login against the argon2 bound and Better Auth's sign-in, interleaved
 * round by round; ratios are the medians of the rounds' ratios.
 */
export async function measureSignIn(b: Bench, oursUrl: string, peerDatabaseUrl: string) {
  console.error(`measuring sign-in against the argon2 bound and Better Auth (${b.runs} rounds) …`);
  const body = JSON.stringify({ email, password });
  const load = (url: string, headers: Record<string, string>) =>
    runLoad(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
      connections: signInConnections,
      seconds: b.seconds,
    });
  const rounds: { bound: number; ours: LoadResult; ba: LoadResult }[] = [];
  for (let i = 0; i < b.runs; i++) {
    const bound = await argon2Bound(b.seconds);
    const ours = await load(`${oursUrl}/api/v1/auth/login`, {});
    const peer = await startBetterAuth(peerDatabaseUrl);
    let ba: LoadResult;
    try {
      ba = await load(`${peer.url}/api/auth/sign-in/email`, { origin: peer.url });
    } finally {
      await peer.stop();
    }
    rounds.push({ bound, ours, ba });
    console.error(
      `  round ${i + 1}: bound ${bound.toFixed(0)}/s, ours ${ours.rps.toFixed(1)}/s (p99 ${ours.p99} ms), Better Auth ${ba.rps.toFixed(1)}/s`,
    );
  }
  const ratio = (f: (r: (typeof rounds)[number]) => number) => median(rounds.map(f), (x) => x);
  b.rows.push(
    plain(
      'bound: argon2id verify (m=19456,t=2,p=1), 2 in flight',
      `${median(rounds, (r) => r.bound).bound.toFixed(0)} verify/s`,
      '',
      '—',
    ),
    {
      scenario: `POST /api/v1/auth/login (${signInConnections} conn.) vs argon2 bound`,
      result: fmt(median(rounds, (r) => r.ours.rps).ours),
      baseline: 'argon2 bound',
      ratio: ratio((r) => r.ours.rps / r.bound),
      target: '≥ 0.90',
      floor: 0.08,
    },
    {
      scenario: 'POST /api/v1/auth/login vs Better Auth',
      result: fmt(median(rounds, (r) => r.ba.rps).ba),
      baseline: 'Better Auth sign-in',
      ratio: ratio((r) => r.ours.rps / r.ba.rps),
      target: '≥ 1.0',
      floor: 0.5,
    },
  );
}
