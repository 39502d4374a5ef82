import { eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  announcements,
  auditEvents,
  bookings,
  mailSuppressions,
  payments,
  restrictionDecisions,
  staffAssignments,
  users,
} from '../../db/schema';
import type { Executor } from '../platform/db-types';
import { accountCategories } from './registry-account';
import { activityCategories } from './registry-activity';
import type { Category, CategoryKey, Person, TableRef } from './registry-kit';
import { scrubEventDetails, scrubOutbox, scrubPaymentDescriptions } from './scrub';

export { categoryKeys } from './registry-kit';
export type { Category, CategoryKey, Dataset, Person, TableRef } from './registry-kit';

/**
 * Columns that point at users but hold someone *else* acting (the staff member who booked,
 * looked or wrote): never exported to the person the row is about, and set to null when the
 * actor's own account is purged.
 */
export const actorReferences: { column: AnyPgColumn; reason: string }[] = [
  {
    column: auditEvents.actorId,
    reason: 'the staff member who acted on or looked at someone’s data',
  },
  { column: bookings.staffId, reason: 'the staff member who made the booking' },
  { column: payments.recordedBy, reason: 'the staff member who recorded the payment' },
  { column: announcements.createdBy, reason: 'the staff member who wrote the announcement' },
  { column: staffAssignments.assignedBy, reason: 'the admin who assigned a staff member' },
  { column: restrictionDecisions.decidedBy, reason: 'the admin who decided on a restriction' },
];

/**
 * Tables with a users foreign key that hold no personal data of the person at all. Each
 * needs a reason; the registry test fails on any other table it cannot place.
 */
export const noPersonalData: { table: PgTable; reason: string }[] = [];

/**
 * The purge's scrub steps, by category. Joined here rather than beside each category because
 * scrub.ts reads `Person` from this module: the category files importing it would add cycles.
 */
const scrubs: Partial<Record<CategoryKey, Category['scrub']>> = {
  events: scrubEventDetails,
  payments: scrubPaymentDescriptions,
  emails: async (tx, person) => {
    await scrubOutbox(tx, person);
    // An address suppressed before the account existed (or after it left it) names no user id.
    await tx
      .delete(mailSuppressions)
      .where(sql`${mailSuppressions.address} = lower(${person.email})`);
  },
};

/** The registry: every category of data the service keeps about a person. */
export const categories: Category[] = [...accountCategories, ...activityCategories].map((c) => {
  const scrub = scrubs[c.key];
  return scrub ? { ...c, scrub } : c;
});

/** Every registered table, with the column that names the person. */
export const registeredTables = (): TableRef[] => categories.flatMap((c) => c.tables);

/** How many records each category holds about the person, for "What we hold about you". */
export async function countCategories(db: Executor, person: Person) {
  const out: { key: CategoryKey; count: number; datasets: { name: string; count: number }[] }[] =
    [];
  for (const category of categories) {
    const datasets = [];
    for (const d of category.datasets)
      datasets.push({ name: d.name, count: await d.count(db, person) });
    out.push({ key: category.key, count: datasets.reduce((a, d) => a + d.count, 0), datasets });
  }
  return out;
}

/** The columns of a `Person`, for any query that loads one (the purge, the ledger replay). */
export const personColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  phone: users.phone,
  videoHandle: users.videoHandle,
  timeZone: users.timeZone,
};

/** The person as the registry needs them, or null when the account is gone. */
export async function loadPerson(db: Executor, userId: string): Promise<Person | null> {
  const [row] = await db.select(personColumns).from(users).where(eq(users.id, userId));
  return row ?? null;
}
