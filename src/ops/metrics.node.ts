import type * as PromClient from 'prom-client';
import type { Db } from '../platform/db-types';
import {
  classifyAuthRequest,
  methodLabel,
  type Metrics,
  type RegistrationOutcome,
  type SignInMethod,
  type SignInOutcome,
} from '../platform/metrics';
import { readOpsSnapshot, type OpsSnapshot } from './snapshot';

export type NodeMetricsOptions = {
  database: { kind: 'pglite' | 'postgres'; db: Db };
  /** Process metrics (CPU, memory, event-loop lag, GC); off in tests that build many registries. */
  processMetrics?: boolean;
};

/**
 * prom-client is an optional dependency, imported only here and only when METRICS_TOKEN is
 * set, so neither a Workers bundle nor a server without metrics ever loads it.
 */
export async function loadNodeMetrics(options: NodeMetricsOptions): Promise<Metrics> {
  let prom: typeof PromClient;
  try {
    const mod = (await import('prom-client')) as typeof PromClient & {
      default?: typeof PromClient;
    };
    prom = mod.default ?? mod;
  } catch {
    throw new Error(
      'METRICS_TOKEN: metrics need the optional dependency prom-client (npm install prom-client)',
    );
  }
  return createPromMetrics(prom, options);
}

/** What the postgres.js pool was configured with; the driver exposes no live pool counters. */
function poolMax(database: NodeMetricsOptions['database']) {
  if (database.kind === 'pglite') return 1;
  const client = (database.db as unknown as { $client?: { options?: { max?: number } } }).$client;
  return client?.options?.max ?? null;
}

const signInMethods: SignInMethod[] = ['password', 'two-factor', 'passkey'];
const signInOutcomes: SignInOutcome[] = ['success', 'failure', 'locked'];
const registrationOutcomes: RegistrationOutcome[] = ['accepted', 'rejected', 'limited'];
const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'suppressed'];

function makers(prom: typeof PromClient, register: PromClient.Registry) {
  return {
    counter: <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
      new prom.Counter<L>({ name, help, labelNames, registers: [register] }),
    gauge: <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
      new prom.Gauge<L>({ name, help, labelNames, registers: [register] }),
  };
}
type Make = ReturnType<typeof makers>;
type SetFromSnapshot = (snap: OpsSnapshot) => void;

function requestMetrics(
  prom: typeof PromClient,
  register: PromClient.Registry,
  make: Make,
): Metrics['observeRequest'] {
  const requests = make.counter(
    'http_requests_total',
    'HTTP requests by route pattern and status',
    ['method', 'route', 'status'],
  );
  const latency = new prom.Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to the response, by route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    // Password hashing alone takes 50–200 ms, so sign-ins sit in the middle buckets.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [register],
  });
  const signIns = make.counter(
    'auth_sign_ins_total',
    'Sign-in attempts (the password step, the two-factor step, passkeys) by outcome',
    ['method', 'outcome'],
  );
  const registrations = make.counter(
    'auth_registrations_total',
    'Registration requests by outcome (accepted includes addresses already taken: the answer is the same)',
    ['outcome'],
  );
  // Zeroes up front, so rate() and alerts see every series from the first scrape.
  for (const method of signInMethods)
    for (const outcome of signInOutcomes) signIns.inc({ method, outcome }, 0);
  for (const outcome of registrationOutcomes) registrations.inc({ outcome }, 0);

  return ({ method, route, status, seconds }) => {
    const labels = { method: methodLabel(method), route, status: String(status) };
    requests.inc(labels);
    latency.observe(labels, seconds);
    const auth = classifyAuthRequest(method, route, status);
    if (auth.signIn) signIns.inc(auth.signIn);
    if (auth.registration) registrations.inc({ outcome: auth.registration });
  };
}

function jobRunMetrics(make: Make): Metrics['observeJobs'] {
  const jobRuns = make.counter(
    'jobs_runs_total',
    'Background job runs in this process by outcome',
    ['job', 'outcome'],
  );
  return (results) => {
    for (const [job, result] of Object.entries(results)) {
      const failed = !!result && typeof result === 'object' && 'error' in result;
      jobRuns.inc({ job, outcome: failed ? 'failed' : 'ok' });
    }
  };
}

