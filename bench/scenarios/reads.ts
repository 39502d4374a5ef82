import { freshMedian, load, type Bench } from '../lib/context';
import { fmt, plain } from '../lib/table';
import { startBetterAuth, startFloor } from '../lib/servers';

/**
 * GET /api/v1/me and the /account page on our warm server, against the floor (Hono and one
 * prepared SELECT) and Better Auth's get-session. Returns the /me figures, the base of later ratios.
 */
export async function measureReads(
  b: Bench,
  ours: { url: string; token: string; userId: string; databaseUrl: string },
  peer: { databaseUrl: string; cookie: string },
) {
  console.error('measuring the floor, Better Auth get-session and GET /api/v1/me …');
  const cookie = { cookie: `session=${ours.token}` };
  const rFloor = await freshMedian(b, () => startFloor(ours.databaseUrl, ours.userId), '/floor');
  const rBa = await freshMedian(
    b,
    () => startBetterAuth(peer.databaseUrl),
    '/api/auth/get-session',
    () => ({
      headers: { cookie: peer.cookie },
    }),
  );
  const rMe = await load(b, `${ours.url}/api/v1/me`, { headers: cookie });
  const rPage = await load(b, `${ours.url}/account`, { headers: cookie });
  b.rows.push(
    plain('floor: Hono + one prepared SELECT', fmt(rFloor), '', '—'),
    plain('peer: Better Auth get-session', fmt(rBa), '', '—'),
    {
      scenario: 'GET /api/v1/me vs floor',
      result: fmt(rMe),
      baseline: 'floor',
      ratio: rMe.rps / rFloor.rps,
      target: '≥ 0.80',
      floor: 0.2,
    },
    {
      scenario: 'GET /api/v1/me vs Better Auth',
      result: '',
      baseline: 'Better Auth get-session',
      ratio: rMe.rps / rBa.rps,
      target: '≥ 5',
      floor: 2,
    },
    plain('GET /api/v1/me p99', `${rMe.p99} ms`, '< 25 ms'),
    {
      scenario: 'GET /account (page) vs /me',
      result: fmt(rPage),
      baseline: '/api/v1/me',
      ratio: rPage.rps / rMe.rps,
      target: '≥ 0.50',
      floor: 0.1,
    },
  );
  return rMe;
}
