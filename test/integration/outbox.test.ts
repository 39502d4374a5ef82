import { beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import postgres from 'postgres';
import { emailOutbox } from '../../db/schema';
import type { Deps } from '../../src/deps';
import { claimDueMail, dispatchMail, outboxPolicy } from '../../src/mail/outbox';
import { insertOutboxRow } from '../helpers/outbox';
import { queueMail } from '../../src/mail/queue';
import { openPostgres } from '../../src/platform/db.postgres';
import { createDevMailer } from '../../src/platform/mailer.dev';
import { createResendMailer } from '../../src/platform/mailer.resend';
import { usePostgres } from '../helpers/database';
import { createTestApp } from '../helpers/test-app';
import { useTestApp } from '../helpers/use-test-app';
import { createApp } from '../../src/app';

const t = useTestApp();
beforeEach(async () => {
  await t.db.delete(emailOutbox);
  t.resend.reset();
});

const enqueue = (to: string, extra: { containsSecret?: boolean } = {}) =>
  insertOutboxRow(
    t.db,
    {
      toAddress: to,
      template: 'test',
      locale: 'en',
      subject: `Hello ${to}`,
      html: `<p>Hi ${to}</p>`,
      text: `Hi ${to}`,
      ...extra,
    },
    t.clock.now(),
  );
const row = async (id: string) =>
  (await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;
const outcomes = () => t.resend.log.map((r) => r.outcome);
const keys = () => t.resend.log.map((r) => r.idempotencyKey);

describe('retries', () => {
  it('retries a 500 after the backoff and delivers once under the same idempotency key', async () => {
    const id = await enqueue('retry@example.com');
    t.resend.failNext(500);
    expect(await t.sendMail()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const after = await row(id);
    expect(after).toMatchObject({ status: 'pending', attempts: 1, claimedUntil: null });
    expect(after.lastError).toMatch(/^500/);
    expect(after.nextAttemptAt.getTime()).toBe(t.clock.now().getTime() + outboxPolicy.backoffMs(1));

    t.clock.advance(outboxPolicy.backoffMs(1) - 1000);
    expect(await t.sendMail()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(t.resend.requests).toBe(1);

    t.clock.advance(1000);
    expect(await t.sendMail()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(outcomes()).toEqual(['status', 'delivered']);
    expect(keys()).toEqual([id, id]);
    expect(t.resend.to('retry@example.com')).toHaveLength(1);
    expect(await row(id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      providerId: t.resend.emails[0]!.id,
    });
  });

  it('retries a reset connection', async () => {
    const id = await enqueue('reset@example.com');
    t.resend.resetNext();
    expect((await t.sendMail()).retried).toBe(1);
    expect((await row(id)).lastError).toMatch(/^network/);
    t.clock.advance(outboxPolicy.backoffMs(1));
    expect((await t.sendMail()).sent).toBe(1);
    expect(outcomes()).toEqual(['reset', 'delivered']);
    expect(keys()).toEqual([id, id]);
    expect(t.resend.emails).toHaveLength(1);
  });

  it('gives up on a hanging API after the timeout and delivers on the retry', async () => {
    const mailer = createResendMailer(t.resend.apiKey, t.resend.url, { timeoutMs: 300 });
    const deps = { ...t.deps, mailer };
    const id = await enqueue('hang@example.com');
    t.resend.hangNext(3000);
    const started = Date.now();
    expect((await dispatchMail(deps)).retried).toBe(1);
    expect(Date.now() - started).toBeLessThan(2500);
    t.clock.advance(outboxPolicy.backoffMs(1));
    expect((await dispatchMail(deps)).sent).toBe(1);
    expect(outcomes()).toEqual(['hang', 'delivered']);
    expect(keys()).toEqual([id, id]);
    expect(t.resend.emails).toHaveLength(1);
  });

  it('does not deliver twice when the API accepted but the answer was lost', async () => {
    const id = await enqueue('lost@example.com');
    t.resend.dropAfterAcceptNext();
    expect((await t.sendMail()).retried).toBe(1);
    t.clock.advance(outboxPolicy.backoffMs(1));
    expect((await t.sendMail()).sent).toBe(1);
    expect(outcomes()).toEqual(['dropped', 'replayed']);
    expect(t.resend.emails).toHaveLength(1);
    expect((await row(id)).providerId).toBe(t.resend.emails[0]!.id);
  });

  it.each([422, 400, 403])('marks the row failed at once on a %i', async (status) => {
    const id = await enqueue('bad@example.com');
    t.resend.failNext(status);
    expect(await t.sendMail()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1 });
    t.clock.advance(86_400_000);
    await t.sendMail();
    expect(t.resend.requests).toBe(1);
  });

  it.each([429, 503])('treats a %i as passing', async (status) => {
    const id = await enqueue('busy@example.com');
    t.resend.failNext(status);
    expect((await t.sendMail()).retried).toBe(1);
    expect((await row(id)).status).toBe('pending');
  });

  it('retries a 409 for a key still in flight, but not one for a key reused with another payload', async () => {
    const inFlight = await enqueue('inflight@example.com');
    t.resend.failNext(409, 1, 'concurrent_idempotent_requests');
    expect((await t.sendMail()).retried).toBe(1);
    expect((await row(inFlight)).status).toBe('pending');
    await t.db.delete(emailOutbox);
    const reused = await enqueue('reused@example.com');
    t.resend.failNext(409, 1, 'invalid_idempotent_request');
    expect((await t.sendMail()).failed).toBe(1);
    expect((await row(reused)).status).toBe('failed');
  });

  it('fails a row after maxAttempts retryable failures, and no sooner', async () => {
    const id = await enqueue('flaky@example.com');
    t.resend.failNext(500, outboxPolicy.maxAttempts);
    for (let attempt = 1; attempt < outboxPolicy.maxAttempts; attempt++) {
      expect((await t.sendMail()).retried).toBe(1);
      expect(await row(id)).toMatchObject({ status: 'pending', attempts: attempt });
      t.clock.advance(outboxPolicy.backoffMs(attempt));
    }
    expect((await t.sendMail()).failed).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: outboxPolicy.maxAttempts });
    t.clock.advance(86_400_000);
    await t.sendMail();
    expect(t.resend.requests).toBe(outboxPolicy.maxAttempts);
    expect(t.resend.emails).toHaveLength(0);
  });

  it('keeps sending the batch when the mailer throws for one row', async () => {
    const a = await enqueue('throws@example.com');
    const b = await enqueue('fine@example.com');
    const real = t.deps.mailer;
    const mailer = {
      kind: 'resend' as const,
      send: (m: Parameters<typeof real.send>[0], key: string) =>
        m.to === 'throws@example.com' ? Promise.reject(new Error('boom')) : real.send(m, key),
    };
    expect(await dispatchMail({ ...t.deps, mailer })).toEqual({ sent: 1, retried: 1, failed: 0 });
    expect(await row(a)).toMatchObject({ status: 'pending', claimedUntil: null });
    expect((await row(b)).status).toBe('sent');
  });
});

describe('claims', () => {
  it('never sends one row twice with two senders at once', async () => {
    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, i) => enqueue(`many${i}@example.com`)),
    );
    t.resend.setLatency(10);
    // On PostgreSQL the second sender has its own pool, so SKIP LOCKED decides between them.
    const other = usePostgres() ? openPostgres(t.dbHandle.url!, { max: 2 }) : null;
    try {
      const second: Deps = other ? { ...t.deps, db: other.db } : t.deps;
      const [a, b] = await Promise.all([dispatchMail(t.deps), dispatchMail(second)]);
      expect(a.sent + b.sent).toBe(40);
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
    } finally {
      await other?.close();
    }
    // Count requests, not deliveries: the fake would hide a second send behind the key.
    expect(t.resend.log).toHaveLength(40);
    expect(new Set(keys())).toEqual(new Set(ids));
    const rows = await t.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it.skipIf(!usePostgres())(
    'skips rows another connection holds locked, without waiting',
    async () => {
      const ids = await Promise.all(
        ['l1', 'l2', 'l3', 'l4'].map((n) => enqueue(`${n}@example.com`)),
      );
      const locker = postgres(t.dbHandle.url!, { max: 1, onnotice: () => {} });
      try {
        await locker.begin(async (tx) => {
          await tx`select id from email_outbox where id in ${tx(ids.slice(0, 2))} for update`;
          const waited = new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('claim blocked on a lock')), 5000),
          );
          const claimed = await Promise.race([claimDueMail(t.db, t.clock.now()), waited]);
          expect(claimed.map((r) => r.id).sort()).toEqual(ids.slice(2).sort());
        });
      } finally {
        await locker.end();
      }
      expect((await row(ids[0]!)).status).toBe('pending');
    },
  );

  it('takes over a row whose sender crashed, and leaves a live claim alone', async () => {
    const crashed = await enqueue('crashed@example.com');
    const live = await enqueue('live@example.com');
    const now = t.clock.now().getTime();
    await t.db
      .update(emailOutbox)
      .set({ status: 'sending', attempts: 1, claimedUntil: new Date(now - 1000) })
      .where(eq(emailOutbox.id, crashed));
    await t.db
      .update(emailOutbox)
      .set({ status: 'sending', attempts: 1, claimedUntil: new Date(now + 60_000) })
      .where(eq(emailOutbox.id, live));
    expect((await t.sendMail()).sent).toBe(1);
    expect(keys()).toEqual([crashed]);
    expect(await row(crashed)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await row(live)).toMatchObject({ status: 'sending', attempts: 1 });
    expect((await t.sendMail()).sent).toBe(0);
    expect(t.resend.emails).toHaveLength(1);
  });
});

