import { and, asc, eq } from 'drizzle-orm';
import { mailingLists, subscriptions, type subscriptionStatuses } from '../../db/schema';
import type { Locale } from '../i18n';
import type { Executor } from '../platform/db-types';

export type ListRow = typeof mailingLists.$inferSelect;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

/** A list as people see it: names and descriptions in one locale, English as the fallback. */
export type ListView = { list: string; name: string; description: string; mandatory: boolean };
export type SubscriptionView = ListView & { status: SubscriptionStatus };

/** Slugs are short lower-case words; anything else cannot name a list. */
export const listSlugPattern = /^[a-z0-9][a-z0-9-]{0,49}$/;

export const localized = (texts: Record<string, string>, locale: Locale) =>
  texts[locale] ?? texts.en ?? '';

export function toListView(row: ListRow, locale: Locale): ListView {
  return {
    list: row.slug,
    name: localized(row.names, locale),
    description: localized(row.descriptions, locale),
    mandatory: row.mandatory,
  };
}

export async function findList(db: Executor, slug: string): Promise<ListRow | null> {
  if (!listSlugPattern.test(slug)) return null;
  const [row] = await db.select().from(mailingLists).where(eq(mailingLists.slug, slug));
  return row ?? null;
}

export async function listLists(db: Executor): Promise<ListRow[]> {
  return db
    .select()
    .from(mailingLists)
    .orderBy(asc(mailingLists.sortOrder), asc(mailingLists.slug));
}

/**
 * Every list with the person's status on it. No row means never subscribed; the mandatory
 * list is always "subscribed", whatever a row might say, because it cannot be left.
 */
export async function listUserSubscriptions(
  db: Executor,
  userId: string,
  locale: Locale,
): Promise<SubscriptionView[]> {
  const [lists, rows] = await Promise.all([
    listLists(db),
    db
      .select({ list: subscriptions.listSlug, status: subscriptions.status })
      .from(subscriptions)
      .where(eq(subscriptions.userId, userId)),
  ]);
  const statusOf = new Map(rows.map((r) => [r.list, r.status]));
  return lists.map((l) => ({
    ...toListView(l, locale),
    status: l.mandatory ? 'subscribed' : (statusOf.get(l.slug) ?? 'unsubscribed'),
  }));
}

/** One list with the person's status on it, under the same rules as `listUserSubscriptions`. */
export async function findUserSubscription(
  db: Executor,
  userId: string,
  list: ListRow,
  locale: Locale,
): Promise<SubscriptionView> {
  const [row] = await db
    .select({ status: subscriptions.status })
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.listSlug, list.slug)));
  return {
    ...toListView(list, locale),
    status: list.mandatory ? 'subscribed' : (row?.status ?? 'unsubscribed'),
  };
}
