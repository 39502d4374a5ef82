import { and, eq, sql } from 'drizzle-orm';
import { policyVersions } from '../../db/schema';
import type { Deps } from '../deps';
import { formatDate } from '../i18n/format';
import type { Executor } from '../platform/db-types';
import { rowsOf } from '../platform/sql-rows';
import { mailContext } from '../mail/queue';
import { recordEvent, type RequestMeta } from '../core/activity';
import { policyNoticeMail } from '../../emails/policy-notice';
import type { PublishPolicyInput } from './schemas';
import type { MailTemplateId } from '../../emails';

const day = 86_400_000;

export type PublishResult =
  | { ok: true; policy: typeof policyVersions.$inferSelect; noticesQueued: number }
  | { ok: false; reason: 'too-soon'; earliest: Date }
  | { ok: false; reason: 'exists' };

/** The earliest effective date a version published now may have. */
export const earliestEffective = (deps: Pick<Deps, 'clock' | 'config'>) =>
  new Date(deps.clock.now().getTime() + deps.config.policyNoticeDays * day);

/**
 * Publishes a privacy policy version and, in the same transaction, queues the notice to
 * every active person (confirmed address, no deletion pending) in their language. A version
 * never takes effect sooner than POLICY_NOTICE_DAYS from now, so the notice always comes first.
 */
export async function publishPolicy(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: PublishPolicyInput,
  actor: { id: string; meta: RequestMeta },
): Promise<PublishResult> {
  const now = deps.clock.now();
  const effectiveAt = new Date(input.effectiveAt);
  const earliest = earliestEffective(deps);
  if (effectiveAt < earliest) return { ok: false, reason: 'too-soon', earliest };
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: policyVersions.id })
      .from(policyVersions)
      .where(and(eq(policyVersions.kind, 'privacy'), eq(policyVersions.version, input.version)));
    if (existing) return { ok: false, reason: 'exists' } as const;
    const [policy] = await tx
      .insert(policyVersions)
      .values({
        kind: 'privacy',
        version: input.version,
        summary: input.summary,
        body: input.body,
        publishedAt: now,
        effectiveAt,
        noticeQueuedAt: now,
      })
      .returning();
    const noticesQueued = await queuePolicyNotice(deps, tx, policy!);
    await recordEvent(tx, {
      userId: actor.id,
      action: 'policy.published',
      at: now,
      meta: actor.meta,
      details: { version: input.version, noticesQueued },
    });
    return { ok: true, policy: policy!, noticesQueued } as const;
  });
}

/**
 * One INSERT … SELECT for everyone: the notice names no one, so it is rendered once per
 * language and joined to the users table in the database (thousands of rows, one statement).
 */
const policyNoticeTemplate = 'policy-notice' satisfies MailTemplateId;

export async function queuePolicyNotice(
  deps: Pick<Deps, 'clock' | 'config'>,
  tx: Executor,
  policy: { version: string; summary: string; effectiveAt: Date },
) {
  const now = deps.clock.now().toISOString();
  // Written in each language the school offers; anyone else gets its default (as mailLocale).
  const { supportedLocales, defaultLocale } = deps.config;
  const rendered = supportedLocales.map((locale) => {
    const mail = policyNoticeMail(mailContext(deps, locale), {
      version: policy.version,
      summary: policy.summary,
      date: formatDate(policy.effectiveAt, locale),
    });
    return sql`(${locale}, ${mail.subject}, ${mail.html}, ${mail.text})`;
  });
  // The statement counts what it inserted: no second query that could disagree with it.
  const [queued] = rowsOf<{ n: number }>(
    await tx.execute(sql`
    with queued as (
      insert into email_outbox (user_id, to_address, template, locale, subject, html, text, contains_secret, status, next_attempt_at, created_at)
      select u.id, u.email, ${policyNoticeTemplate}, m.locale, m.subject, m.html, m.text, false, 'pending', ${now}::timestamptz, ${now}::timestamptz
      from users u
      join (values ${sql.join(rendered, sql`, `)}) as m(locale, subject, html, text)
        on m.locale = case when u.locale in (${sql.join(
          supportedLocales.map((l) => sql`${l}`),
          sql`, `,
        )}) then u.locale else ${defaultLocale} end
      where u.email_verified_at is not null and u.deletion_scheduled_for is null
      returning 1)
    select count(*)::int as n from queued`),
  );
  return queued?.n ?? 0;
}
