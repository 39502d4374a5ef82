import { sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { announcementMailId, announcementTemplate } from './announcement-outbox';
import { eligibleSubscriber } from './recipients';
import { renderAnnouncement, type AnnouncementContent } from './render-announcement';
import { ensureUnsubscribeKey } from './signing-key';
import { rowsOf } from '../platform/sql-rows';
import { hmacPadsSql, unsubscribeTokenSql } from './unsubscribe-token-sql';

export type AnnouncementToQueue = {
  id: string;
  list: string;
  listNames: Record<string, string>;
  /** `en` is the main text and the fallback; other locales are optional translations. */
  content: AnnouncementContent;
};

/**
 * Queues one mail per eligible subscriber in the caller's transaction, as ONE
 * INSERT … SELECT: each locale is rendered once in JavaScript, split where the personal
 * unsubscribe token goes, and the database joins the recipients, picks each one's locale,
 * signs their token and glues the parts together. Nothing per recipient crosses the wire,
 * so 100,000 recipients cost about what a plain INSERT … SELECT of 100,000 rows does.
 * Returns how many mails were queued (0 for people who already have this announcement).
 */
export async function queueAnnouncement(
  deps: Pick<Deps, 'config'>,
  tx: Executor,
  a: AnnouncementToQueue,
  now: Date,
) {
  await ensureUnsubscribeKey(tx);
  const unsubscribeBase = `${deps.config.appUrl}/unsubscribe?token=`;
  // Random per announcement, so text that staff typed can never collide with it.
  const marker = `unsubscribe-token-${crypto.randomUUID()}`;
  const variants = renderAnnouncement(deps, a, unsubscribeBase + marker);
  // Every list mail must carry its unsubscribe link; a template that lost it must not go out.
  if (!variants.every((v) => v.mail.html.includes(marker) && v.mail.text.includes(marker))) {
    throw new Error('the announcement template has no unsubscribe link');
  }
  const main = variants.find((v) => v.locale === 'en')!;
  const others = variants.filter((v) => v !== main);

  const token = sql`x.token`;
  // A rendered part with the token spliced in wherever the marker stood (concatenation: no
  // per-row search through a few kilobytes of HTML).
  const spliced = (s: string) =>
    sql.join(
      s.split(marker).map((part) => sql`${part}::text`),
      sql` || ${token} || `,
    );
  const byLocale = (pick: (m: (typeof variants)[number]) => SQL): SQL =>
    others.length
      ? sql`(case u.locale ${sql.join(
          others.map((v) => sql`when ${v.locale} then ${pick(v)}`),
          sql` `,
        )} else ${pick(main)} end)`
      : pick(main);
  const at = now.toISOString();

  const result = await tx.execute(sql`
    with queued as (
      insert into email_outbox
        (id, announcement_id, user_id, to_address, template, locale, subject, html, text, headers, contains_secret, status, priority, next_attempt_at, created_at)
      select
        ${announcementMailId(a.id, sql`u.id`)}, ${a.id}::uuid, u.id, u.email, ${announcementTemplate},
        ${byLocale((v) => sql`${v.locale}::text`)},
        ${byLocale((v) => sql`${v.mail.subject}::text`)},
        ${byLocale((v) => spliced(v.mail.html))},
        ${byLocale((v) => spliced(v.mail.text))},
        jsonb_build_object(
          'List-Unsubscribe', '<' || ${unsubscribeBase}::text || ${token} || '>',
          'List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'),
        -- the footer link acts (it unsubscribes), so the body is dropped once really sent
        true, 'pending', 1, ${at}::timestamptz, ${at}::timestamptz
      from subscriptions s
      join users u on u.id = s.user_id
      cross join ${hmacPadsSql} as pads
      -- OFFSET 0 keeps the planner from inlining the token into its three uses: sign once per row
      cross join lateral (select ${unsubscribeTokenSql(sql`u.id`, a.list, 'pads')} as token offset 0) as x
      where ${eligibleSubscriber(a.list)}
      on conflict (id) do nothing
      returning 1
    )
    select count(*)::int as n from queued`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}