describe('contents', () => {
  it('drops the body of a secret mail after a real send, keeping subject and metadata', async () => {
    const secret = await enqueue('secret@example.com', { containsSecret: true });
    const plain = await enqueue('plain@example.com');
    await t.sendMail();
    expect(t.resend.to('secret@example.com')[0]).toMatchObject({
      html: '<p>Hi secret@example.com</p>',
      text: 'Hi secret@example.com',
    });
    expect(await row(secret)).toMatchObject({
      status: 'sent',
      html: null,
      text: null,
      subject: 'Hello secret@example.com',
      toAddress: 'secret@example.com',
      template: 'test',
      locale: 'en',
    });
    expect(await row(plain)).toMatchObject({
      html: '<p>Hi plain@example.com</p>',
      text: 'Hi plain@example.com',
    });
  });

  it('drops the body of a secret mail it gives up on', async () => {
    const secret = await enqueue('gone@example.com', { containsSecret: true });
    t.resend.failNext(422);
    await t.sendMail();
    expect(await row(secret)).toMatchObject({
      status: 'failed',
      html: null,
      text: null,
      subject: 'Hello gone@example.com',
    });
  });

  it('keeps the body in the dev mailbox, where it is the only copy', async () => {
    const lines: string[] = [];
    const secret = await enqueue('dev@example.com', { containsSecret: true });
    await dispatchMail({ ...t.deps, mailer: createDevMailer((l) => lines.push(l)) });
    expect(await row(secret)).toMatchObject({ status: 'sent', text: 'Hi dev@example.com' });
    expect(lines).toEqual(['[mail] to=dev@example.com subject="Hello dev@example.com"']);
    expect(t.resend.requests).toBe(0);
  });

  it('renders only the templates of emails/: a misspelt id does not compile, and fails if forced', async () => {
    await t.db.transaction(async (tx) => {
      await expect(
        queueMail(t.deps, tx, {
          to: 'typo@example.com',
          userId: null,
          locale: 'en',
          // @ts-expect-error: not a template id
          template: 'verify-emial',
          data: { url: 'http://localhost:3000/verify-email?token=x' },
        }),
      ).rejects.toThrow(TypeError);
    });
    expect(await t.db.select().from(emailOutbox)).toHaveLength(0);
  });

  it('queues nothing when the transaction that queued the mail rolls back', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await queueMail(t.deps, tx, {
          to: 'rb@example.com',
          userId: null,
          locale: 'en',
          template: 'account-deleted',
        });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.db.select().from(emailOutbox)).toHaveLength(0);
  });
});

