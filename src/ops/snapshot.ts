import { sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../deps';
import { rowsOf } from '../platform/sql-rows';

/**
 * What the database says at scrape time: shared by every instance, so any instance's
 * /metrics shows the same queue, jobs and accounts. A handful of aggregate queries, each on an
 * indexed or small table; a failure leaves `databaseUp` false instead of failing the scrape.
 */
export type OpsSnapshot = {
  databaseUp: boolean;
  queryMs: number;
  outbox: { byStatus: Record<string, number>; oldestUnsentAgeSeconds: number };
  accounts: { verified: number; unverified: number; deletionScheduled: number };
  jobs: {
    name: string;
    lastStartedAt: number | null;
    lastFinishedAt: number | null;
    failing: boolean;
    running: boolean;
  }[];
  /** PostgreSQL only: this database's client connections by state (every instance's, from pg_stat_activity). */
  connections?: Record<string, number>;
};

type SnapshotDeps = Pick<Deps, 'db' | 'clock'>;

async function query<T>(deps: Pick<Deps, 'db'>, statement: SQL): Promise<T[]> {
  return rowsOf<T>(await deps.db.execute(statement));
}

const seconds = (value: number | string | null) => (value === null ? null : Number(value));

async function readOutbox(deps: SnapshotDeps, now: Date): Promise<OpsSnapshot['outbox']> {
  const outbox = await query<{ status: string; n: number; oldest: number | null }>(
    deps,
    sql`select status, count(*)::int as n, extract(epoch from min(created_at))::float8 as oldest from email_outbox group by status`,
  );
  const unsent = outbox
    .filter((r) => r.status === 'pending' || r.status === 'sending')
    .map((r) => seconds(r.oldest))
    .filter((s): s is number => s !== null);
  return {
    byStatus: Object.fromEntries(outbox.map((r) => [r.status, Number(r.n)])),
    oldestUnsentAgeSeconds: unsent.length
      ? Math.max(0, now.getTime() / 1000 - Math.min(...unsent))
      : 0,
  };
}

async function readAccounts(deps: SnapshotDeps): Promise<OpsSnapshot['accounts']> {
  const [accounts] = await query<{
    verified: number;
    unverified: number;
    deletion_scheduled: number;
  }>(
    deps,
    sql`select count(*) filter (where email_verified_at is not null)::int as verified,
               count(*) filter (where email_verified_at is null)::int as unverified,
               count(*) filter (where deletion_scheduled_for is not null)::int as deletion_scheduled
        from users`,
  );
  return {
    verified: Number(accounts?.verified ?? 0),
    unverified: Number(accounts?.unverified ?? 0),
    deletionScheduled: Number(accounts?.deletion_scheduled ?? 0),
  };
}

async function readJobs(deps: SnapshotDeps, now: Date): Promise<OpsSnapshot['jobs']> {
  const jobs = await query<{
    name: string;
    started: number | null;
    finished: number | null;
    failing: boolean;
    locked: number | null;
  }>(
    deps,
    sql`select name, extract(epoch from last_started_at)::float8 as started, extract(epoch from last_finished_at)::float8 as finished,
               last_error is not null as failing, extract(epoch from locked_until)::float8 as locked
        from job_runs order by name`,
  );
  return jobs.map((j) => ({
    name: j.name,
    lastStartedAt: seconds(j.started),
    lastFinishedAt: seconds(j.finished),
    failing: !!j.failing,
    running: j.locked !== null && Number(j.locked) * 1000 > now.getTime(),
  }));
}

async function readConnections(deps: SnapshotDeps): Promise<Record<string, number>> {
  const connections = await query<{ state: string; n: number }>(
    deps,
    sql`select coalesce(state, 'unknown') as state, count(*)::int as n from pg_stat_activity
        where datname = current_database() and backend_type = 'client backend' group by 1`,
  );
  return Object.fromEntries(connections.map((r) => [r.state, Number(r.n)]));
}

export async function readOpsSnapshot(
  deps: SnapshotDeps,
  options: { connections?: boolean } = {},
): Promise<OpsSnapshot> {
  const began = performance.now();
  const now = deps.clock.now();
  try {
    const outbox = await readOutbox(deps, now);
    const accounts = await readAccounts(deps);
    const jobs = await readJobs(deps, now);
    const connections = options.connections ? await readConnections(deps) : undefined;
    return {
      databaseUp: true,
      queryMs: performance.now() - began,
      outbox,
      accounts,
      jobs,
      connections,
    };
  } catch {
    return {
      databaseUp: false,
      queryMs: performance.now() - began,
      outbox: { byStatus: {}, oldestUnsentAgeSeconds: 0 },
      accounts: { verified: 0, unverified: 0, deletionScheduled: 0 },
      jobs: [],
    };
  }
}