function outboxAndAccountGauges(make: Make): SetFromSnapshot {
  const outbox = make.gauge('mail_outbox_messages', 'Rows in the mail outbox by status', [
    'status',
  ]);
  const oldestUnsent = make.gauge(
    'mail_outbox_oldest_unsent_age_seconds',
    'Age of the oldest mail not yet sent (pending or sending); 0 when none',
  );
  const accounts = make.gauge('accounts', 'Accounts by whether their address is confirmed', [
    'state',
  ]);
  const deletionScheduled = make.gauge(
    'accounts_deletion_scheduled',
    'Accounts waiting for their deletion date',
  );
  return (snap) => {
    outbox.reset();
    for (const status of new Set([...outboxStatuses, ...Object.keys(snap.outbox.byStatus)]))
      outbox.set({ status }, snap.outbox.byStatus[status] ?? 0);
    oldestUnsent.set(snap.outbox.oldestUnsentAgeSeconds);
    accounts.set({ state: 'verified' }, snap.accounts.verified);
    accounts.set({ state: 'unverified' }, snap.accounts.unverified);
    deletionScheduled.set(snap.accounts.deletionScheduled);
  };
}

function jobGauges(make: Make): SetFromSnapshot {
  const jobStarted = make.gauge(
    'job_last_started_timestamp_seconds',
    'When any instance last started the job',
    ['job'],
  );
  const jobSucceeded = make.gauge(
    'job_last_success_timestamp_seconds',
    'When any instance last finished the job without error',
    ['job'],
  );
  const jobFailing = make.gauge('job_failing', '1 when the job’s last run failed', ['job']);
  const jobRunning = make.gauge('job_running', '1 while an instance holds the job’s lock', ['job']);
  return (snap) => {
    for (const g of [jobStarted, jobSucceeded, jobFailing, jobRunning]) g.reset();
    for (const j of snap.jobs) {
      if (j.lastStartedAt !== null) jobStarted.set({ job: j.name }, j.lastStartedAt);
      if (j.lastFinishedAt !== null) jobSucceeded.set({ job: j.name }, j.lastFinishedAt);
      jobFailing.set({ job: j.name }, j.failing ? 1 : 0);
      jobRunning.set({ job: j.name }, j.running ? 1 : 0);
    }
  };
}

/** The database's own gauges; `connections` says whether the scrape should count them. */
function databaseGauges(make: Make, database: NodeMetricsOptions['database']) {
  const dbUp = make.gauge('db_up', '1 when the scrape-time database queries succeeded');
  const dbQuery = make.gauge(
    'db_scrape_query_seconds',
    'Time the scrape-time database queries took',
  );
  const dbPoolMax = make.gauge(
    'db_pool_max_connections',
    'Connections this process may open (postgres.js max; PGlite: 1)',
  );
  const dbConnections =
    database.kind === 'postgres'
      ? make.gauge(
          'db_connections',
          'Client connections to this database by state, all instances (pg_stat_activity)',
          ['state'],
        )
      : null;
  const max = poolMax(database);
  if (max !== null) dbPoolMax.set(max);
  return {
    connections: !!dbConnections,
    setScrape(snap: OpsSnapshot) {
      dbUp.set(snap.databaseUp ? 1 : 0);
      dbQuery.set(snap.queryMs / 1000);
    },
    setConnections(snap: OpsSnapshot) {
      if (!dbConnections || !snap.connections) return;
      dbConnections.reset();
      for (const [state, n] of Object.entries(snap.connections)) dbConnections.set({ state }, n);
    },
  };
}

/** One registry per app (tests build several); every metric named in docs/operations.md. */
export function createPromMetrics(prom: typeof PromClient, options: NodeMetricsOptions): Metrics {
  const register = new prom.Registry();
  if (options.processMetrics !== false) prom.collectDefaultMetrics({ register });
  const make = makers(prom, register);
  const observeRequest = requestMetrics(prom, register, make);
  const observeJobs = jobRunMetrics(make);
  const setOutboxAndAccounts = outboxAndAccountGauges(make);
  const setJobs = jobGauges(make);
  const database = databaseGauges(make, options.database);

  return {
    contentType: register.contentType,
    observeRequest,
    observeJobs,
    async render(deps) {
      const snap = await readOpsSnapshot(deps, { connections: database.connections });
      database.setScrape(snap);
      if (snap.databaseUp) {
        setOutboxAndAccounts(snap);
        setJobs(snap);
        database.setConnections(snap);
      }
      return register.metrics();
    },
  };
}