describe('dev mailbox', () => {
  it('lists queued mail and shows one, escaping what it shows', async () => {
    const id = await insertOutboxRow(
      t.db,
      {
        toAddress: 'box@example.com',
        locale: 'uk',
        template: 'verify-email',
        subject: 'Confirm <b>now</b>',
        html: '<p>x</p>',
        text: 'Open http://localhost:3000/verify-email?token=abc234 to confirm.',
        containsSecret: true,
      },
      t.clock.now(),
    );
    // The mailbox exists only with the dev mailer: a server with a real mailer shows nobody's mail.
    expect((await t.app.request('/dev/mailbox')).status).toBe(404);
    const devApp = createApp({ ...t.deps, mailer: createDevMailer(() => {}) });
    const list = await devApp.request('/dev/mailbox');
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain(`href="/dev/mailbox/${id}"`);
    expect(listHtml).toContain('box@example.com');
    expect(listHtml).toContain('Confirm &lt;b&gt;now&lt;/b&gt;');
    expect(listHtml).not.toContain('<b>now</b>');

    const one = await devApp.request(`/dev/mailbox/${id}`);
    expect(one.status).toBe(200);
    const oneHtml = await one.text();
    expect(oneHtml).toContain('box@example.com');
    expect(oneHtml).toContain('verify-email · uk · pending');
    expect(oneHtml).toContain('href="http://localhost:3000/verify-email?token=abc234"');

    expect((await devApp.request('/dev/mailbox/00000000-0000-0000-0000-000000000000')).status).toBe(
      404,
    );
    expect((await devApp.request('/dev/mailbox/not-an-id')).status).toBe(404);
  });

  it('is not mounted in production', async () => {
    const prod = await createTestApp({
      env: {
        NODE_ENV: 'production',
        APP_URL: 'https://accounts.example.org',
        CONTROLLER_NAME: 'Example School Ltd',
        CONTROLLER_ADDRESS: '1 Example Street',
        CONTROLLER_EMAIL: 'privacy@example.org',
        SUPERVISORY_AUTHORITY: 'The data protection authority',
        SUPERVISORY_AUTHORITY_URL: 'https://dpa.example.org/',
      },
    });
    try {
      const id = await insertOutboxRow(
        prod.db,
        {
          toAddress: 'p@example.com',
          template: 'test',
          locale: 'en',
          subject: 'P',
          html: 'p',
          text: 'p',
        },
        prod.clock.now(),
      );
      expect((await prod.app.request('/dev/mailbox')).status).toBe(404);
      expect((await prod.app.request(`/dev/mailbox/${id}`)).status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});

describe('priority', () => {
  it('claims transactional mail before a queued announcement, whatever was queued first', async () => {
    const bulk: string[] = [];
    for (let i = 0; i < 30; i++) {
      const id = await enqueue(`fan${i}@example.com`);
      await t.db.update(emailOutbox).set({ priority: 1 }).where(eq(emailOutbox.id, id));
      bulk.push(id);
    }
    t.clock.advance(1000);
    const reset = await enqueue('urgent@example.com');
    const claimed = await claimDueMail(t.db, t.clock.now(), 5);
    // Five places, thirty older bulk rows: the reset gets one only because it ranks first.
    expect(claimed.map((r) => r.id)).toContain(reset);
    expect(claimed.filter((r) => bulk.includes(r.id))).toHaveLength(4);
  });
});
