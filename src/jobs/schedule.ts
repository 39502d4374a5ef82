import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { jobRuns } from '../../db/schema';
import type { Deps } from '../deps';
import { dispatchMail } from '../mail/outbox';
import { privacyJobs } from '../privacy';
import { purgeExpired, purgeUnverified } from './retention';

export type Job = { name: string; everyMs: number; run(deps: Deps): Promise<unknown> };

const minute = 60_000;

/** The schedule: which job runs how often. Each job is a plain function of `deps`. */
export const jobs: Job[] = [
  { name: 'purge-expired', everyMs: 60 * minute, run: purgeExpired },
  { name: 'purge-unverified', everyMs: 60 * minute, run: purgeUnverified },
  // Deletion, inactivity, IP and mail-body retention, policy notices: the privacy module's own.
  ...privacyJobs,
  // Last, so mail the jobs above queued leaves in the same pass (the CLI runs only one).
  { name: 'outbox', everyMs: 0, run: dispatchMail },
];

/**
 * Claims a job run in the database, so with several instances only one runs it per period.
 * The claim is the single UPDATE … WHERE locked_until has passed; whoever updates the row wins.
 */
async function claimJob(deps: Deps, job: Job, force: boolean) {
  const now = deps.clock.now();
  await deps.db.insert(jobRuns).values({ name: job.name }).onConflictDoNothing();
  const due = force
    ? sql`true`
    : or(
        isNull(jobRuns.lastStartedAt),
        lte(jobRuns.lastStartedAt, new Date(now.getTime() - job.everyMs)),
      );
  const claimed = await deps.db
    .update(jobRuns)
    .set({ lastStartedAt: now, lockedUntil: new Date(now.getTime() + 10 * minute) })
    .where(
      and(
        eq(jobRuns.name, job.name),
        due,
        or(isNull(jobRuns.lockedUntil), lte(jobRuns.lockedUntil, now)),
      ),
    )
    .returning({ name: jobRuns.name });
  return claimed.length > 0;
}

/** Runs every due job once (or every job, with `force`); returns what each did. */
export async function runDueJobs(deps: Deps, options: { force?: boolean; only?: string[] } = {}) {
  const results: Record<string, unknown> = {};
  for (const job of jobs) {
    if (options.only && !options.only.includes(job.name)) continue;
    // The outbox claims its own rows with SKIP LOCKED; it never needs the job lock.
    if (job.name !== 'outbox' && !(await claimJob(deps, job, !!options.force))) continue;
    try {
      results[job.name] = await job.run(deps);
      if (job.name !== 'outbox') {
        await deps.db
          .update(jobRuns)
          .set({ lastFinishedAt: deps.clock.now(), lockedUntil: null, lastError: null })
          .where(eq(jobRuns.name, job.name));
      }
    } catch (err) {
      deps.log.error({ job: job.name, err }, 'job failed');
      results[job.name] = { error: (err as Error).message };
      if (job.name !== 'outbox') {
        await deps.db
          .update(jobRuns)
          .set({ lockedUntil: null, lastError: String((err as Error).message).slice(0, 500) })
          .where(eq(jobRuns.name, job.name));
      }
    }
  }
  return results;
}
