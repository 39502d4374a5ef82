/**
 * How long queuing one announcement to 100,000 subscribers takes, next to a plain
 * INSERT … SELECT of the same number of outbox rows of the same size in the same run.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/announcements.ts [recipients] [rounds]
 *
 * Works in a scratch database created next to DATABASE_URL's and dropped at the end.
 * Not part of `npm test`; `npm run bench` runs it too (measureAnnouncement).
 */
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { parseConfig } from '../src/config';
import type { Deps } from '../src/deps';
import { systemClock } from '../src/platform/clock';
import { openPostgres } from '../src/platform/db.postgres';
import { silentLogger } from '../src/platform/logger';
import type { Db } from '../src/platform/db-types';
import { sendAnnouncement } from '../src/subscriptions/announcements';
import { renderAnnouncement } from '../src/subscriptions/render-announcement';
import { rowsOf } from '../src/platform/sql-rows';

const content = {
  list: 'news',
  subject: 'Summer timetable',
  body: 'Lessons move to mornings from June.\n\nReply to this mail if the new times do not suit you; we will find another slot together.',
  translations: {
    uk: {
      subject: 'Літній розклад',
      body: 'Із червня заняття переходять на ранок.\n\nЯкщо новий час не підходить, відповідайте на цей лист.',
    },
  },
};

export type AnnouncementFigures = {
  recipients: number;
  baselineMs: number;
  announcementMs: number;
  rounds: number;
};

/** Mail goes nowhere and nobody signs in: queuing an announcement needs neither. */
function benchDeps(db: Db, config: Deps['config']): Deps {
  return {
    db,
    config,
    clock: systemClock,
    log: silentLogger,
    notifyMail: () => {},
    mailer: { kind: 'dev', send: () => Promise.resolve({ ok: true, providerId: 'bench' }) },
    hasher: {
      hash: () => Promise.resolve(''),
      verify: () => Promise.resolve(false),
      needsRehash: () => false,
    },
  };
}

/** `recipients` verified users subscribed to the news list (every fifth in Ukrainian), and one staff member; returns the staff id. */
async function seedSubscribers(db: Db, recipients: number) {
  await db.execute(sql`
    insert into users (email, name, locale, email_verified_at)
    select 'bench' || i || '@example.com', 'Bench ' || i, case when i % 5 = 0 then 'uk' else 'en' end, now()
    from generate_series(1, ${recipients}) as i`);
  await db.execute(sql`
    insert into subscriptions (user_id, list_slug, status, requested_at, confirmed_at)
    select id, 'news', 'subscribed', now(), now() from users`);
  const staff = rowsOf<{ id: string }>(
    await db.execute(
      sql`insert into users (email, name, role, email_verified_at) values ('staff@example.com', 'Staff', 'staff', now()) returning id`,
    ),
  )[0]!.id;
  await db.execute(sql`analyze`);
  return staff;
}

/** One round on an empty outbox each: the baseline's time, then the announcement's. */
async function timeRound(deps: Deps, recipients: number, staffId: string) {
  const db = deps.db;
  await db.execute(sql`truncate email_outbox, delivery_events`);
  let t0 = performance.now();
  const n = await plainInsertSelect(db, deps);
  const baselineMs = performance.now() - t0;
  if (n !== recipients) throw new Error(`baseline inserted ${n} rows`);

  await db.execute(sql`truncate email_outbox, delivery_events`);
  t0 = performance.now();
  const result = await sendAnnouncement(deps, { ...content, staffId });
  const announcementMs = performance.now() - t0;
  if (!result.ok || result.queued !== recipients)
    throw new Error(`queued ${JSON.stringify(result)}`);
  return { baselineMs, announcementMs };
}

/** Seeds `recipients` confirmed subscribers in a scratch database, then times both, `rounds` times. */
export async function measureAnnouncement(
  base: string,
  recipients: number,
  rounds: number,
  log: (line: string) => void = console.log,
): Promise<AnnouncementFigures> {
  const scratch = `accounts_bench_${process.pid}`;
  const scratchUrl = Object.assign(new URL(base), { pathname: `/${scratch}` }).toString();
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${scratch}"`);
  const handle = openPostgres(scratchUrl, { max: 4 });

  try {
    await handle.migrate();
    const config = parseConfig({ APP_URL: 'https://school.example', DATABASE_URL: scratchUrl });
    const deps = benchDeps(handle.db, config);
    const t0 = performance.now();
    const staff = await seedSubscribers(handle.db, recipients);
    log(`seeded ${recipients} verified, subscribed users in ${seconds(performance.now() - t0)} s`);

    const baseline: number[] = [];
    const measured: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const r = await timeRound(deps, recipients, staff);
      baseline.push(r.baselineMs);
      measured.push(r.announcementMs);
      log(
        `round ${round}: baseline ${seconds(r.baselineMs)} s, announcement ${seconds(r.announcementMs)} s`,
      );
    }

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return { recipients, baselineMs: median(baseline), announcementMs: median(measured), rounds };
  } finally {
    await handle.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.end();
  }
}

// Run directly: DATABASE_URL=… npx tsx bench/announcements.ts [recipients] [rounds]
if (import.meta.url === `file://${process.argv[1]}`) {
  const recipients = Number(process.argv[2] ?? 100_000);
  const rounds = Number(process.argv[3] ?? 3);
  const base = process.env.DATABASE_URL;
  if (!base || !/^postgres(ql)?:\/\//.test(base)) {
    console.error(
      'Set DATABASE_URL=postgres://… (a server where a scratch database may be created).',
    );
    process.exit(1);
  }
  const f = await measureAnnouncement(base, recipients, rounds);
  const b = f.baselineMs;
  const m = f.announcementMs;
  console.log('');
  console.log(`rows per run:                       ${recipients}`);
  console.log(
    `plain INSERT … SELECT (baseline):   ${seconds(b)} s  ${Math.round(recipients / (b / 1000))} rows/s`,
  );
  console.log(
    `queue one announcement:             ${seconds(m)} s  ${Math.round(recipients / (m / 1000))} rows/s`,
  );
  console.log(`announcement / baseline:            ${(m / b).toFixed(2)}×  (median of ${rounds})`);
  console.log(`under 10 s:                         ${m < 10_000 ? 'yes' : 'NO'}`);
}

function seconds(ms: number) {
  return (ms / 1000).toFixed(2);
}

/**
 * The floor: the same number of outbox rows with bodies of the same size, written by one
 * INSERT … SELECT with nothing per row to compute (no token, no locale choice, no dedup key).
 */
async function plainInsertSelect(db: Db, deps: Pick<Deps, 'config'>) {
  const sample = 'x'.repeat(70);
  const [en] = renderAnnouncement(
    deps,
    { content: { en: content }, listNames: { en: 'News' } },
    `${deps.config.appUrl}/unsubscribe?token=${sample}`,
  );
  const headers = JSON.stringify({
    'List-Unsubscribe': `<${deps.config.appUrl}/unsubscribe?token=${sample}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  });
  const result = await db.execute(sql`
    with queued as (
      insert into email_outbox (user_id, to_address, template, locale, subject, html, text, headers, contains_secret)
      select u.id, u.email, 'baseline', 'en', ${en!.mail.subject}, ${en!.mail.html}, ${en!.mail.text}, ${headers}::jsonb, true
      from subscriptions s join users u on u.id = s.user_id
      where s.list_slug = 'news'
      returning 1
    )
    select count(*)::int as n from queued`);
  return rowsOf<{ n: number }>(result)[0]!.n;
}
