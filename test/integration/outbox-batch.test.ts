import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { emailOutbox, subscriptions, users } from '../../db/schema';
import type { Deps } from '../../src/deps';
import { dispatchMail, outboxPolicy } from '../../src/mail/outbox';
import { openPostgres } from '../../src/platform/db.postgres';
import { createDevMailer } from '../../src/platform/mailer.dev';
import { createResendMailer } from '../../src/platform/mailer.resend';
import { usePostgres } from '../helpers/database';
import { read, signedInMember, type Member } from '../helpers/accounts';
import { enqueueTestMail, outboxRows } from '../helpers/outbox';
import type { TestApp } from '../helpers/test-app';
import { useTestApp } from '../helpers/use-test-app';

/**
 * Announcements go through Resend's batch endpoint, up to 100 per call, under a key derived
 * from the rows; transactional mail and anything with an attachment still goes one by one.
 */
let staff: Member;
const t = useTestApp({ env: { TRUST_PROXY: '1' } });
beforeAll(async () => {
  staff = await signedInMember(t, 'batch-staff', { ip: '198.51.100.7', role: 'staff' });
});
beforeEach(async () => {
  await t.db.delete(emailOutbox);
  t.resend.reset();
});

const ics = {
  filename: 'lesson.ics',
  contentType: 'text/calendar',
  contentBase64: Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n').toString('base64'),
};

const enqueueMany = (
  n: number,
  label: string,
  kind: 'bulk' | 'transactional',
  extra: { attachments?: (typeof ics)[] } = {},
) => enqueueTestMail(t, n, label, kind, extra);
const rowsOf = (ids: string[]) => outboxRows(t, ids);
const deliveriesTo = (address: string) => t.resend.to(address).length;
const singles = () => t.resend.log.filter((r) => r.url === '/emails');

describe('announcements through the batch endpoint', () => {
  it('sends an announcement to 230 subscribers in 3 batch calls, one mail each, with working List-Unsubscribe headers', async () => {
    const n = 230;
    const people = await t.db
      .insert(users)
      .values(
        Array.from({ length: n }, (_, i) => ({
          email: `reader${i}.${Date.now()}@example.com`,
          name: `Reader ${i}`,
          emailVerifiedAt: new Date(),
        })),
      )
      .returning({ id: users.id, email: users.email });
    await t.db.insert(subscriptions).values(
      people.map((p) => ({
        userId: p.id,
        listSlug: 'news',
        status: 'subscribed' as const,
        confirmedAt: new Date(),
      })),
    );
    t.resend.reset();

    const res = await read(
      await staff.client.post('/api/v1/staff/announcements', {
        list: 'news',
        subject: 'Term starts',
        body: 'See you on Monday.',
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.queued).toBe(n);
    expect(await t.sendMail()).toEqual({ sent: n, retried: 0, failed: 0 });

    expect(t.resend.batches.map((b) => b.batchSize)).toEqual([100, 100, 30]);
    expect(t.resend.batches.every((b) => b.outcome === 'delivered')).toBe(true);
    expect(singles()).toEqual([]);
    const tokens = new Set<string>();
    for (const p of people) {
      const mails = t.resend.to(p.email);
      expect(mails, p.email).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.batch).toBe(true);
      expect(mail.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      const match = mail.headers!['List-Unsubscribe']!.match(
        /^<(http:\/\/localhost:3000\/unsubscribe\?token=([A-Za-z0-9_.-]+))>$/,
      );
      expect(match, mail.headers!['List-Unsubscribe']).not.toBeNull();
      expect(mail.text).toContain(match![1]);
      tokens.add(match![2]!);
    }
    expect(tokens.size).toBe(n);

    // Each row knows its own message at the provider, and the live links are gone from the database.
    const rows = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.template, 'announcement'));
    expect(rows).toHaveLength(n);
    for (const row of rows) {
      const mail = t.resend.to(row.toAddress)[0]!;
      expect(row).toMatchObject({
        status: 'sent',
        attempts: 1,
        providerId: mail.id,
        html: null,
        text: null,
        headers: null,
        claimedUntil: null,
      });
    }
    // The key of each batch is a function of its rows alone: the SHA-256 of their sorted ids.
    const idByProvider = new Map(rows.map((r) => [r.providerId!, r.id]));
    const byKey = new Map<string, typeof t.resend.emails>();
    for (const e of t.resend.emails)
      byKey.set(e.idempotencyKey!, [...(byKey.get(e.idempotencyKey!) ?? []), e]);
    expect(byKey.size).toBe(3);
    for (const [key, mails] of byKey) {
      const ids = mails.map((m) => idByProvider.get(m.id)!).sort();
      expect(key).toBe(`batch-${createHash('sha256').update(ids.join(',')).digest('hex')}`);
    }

    // A one-click unsubscribe from a batched mail works for that person and list.
    const first = t.resend.to(people[0]!.email)[0]!;
    const url = first
      .headers!['List-Unsubscribe']!.slice(1, -1)
      .replace('http://localhost:3000', '');
    const unsubscribe = await t.app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribe.status).toBe(200);
    const [sub] = await t.db
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, people[0]!.id), eq(subscriptions.listSlug, 'news')));
    expect(sub!.status).toBe('unsubscribed');
  });

  it('sends mail with an attachment, transactional mail and a lone bulk row one by one under their row ids', async () => {
    const [invite] = await enqueueMany(1, 'invite', 'transactional', { attachments: [ics] });
    const [reset] = await enqueueMany(1, 'reset', 'transactional');
    const [bulkWithIcs] = await enqueueMany(1, 'bulkics', 'bulk', { attachments: [ics] });
    const bulk = await enqueueMany(3, 'plain', 'bulk');
    expect(await t.sendMail()).toEqual({ sent: 6, retried: 0, failed: 0 });

    expect(
      singles()
        .map((r) => r.idempotencyKey)
        .sort(),
    ).toEqual([invite, reset, bulkWithIcs].sort());
    expect(t.resend.batches.map((b) => b.batchSize)).toEqual([3]);
    const inviteMail = t.resend.to('invite0@example.com')[0]!;
    expect(inviteMail.batch).toBeUndefined();
    expect(inviteMail.attachments?.[0]).toMatchObject({
      filename: 'lesson.ics',
      content: ics.contentBase64,
    });
    expect(t.resend.to('bulkics0@example.com')[0]!.attachments).toHaveLength(1);
    for (const i of [0, 1, 2]) expect(deliveriesTo(`plain${i}@example.com`)).toBe(1);
    expect(
      (await rowsOf([...bulk, invite!, reset!, bulkWithIcs!])).every((r) => r.status === 'sent'),
    ).toBe(true);

    t.resend.reset();
    const [lone] = await enqueueMany(1, 'lone', 'bulk');
    expect((await t.sendMail()).sent).toBe(1);
    expect(t.resend.log.map((r) => [r.url, r.idempotencyKey])).toEqual([['/emails', lone]]);
  });
});

