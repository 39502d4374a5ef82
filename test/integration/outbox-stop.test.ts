import { beforeEach, describe, expect, it } from 'vitest';
import { emailOutbox } from '../../db/schema';
import type { Deps } from '../../src/deps';
import { startJobTimer } from '../../src/jobs/timer';
import { dispatchMail, outboxPolicy } from '../../src/mail/outbox';
import { enqueueTestMail, outboxRows } from '../helpers/outbox';
import { useTestApp } from '../helpers/use-test-app';

/**
 * Stopping a dispatcher (shutdown): it finishes the provider call in flight, cuts one that
 * hangs after a grace, and gives the rest of its claim back instead of leaving it "sending".
 */
const t = useTestApp();
beforeEach(async () => {
  await t.db.delete(emailOutbox);
  t.resend.reset();
});

const enqueueMany = (n: number, label: string, bulk = false) =>
  enqueueTestMail(t, n, label, bulk ? 'bulk' : 'transactional');
const rowsOf = (ids: string[]) => outboxRows(t, ids);
const until = async (what: string, check: () => boolean, ms = 5000) => {
  const began = Date.now();
  while (!check()) {
    if (Date.now() - began > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('a dispatcher asked to stop', () => {
  it('finishes the send in flight and gives the rest of its claim back, attempts untouched', async () => {
    const ids = await enqueueMany(5, 'stop');
    t.resend.setLatency(300);
    const stop = new AbortController();
    const pass = dispatchMail(t.deps, { signal: stop.signal });
    await until('the first send', () => t.resend.log.length === 1);
    stop.abort();
    expect(await pass).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(t.resend.log).toHaveLength(1);
    const rows = await rowsOf(ids);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(1);
    const back = rows.filter((r) => r.status !== 'sent');
    expect(back).toHaveLength(4);
    for (const row of back)
      expect(row).toMatchObject({ status: 'pending', attempts: 0, claimedUntil: null });

    // The next sender takes them at once, and nothing goes twice.
    t.resend.setLatency(0);
    expect((await t.sendMail()).sent).toBe(4);
    expect(new Set(t.resend.emails.map((e) => e.idempotencyKey))).toEqual(new Set(ids));
    expect(t.resend.emails).toHaveLength(5);
  });

  it('cuts a hanging call after the grace: that row is retried later under its key, the rest go back untried', async () => {
    const ids = await enqueueMany(3, 'hang');
    t.resend.hangNext(10_000);
    const stop = new AbortController();
    const pass = dispatchMail(t.deps, { signal: stop.signal, graceMs: 200 });
    await until('the hanging send', () => t.resend.log.length === 1);
    const began = Date.now();
    stop.abort();
    expect(await pass).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(Date.now() - began).toBeLessThan(2000);
    const rows = await rowsOf(ids);
    const hung = rows.find((r) => r.id === t.resend.log[0]!.idempotencyKey)!;
    expect(hung).toMatchObject({
      status: 'pending',
      attempts: 1,
      claimedUntil: null,
      lastError: 'aborted: the sender stopped',
    });
    expect(hung.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + outboxPolicy.backoffMs(1));
    for (const row of rows.filter((r) => r !== hung))
      expect(row).toMatchObject({ status: 'pending', attempts: 0, claimedUntil: null });

    t.clock.advance(outboxPolicy.backoffMs(1));
    expect((await t.sendMail()).sent).toBe(3);
    expect(t.resend.emails).toHaveLength(3);
  });

  it('finishes a batch in flight and gives back the bulk rows it had not sent', async () => {
    const ids = await enqueueMany(150, 'bulkstop', true);
    t.resend.setLatency(300);
    const stop = new AbortController();
    const pass = dispatchMail(t.deps, { signal: stop.signal });
    await until('the first batch', () => t.resend.log.length === 1);
    stop.abort();
    expect(await pass).toEqual({ sent: 100, retried: 0, failed: 0 });
    const rows = await rowsOf(ids);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(100);
    // The second claim of 50 never happened: those rows were never taken.
    expect(rows.filter((r) => r.status === 'pending' && r.attempts === 0)).toHaveLength(50);
    expect(rows.filter((r) => r.status === 'sending')).toEqual([]);
  });

  it('claims nothing when already stopped', async () => {
    await enqueueMany(2, 'never');
    const stop = new AbortController();
    stop.abort();
    expect(await dispatchMail(t.deps, { signal: stop.signal })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(
      (await t.db.select().from(emailOutbox)).every(
        (r) => r.status === 'pending' && r.attempts === 0,
      ),
    ).toBe(true);
  });
});

describe('the job timer stopping while the provider hangs', () => {
  it('returns within the grace and leaves no row "sending"', async () => {
    const deps = (): Deps => ({ ...t.deps, config: { ...t.deps.config, mailPollMs: 3_600_000 } });
    const ids = await enqueueMany(4, 'timer');
    t.resend.hangNext(10_000);
    const timer = startJobTimer(deps, { firstRunMs: 3_600_000, stopGraceMs: 300 });
    timer.kick();
    await until('the hanging send', () => t.resend.log.length === 1);
    const began = Date.now();
    await timer.stop();
    expect(Date.now() - began).toBeLessThan(2000);
    const rows = await rowsOf(ids);
    expect(rows.filter((r) => r.status === 'sending')).toEqual([]);
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(4);
    expect(t.resend.emails).toHaveLength(0);
  });
});
