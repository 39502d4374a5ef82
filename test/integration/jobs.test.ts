import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { emailOutbox, jobRuns, sessions, tokens, users, webauthnChallenges } from '../../db/schema';
import type { Deps } from '../../src/deps';
import { insertOutboxRow } from '../helpers/outbox';
import { jobs, runDueJobs } from '../../src/jobs/schedule';
import { startJobTimer } from '../../src/jobs/timer';
import { openPostgres } from '../../src/platform/db.postgres';
import { usePostgres } from '../helpers/database';
import { useTestApp } from '../helpers/use-test-app';
import { runCli } from '../reliability/support';
import { signedInPerson } from './privacy-fixtures';

/** The background jobs: retention purges, the once-per-period claim, and the Node timer. */
const t = useTestApp();
beforeEach(async () => {
  await t.db.delete(emailOutbox);
  t.resend.reset();
});

const enqueue = (to: string) =>
  insertOutboxRow(
    t.db,
    { toAddress: to, template: 'test', locale: 'en', subject: 'Hi', html: '<p>Hi</p>', text: 'Hi' },
    t.clock.now(),
  );
describe('scheduled jobs', () => {
  const hour = 3_600_000;

  it('purges expired sessions and tokens, keeping live ones', async () => {
    const now = t.clock.now().getTime();
    const at = (ms: number) => new Date(now + ms);
    const [user] = await t.db
      .insert(users)
      .values({ email: `jobs-${now}@example.com`, name: 'Jobs', emailVerifiedAt: at(0) })
      .returning();
    const userId = user!.id;
    await t.db.insert(sessions).values([
      {
        id: `live-${now}`,
        secretHash: 'x',
        userId,
        expiresAt: at(3 * hour),
        absoluteExpiresAt: at(48 * hour),
      },
      {
        id: `idle-${now}`,
        secretHash: 'x',
        userId,
        expiresAt: at(hour),
        absoluteExpiresAt: at(48 * hour),
      },
      {
        id: `old-${now}`,
        secretHash: 'x',
        userId,
        expiresAt: at(3 * hour),
        absoluteExpiresAt: at(hour),
      },
    ]);
    await t.db.insert(tokens).values([
      { purpose: 'verify-email', hash: `live-${now}`, userId, expiresAt: at(3 * hour) },
      { purpose: 'verify-email', hash: `expired-${now}`, userId, expiresAt: at(hour) },
      {
        purpose: 'reset-password',
        hash: `used-${now}`,
        userId,
        expiresAt: at(3 * hour),
        usedAt: at(-24 * hour),
      },
    ]);
    await t.db.insert(webauthnChallenges).values([
      { challenge: 'live', purpose: 'authentication', expiresAt: at(3 * hour) },
      { challenge: 'gone', purpose: 'authentication', expiresAt: at(hour) },
    ]);
    t.clock.advance(2 * hour);

    const first = await runDueJobs(t.deps);
    expect(first['purge-expired']).toMatchObject({ sessions: 2, tokens: 2, webauthnChallenges: 1 });
    const left = await t.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, userId));
    expect(left.map((s) => s.id)).toEqual([`live-${now}`]);
    const leftTokens = await t.db
      .select({ hash: tokens.hash })
      .from(tokens)
      .where(eq(tokens.userId, userId));
    expect(leftTokens.map((x) => x.hash)).toEqual([`live-${now}`]);

    const second = await runDueJobs(t.deps);
    expect(second).not.toHaveProperty('purge-expired');
    expect(second).toHaveProperty('outbox');

    t.clock.advance(hour);
    expect(await runDueJobs(t.deps)).toHaveProperty('purge-expired');
  });

  it('runs every scheduled job without an error, mail last', async () => {
    const results = await runDueJobs(t.deps, { force: true });
    expect(Object.keys(results)).toEqual(jobs.map((j) => j.name));
    expect(Object.keys(results).at(-1)).toBe('outbox');
    const failed = Object.entries(results).filter(
      ([, r]) => typeof r === 'object' && r !== null && 'error' in r,
    );
    expect(failed).toEqual([]);
  });

  // The CLI is the operator's "do it now": it is not bound by the timer's period (issue 19).
  it.runIf(usePostgres())(
    '`npm run cli -- jobs` erases a due deletion even when the purge ran a minute ago',
    async () => {
      const { client, userId } = await signedInPerson(t, 'cli-due');
      expect((await client.delete('/api/v1/me')).status).toBe(202);
      await t.db
        .update(users)
        .set({ deletionScheduledFor: new Date(Date.now() - 60_000) })
        .where(eq(users.id, userId));
      await t.db
        .insert(jobRuns)
        .values({ name: 'purge-deleted-accounts', lastStartedAt: new Date() })
        .onConflictDoUpdate({ target: jobRuns.name, set: { lastStartedAt: new Date() } });
      const run = await runCli(['jobs'], { DATABASE_URL: t.dbHandle.url! });
      expect(run.code, run.stderr).toBe(0);
      expect(await t.db.select().from(users).where(eq(users.id, userId))).toEqual([]);
    },
    60_000,
  );

  it('runs a due job once when two runners race for it', async () => {
    t.clock.advance(2 * hour);
    const other = usePostgres() ? openPostgres(t.dbHandle.url!, { max: 2 }) : null;
    try {
      const second: Deps = other ? { ...t.deps, db: other.db } : t.deps;
      const results = await Promise.all([
        runDueJobs(t.deps, { only: ['purge-expired'] }),
        runDueJobs(second, { only: ['purge-expired'] }),
      ]);
      expect(results.filter((r) => 'purge-expired' in r)).toHaveLength(1);
    } finally {
      await other?.close();
    }
  });
});

describe('job timer', () => {
  // Polling and the first full pass are pushed out of the way: only a kick can send in time.
  const timerDeps = (): Deps => ({
    ...t.deps,
    config: { ...t.deps.config, mailPollMs: 3_600_000 },
  });
  const startTimer = () => startJobTimer(timerDeps, { firstRunMs: 3_600_000 });
  const waitFor = async (check: () => boolean, ms: number) => {
    const began = Date.now();
    while (!check() && Date.now() - began < ms) await new Promise((r) => setTimeout(r, 10));
    return check();
  };

  it('sends mail kicked while a pass is running right after that pass', async () => {
    t.resend.setLatency(200);
    const timer = startTimer();
    try {
      await enqueue('first@example.com');
      timer.kick();
      expect(await waitFor(() => t.resend.log.length === 1, 5000)).toBe(true);
      await enqueue('second@example.com');
      timer.kick();
      expect(await waitFor(() => t.resend.to('second@example.com').length === 1, 5000)).toBe(true);
    } finally {
      await timer.stop();
    }
  });

  it('sends mail kicked just before stop while stopping', async () => {
    const timer = startTimer();
    await enqueue('last@example.com');
    timer.kick();
    await timer.stop();
    expect(t.resend.to('last@example.com')).toHaveLength(1);
  });
});