describe('a batch that fails', () => {
  it.each([
    ['answered 500', (t: TestApp) => t.resend.failNext(500), 'status'],
    ['timing out', (t: TestApp) => t.resend.hangNext(3000), 'hang'],
    ['accepted, the answer lost', (t: TestApp) => t.resend.dropAfterAcceptNext(), 'dropped'],
  ] as const)(
    '%s: every row is retried after the backoff and every recipient gets exactly one mail',
    async (_, fault, outcome) => {
      const deps: Deps = {
        ...t.deps,
        mailer: createResendMailer(t.resend.apiKey, t.resend.url, { batchTimeoutMs: 500 }),
      };
      const ids = await enqueueMany(150, `retry-${outcome}-`, 'bulk');
      fault(t);
      expect(await dispatchMail(deps)).toEqual({ sent: 50, retried: 100, failed: 0 });
      const failedKey = t.resend.batches[0]!.idempotencyKey;
      const waiting = (await rowsOf(ids)).filter((r) => r.status === 'pending');
      expect(waiting).toHaveLength(100);
      for (const row of waiting) {
        expect(row).toMatchObject({ attempts: 1, claimedUntil: null });
        expect(row.nextAttemptAt.getTime()).toBe(
          t.clock.now().getTime() + outboxPolicy.backoffMs(1),
        );
        // Not sent yet: the live link stays until it is.
        expect(row.headers).not.toBeNull();
      }

      t.clock.advance(outboxPolicy.backoffMs(1));
      expect(await dispatchMail(deps)).toEqual({ sent: 100, retried: 0, failed: 0 });
      // The same rows again, so the same key: a batch the provider had taken is only replayed.
      expect(t.resend.batches.map((b) => b.outcome)).toEqual([
        outcome,
        'delivered',
        outcome === 'dropped' ? 'replayed' : 'delivered',
      ]);
      expect(t.resend.batches[2]!.idempotencyKey).toBe(failedKey);
      for (let i = 0; i < 150; i++)
        expect(deliveriesTo(`retry-${outcome}-${i}@example.com`)).toBe(1);
      expect(t.resend.emails).toHaveLength(150);
      const rows = await rowsOf(ids);
      expect(rows.every((r) => r.status === 'sent' && r.providerId && r.headers === null)).toBe(
        true,
      );
      expect(rows.filter((r) => r.attempts === 2)).toHaveLength(100);
    },
  );

  it('rejected (422, strict validation): falls back to one by one, the bad address fails, the rest are delivered', async () => {
    const ids = await enqueueMany(5, 'strict', 'bulk');
    t.resend.rejectRecipient('strict2@example.com');
    expect(await t.sendMail()).toEqual({ sent: 4, retried: 0, failed: 1 });
    expect(t.resend.batches.map((b) => [b.batchSize, b.outcome])).toEqual([[5, 'status']]);
    expect(
      singles()
        .map((r) => r.idempotencyKey)
        .sort(),
    ).toEqual([...ids].sort());
    for (const i of [0, 1, 3, 4]) expect(deliveriesTo(`strict${i}@example.com`)).toBe(1);
    expect(deliveriesTo('strict2@example.com')).toBe(0);
    const rows = await rowsOf(ids);
    const bad = rows.find((r) => r.toAddress === 'strict2@example.com')!;
    // Given up on, so its link has no reader but the database: removed as for a sent mail.
    expect(bad).toMatchObject({
      status: 'failed',
      attempts: 1,
      html: null,
      text: null,
      headers: null,
    });
    expect(bad.lastError).toMatch(/^422/);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(4);

    t.clock.advance(86_400_000);
    expect(await t.sendMail()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('a 429 on the batch retries every row of it, without falling back', async () => {
    const ids = await enqueueMany(4, 'busy', 'bulk');
    t.resend.failNext(429);
    expect(await t.sendMail()).toEqual({ sent: 0, retried: 4, failed: 0 });
    expect(singles()).toEqual([]);
    expect(
      (await rowsOf(ids)).every((r) => r.status === 'pending' && r.lastError?.startsWith('429')),
    ).toBe(true);
  });
});

describe('claims with batches', () => {
  it('two dispatchers at once never send one row twice, batches and single sends alike', async () => {
    const bulk = await enqueueMany(250, 'race', 'bulk');
    const urgent = await enqueueMany(30, 'urgent', 'transactional');
    t.resend.setLatency(20);
    // On PostgreSQL the second sender has its own pool, so SKIP LOCKED decides between them.
    const other = usePostgres() ? openPostgres(t.dbHandle.url!, { max: 2 }) : null;
    try {
      const second: Deps = other ? { ...t.deps, db: other.db } : t.deps;
      const [a, b] = await Promise.all([dispatchMail(t.deps), dispatchMail(second)]);
      expect(a.sent + b.sent).toBe(280);
      expect(a.retried + b.retried + a.failed + b.failed).toBe(0);
      if (usePostgres()) {
        expect(a.sent).toBeGreaterThan(0);
        expect(b.sent).toBeGreaterThan(0);
      }
    } finally {
      await other?.close();
    }
    // Requests, not deliveries: a second send the key absorbed would show as a replay.
    expect(t.resend.log.every((r) => r.outcome === 'delivered')).toBe(true);
    expect(t.resend.emails).toHaveLength(280);
    for (let i = 0; i < 250; i++) expect(deliveriesTo(`race${i}@example.com`)).toBe(1);
    for (let i = 0; i < 30; i++) expect(deliveriesTo(`urgent${i}@example.com`)).toBe(1);
    expect(singles()).toHaveLength(30);
    expect(t.resend.batches.reduce((n, b) => n + b.batchSize!, 0)).toBe(250);
    const rows = await rowsOf([...bulk, ...urgent]);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('claims transactional mail first even with a full batch of announcements waiting', async () => {
    await enqueueMany(120, 'later', 'bulk');
    t.clock.advance(1000);
    await enqueueMany(2, 'first', 'transactional');
    await t.sendMail();
    expect(t.resend.log.slice(0, 2).map((r) => r.url)).toEqual(['/emails', '/emails']);
    expect(t.resend.batches.map((b) => b.batchSize)).toEqual([100, 20]);
  });
});

describe('the dev mailbox', () => {
  it('takes a batch one message at a time, printing each and keeping the bodies', async () => {
    const lines: string[] = [];
    const ids = await enqueueMany(3, 'devbatch', 'bulk');
    expect(
      await dispatchMail({ ...t.deps, mailer: createDevMailer((l) => lines.push(l)) }),
    ).toEqual({ sent: 3, retried: 0, failed: 0 });
    expect(lines.sort()).toEqual(
      [0, 1, 2].map((i) => `[mail] to=devbatch${i}@example.com subject="devbatch ${i}"`),
    );
    const rows = await rowsOf(ids);
    expect(
      rows.every(
        (r) => r.status === 'sent' && r.text !== null && r.providerId?.startsWith('dev-batch-'),
      ),
    ).toBe(true);
    expect(new Set(rows.map((r) => r.providerId)).size).toBe(3);
    expect(t.resend.requests).toBe(0);
  });
});
