import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import * as prom from 'prom-client';
import { runDueJobs } from '../../src/jobs/schedule';
import { classifyAuthRequest } from '../../src/platform/metrics';
import { createPromMetrics } from '../../src/ops/metrics.node.ts';
import { isMetricsAuthorized } from '../../src/ops/routes';
import { createClient } from '../helpers/client';
import { usePostgres } from '../helpers/database';
import { useTestApp } from '../helpers/use-test-app';
import { newPerson, registerAndVerify, registerRequest } from '../helpers/accounts';

const token = 'metrics-token-0123456789abcdef';

const t = useTestApp({ env: { METRICS_TOKEN: token, RATE_LOGIN_FAILURES_PER_ACCOUNT: '3' } });
beforeAll(() => {
  t.deps.metrics = createPromMetrics(prom, {
    database: { kind: usePostgres() ? 'postgres' : 'pglite', db: t.db },
    processMetrics: false,
  });
});

const scrape = async () => {
  const res = await t.app.request('/metrics', { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};

/** The value of one series, e.g. value(text, 'auth_sign_ins_total{method="password",outcome="success"}'). */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics', () => {
  it('is 404, like any unknown page, without the right bearer token', async () => {
    const notFound = await (await t.app.request('/no-such-page')).text();
    for (const headers of [
      {},
      { authorization: 'Bearer nope' },
      { authorization: `Bearer ${token.slice(0, -1)}x` },
      { authorization: token },
      { cookie: `token=${token}` },
    ] as Record<string, string>[]) {
      const res = await t.app.request('/metrics', { headers });
      expect(res.status).toBe(404);
      // The site's own not-found page, which differs only in the address it was asked for.
      expect((await res.text()).replaceAll('metrics', 'no-such-page')).toBe(notFound);
    }
    expect(isMetricsAuthorized(`Bearer ${token}`, token)).toBe(true);
    expect(isMetricsAuthorized(`bearer ${token}`, token)).toBe(false);
    expect(isMetricsAuthorized(undefined, token)).toBe(false);
  });

  it('is 404 without METRICS_TOKEN, and where no metrics are built (Workers)', async () => {
    const config = t.deps.config as { metricsToken?: string };
    const metrics = t.deps.metrics;
    try {
      config.metricsToken = undefined;
      expect(
        (await t.app.request('/metrics', { headers: { authorization: 'Bearer ' } })).status,
      ).toBe(404);
      expect(
        (await t.app.request('/metrics', { headers: { authorization: 'Bearer undefined' } }))
          .status,
      ).toBe(404);
      config.metricsToken = token;
      t.deps.metrics = undefined;
      expect(
        (await t.app.request('/metrics', { headers: { authorization: `Bearer ${token}` } })).status,
      ).toBe(404);
    } finally {
      config.metricsToken = token;
      t.deps.metrics = metrics;
    }
  });

  it('counts requests and latency by route pattern and status, never by raw path', async () => {
    await t.app.request('/verify-email?token=abcdefghijklmnopqrstuvwxyz234567');
    await t.app.request('/api/v1/me/sessions/some-session-id', { method: 'DELETE' });
    await t.app.request('/', { method: 'PROPFIND' });
    const text = await scrape();
    expect(
      value(text, 'http_requests_total{method="GET",route="/verify-email",status="400"}'),
    ).toBe(1);
    expect(
      value(
        text,
        'http_requests_total{method="DELETE",route="/api/v1/me/sessions/:id",status="401"}',
      ),
    ).toBe(1);
    expect(text).toMatch(/http_requests_total\{method="OTHER",route="[^"]*",status="404"\} 1/);
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/verify-email",status="400"\} \d/,
    );
    expect(
      value(
        text,
        'http_request_duration_seconds_count{method="GET",route="/verify-email",status="400"}',
      ),
    ).toBe(1);
    expect(text).not.toContain('abcdefghijklmnopqrstuvwxyz234567');
    expect(text).not.toContain('some-session-id');
  });

  it('counts sign-ins (success, failure, locked) and registrations, from the API and the page forms', async () => {
    const before = await scrape();
    const count = (text: string, method: string, outcome: string) =>
      value(text, `auth_sign_ins_total{method="${method}",outcome="${outcome}"}`) ?? NaN;
    expect(count(before, 'passkey', 'locked')).toBe(0);
    const p = newPerson('metrics');
    const client = createClient(t);
    await registerAndVerify(t, client, p);
    expect((await registerRequest(createClient(t), p)).status).toBe(202); // taken: the same answer
    expect(
      (await client.post('/api/v1/auth/login', { email: p.email, password: p.password })).status,
    ).toBe(200);
    expect(
      (await createClient(t).form('/login', { email: p.email, password: p.password })).status,
    ).toBe(303);
    const bad = { email: p.email, password: 'certainly not the password 1' };
    expect((await client.post('/api/v1/auth/login', bad)).status).toBe(401);
    expect((await createClient(t).form('/login', bad)).status).toBe(401);
    expect((await client.post('/api/v1/auth/login', bad)).status).toBe(401);
    expect((await client.post('/api/v1/auth/login', bad)).status).toBe(429);
    expect(
      (await client.post('/api/v1/auth/login', { email: 'not an address', password: 'x' })).status,
    ).toBe(400);
    const after = await scrape();
    expect(count(after, 'password', 'success') - count(before, 'password', 'success')).toBe(2);
    expect(count(after, 'password', 'failure') - count(before, 'password', 'failure')).toBe(3);
    expect(count(after, 'password', 'locked') - count(before, 'password', 'locked')).toBe(1);
    const accepted = (text: string) => value(text, 'auth_registrations_total{outcome="accepted"}')!;
    expect(accepted(after) - accepted(before)).toBe(2);
    expect(value(after, 'accounts{state="verified"}')).toBeGreaterThanOrEqual(1);
  });

  it('reports the outbox queue and the age of the oldest unsent mail, read at scrape time', async () => {
    await t.sendMail();
    let text = await scrape();
    expect(value(text, 'mail_outbox_messages{status="pending"}')).toBe(0);
    expect(value(text, 'mail_outbox_oldest_unsent_age_seconds')).toBe(0);
    expect(value(text, 'mail_outbox_messages{status="sent"}')).toBeGreaterThan(0);
    expect((await registerRequest(createClient(t), newPerson('queued'))).status).toBe(202);
    t.clock.advance(120_000);
    text = await scrape();
    expect(value(text, 'mail_outbox_messages{status="pending"}')).toBe(1);
    expect(value(text, 'mail_outbox_oldest_unsent_age_seconds')).toBeCloseTo(120, 0);
    await t.sendMail();
  });

  it('reports job runs and failures: counted from runDueJobs results, and each job’s state from job_runs', async () => {
    const results = await runDueJobs(t.deps, {
      force: true,
      only: ['purge-expired', 'purge-unverified'],
    });
    t.deps.metrics!.observeJobs({ ...results, 'broken-job': { error: 'boom' } });
    await t.db.execute(sql`insert into job_runs (name, last_error) values ('broken-job', 'boom')`);
    const text = await scrape();
    expect(value(text, 'jobs_runs_total{job="purge-expired",outcome="ok"}')).toBe(1);
    expect(value(text, 'jobs_runs_total{job="broken-job",outcome="failed"}')).toBe(1);
    expect(value(text, 'job_last_success_timestamp_seconds{job="purge-expired"}')).toBeCloseTo(
      t.clock.now().getTime() / 1000,
      0,
    );
    expect(value(text, 'job_failing{job="purge-expired"}')).toBe(0);
    expect(value(text, 'job_failing{job="broken-job"}')).toBe(1);
    expect(value(text, 'job_running{job="purge-expired"}')).toBe(0);
  });

  it('reports what the database driver exposes of its pool', async () => {
    const text = await scrape();
    expect(value(text, 'db_up')).toBe(1);
    expect(value(text, 'db_scrape_query_seconds')).toBeGreaterThan(0);
    if (usePostgres()) {
      expect(value(text, 'db_pool_max_connections')).toBe(5); // the test handle's postgres.js max
      expect(text).toMatch(/db_connections\{state="active"\} [1-9]/);
    } else {
      expect(value(text, 'db_pool_max_connections')).toBe(1);
      expect(text).not.toContain('db_connections{');
    }
  });
});

describe('classifyAuthRequest', () => {
  it.each([
    ['POST', '/api/v1/auth/login', 200, { signIn: { method: 'password', outcome: 'success' } }],
    ['POST', '/api/v1/auth/login', 403, { signIn: { method: 'password', outcome: 'failure' } }],
    ['POST', '/login', 429, { signIn: { method: 'password', outcome: 'locked' } }],
    ['POST', '/login/2fa', 303, { signIn: { method: 'two-factor', outcome: 'success' } }],
    [
      'POST',
      '/api/v1/auth/passkey/verify',
      401,
      { signIn: { method: 'passkey', outcome: 'failure' } },
    ],
    ['POST', '/api/v1/auth/login', 400, {}],
    ['POST', '/register', 400, { registration: 'rejected' }],
    ['POST', '/api/v1/auth/register', 429, { registration: 'limited' }],
    ['GET', '/login', 200, {}],
  ] as const)('%s %s %i', (method, route, status, expected) => {
    expect(classifyAuthRequest(method, route, status)).toEqual(expected);
  });
});
