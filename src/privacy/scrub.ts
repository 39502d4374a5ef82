import { and, eq, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { auditEvents, emailOutbox, payments } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import type { Person } from './registry-kit';

export const erased = '[deleted]';

/** The strings that identify the person in free text: address, name, phone, video handle. */
export function identifiersOf(person: Person): string[] {
  return (
    [person.email, person.name, person.phone, person.videoHandle]
      .map((v) => v?.trim() ?? '')
      .filter((v) => v.length > 0)
      // Longest first, so "Olena Koval" goes before a handle like "olena" could split it.
      .sort((a, b) => b.length - a.length)
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every identifier (any case) in a text with "[deleted]". */
export function eraseFrom(text: string, ids: string[]): string {
  if (ids.length === 0) return text;
  const pattern = new RegExp(ids.map(escapeRegExp).join('|'), 'gi');
  return text.replace(pattern, erased);
}

function eraseInJson(value: unknown, ids: string[]): unknown {
  if (typeof value === 'string') return eraseFrom(value, ids);
  if (Array.isArray(value)) return value.map((v) => eraseInJson(v, ids));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [eraseFrom(k, ids), eraseInJson(v, ids)]),
    );
  }
  return value;
}

/** Case-insensitive "contains any identifier" on a text expression, for picking candidate rows. */
function mentions(expr: SQL | AnyPgColumn, ids: string[]): SQL | undefined {
  return or(...ids.map((id) => sql`strpos(lower(${expr}), lower(${id})) > 0`));
}

/**
 * Events about *other* people that name this person in their details (a staff member who
 * is being deleted, say). The person's own events go with the account.
 */
export async function scrubEventDetails(tx: Executor, person: Person) {
  const ids = identifiersOf(person);
  if (ids.length === 0) return;
  const rows = await tx
    .select({ id: auditEvents.id, details: auditEvents.details })
    .from(auditEvents)
    .where(
      and(
        isNotNull(auditEvents.details),
        sql`${auditEvents.userId} is distinct from ${person.id}`,
        mentions(sql`${auditEvents.details}::text`, ids),
      ),
    );
  for (const row of rows) {
    await tx
      .update(auditEvents)
      .set({ details: eraseInJson(row.details, ids) as Record<string, unknown> })
      .where(eq(auditEvents.id, row.id));
  }
}

/** Payments stay (the law), but a description like "Lessons for Olena" loses the name. */
export async function scrubPaymentDescriptions(tx: Executor, person: Person) {
  const ids = identifiersOf(person);
  const rows = await tx
    .select({ id: payments.id, description: payments.description })
    .from(payments)
    .where(eq(payments.userId, person.id));
  for (const row of rows) {
    const description = eraseFrom(row.description, ids);
    if (description !== row.description)
      await tx.update(payments).set({ description }).where(eq(payments.id, row.id));
  }
}

/**
 * Mail queued to the address without the account's id is deleted; mail to others that
 * names the person keeps its metadata with the name replaced. The account's own rows go
 * with it (ON DELETE CASCADE).
 */
export async function scrubOutbox(tx: Executor, person: Person) {
  const ids = identifiersOf(person);
  await tx
    .delete(emailOutbox)
    .where(
      and(
        sql`lower(${emailOutbox.toAddress}) = lower(${person.email})`,
        sql`${emailOutbox.userId} is distinct from ${person.id}`,
      ),
    );
  if (ids.length === 0) return;
  const rows = await tx
    .select({
      id: emailOutbox.id,
      subject: emailOutbox.subject,
      html: emailOutbox.html,
      text: emailOutbox.text,
    })
    .from(emailOutbox)
    .where(
      and(
        or(ne(emailOutbox.userId, person.id), sql`${emailOutbox.userId} is null`),
        or(
          mentions(emailOutbox.subject, ids),
          mentions(emailOutbox.html, ids),
          mentions(emailOutbox.text, ids),
        ),
      ),
    );
  for (const row of rows) {
    await tx
      .update(emailOutbox)
      .set({
        subject: eraseFrom(row.subject, ids),
        html: row.html === null ? null : eraseFrom(row.html, ids),
        text: row.text === null ? null : eraseFrom(row.text, ids),
      })
      .where(inArray(emailOutbox.id, [row.id]));
  }
}
