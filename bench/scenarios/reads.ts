import { runLoad, type LoadResult } from '../lib/load';
import type { Bench } from '../lib/context';
import type { Server } from '../lib/proc';
import { fmt, plain } from '../lib/table';
import { startBetterAuth, startFloor } from '../lib/servers';

/** A baseline in a fresh process for each round (see freshMedian in lib/context.ts for why). */
async function fresh(start: () => Promise<Server>, path: string, o: Parameters<typeof runLoad>[1]) {
  const server = await start();
  try {
    return await runLoad(server.url + path, o);
  } finally {
    await server.stop();
  }
}

const median = <T>(xs: T[], by: (x: T) => number) =>
  [...xs].sort((a, b) => by(a) - by(b))[Math.floor(xs.length / 2)]!;

/**
 * GET /api/v1/me and the /account page on our warm server, against the floor (Hono and one
 * prepared SELECT) and Better Auth's get-session, interleaved: every round measures all four
 * one after the other, so a machine that slows down or speeds up during the run moves them
 * together. Ratios are the medians of the rounds' ratios. Returns /me's median figures.
 */
export async function measureReads(
  b: Bench,
  ours: { url: string; token: string; userId: string; databaseUrl: string },
  peer: { databaseUrl: string; cookie: string },
) {
  console.error(
    `measuring the floor, Better Auth get-session, /api/v1/me and /account (${b.runs} rounds) …`,
  );
  const seconds = b.seconds;
  const cookie = { cookie: `session=${ours.token}` };
  const rounds: Round[] = [];
  for (let i = 0; i < b.runs; i++) {
    const floor = await fresh(() => startFloor(ours.databaseUrl, ours.userId), '/floor', {
      seconds,
    });
    const ba = await fresh(() => startBetterAuth(peer.databaseUrl), '/api/auth/get-session', {
      seconds,
      headers: { cookie: peer.cookie },
    });
    const me = await runLoad(`${ours.url}/api/v1/me`, { seconds, headers: cookie });
    const page = await runLoad(`${ours.url}/account`, { seconds, headers: cookie });
    rounds.push({ floor, ba, me, page });
    console.error(
      `  round ${i + 1}: floor ${floor.rps.toFixed(0)}, Better Auth ${ba.rps.toFixed(0)}, /me ${me.rps.toFixed(0)} (p99 ${me.p99} ms), /account ${page.rps.toFixed(0)} req/s`,
    );
  }
  return readRows(b, rounds);
}

type Round = { floor: LoadResult; ba: LoadResult; me: LoadResult; page: LoadResult };

/** The rounds' medians as report rows; returns /me's median. */
function readRows(b: Bench, rounds: Round[]) {
  const pick = (k: keyof Round) =>
    median(
      rounds.map((r) => r[k]),
      (r) => r.rps,
    );
  const ratio = (f: (r: Round) => number) => median(rounds.map(f), (x) => x);
  const rMe = pick('me');
  const range = (k: 'me' | 'floor') =>
    `${Math.min(...rounds.map((r) => r[k].rps)).toFixed(0)}–${Math.max(...rounds.map((r) => r[k].rps)).toFixed(0)}`;
  b.rows.push(
    plain(
      'floor: Hono + one prepared SELECT',
      `${fmt(pick('floor'))} (rounds ${range('floor')})`,
      '',
      '—',
    ),
    plain('peer: Better Auth get-session', fmt(pick('ba')), '', '—'),
    {
      scenario: 'GET /api/v1/me vs floor',
      result: `${fmt(rMe)} (rounds ${range('me')})`,
      baseline: 'floor',
      ratio: ratio((r) => r.me.rps / r.floor.rps),
      target: '≥ 0.80',
      floor: 0.2,
    },
    {
      scenario: 'GET /api/v1/me vs Better Auth',
      result: '',
      baseline: 'Better Auth get-session',
      ratio: ratio((r) => r.me.rps / r.ba.rps),
      target: '≥ 5',
      floor: 2,
    },
    plain(
      'GET /api/v1/me p99',
      `${median(
        rounds.map((r) => r.me.p99),
        (x) => x,
      )} ms`,
      '< 20 ms',
    ),
    {
      scenario: 'GET /account (page) vs /me',
      result: fmt(pick('page')),
      baseline: '/api/v1/me',
      ratio: ratio((r) => r.page.rps / r.me.rps),
      target: '≥ 0.50',
      floor: 0.1,
    },
  );
  return rMe;
}
