import { eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  announcements,
  auditEvents,
  bookings,
  consents,
  emailOutbox,
  passkeys,
  payments,
  recoveryCodes,
  sessions,
  subscriptionEvents,
  subscriptions,
  tokens,
  totpCredentials,
  users,
  webauthnChallenges,
} from '../../db/schema';
import type { Executor } from '../platform/db-types';
import { translator, type Locale } from '../i18n';
import { actedByLabel, actorRoleSql, asSeenBySubject } from '../core/activity';
import { readPage, singlePage, type Cursor, type KeysetQuery, type Page, type Row } from './paging';
import { scrubEventDetails, scrubOutbox, scrubPaymentDescriptions } from './scrub';

/** Who the data is about: what the export filters on and what the purge looks for. */
export type Person = {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  videoHandle: string | null;
  /** Not identifying; the export writes its README's date in it. */
  timeZone?: string | null;
};

/**
 * One file of the export: a CSV (and an array in data.json) with fixed columns. `page`
 * streams rows in pages, so a person with 10,000 events never sits in memory at once.
 */
export type Dataset = {
  name: string;
  columns: readonly string[];
  count(db: Executor, person: Person): Promise<number>;
  /** `locale`: the reader's language, for the few values written in words (default English). */
  page(
    db: Executor,
    person: Person,
    after: Cursor | null,
    limit: number,
    locale?: Locale,
  ): Promise<Page>;
};

/**
 * Where a category's rows live: the table and the column that holds the person's id.
 * `onPurge` is what the purge does with those rows, and a test checks the foreign key
 * agrees (`delete` ⇔ ON DELETE CASCADE, `anonymise` ⇔ ON DELETE SET NULL).
 */
export type TableRef = { table: PgTable; column: AnyPgColumn; onPurge: 'delete' | 'anonymise' };

export const categoryKeys = [
  'profile',
  'sign-in-methods',
  'sessions',
  'events',
  'links',
  'consents',
  'subscriptions',
  'bookings',
  'payments',
  'emails',
] as const;
export type CategoryKey = (typeof categoryKeys)[number];

export type Category = {
  key: CategoryKey;
  /** The users row itself is the profile; every other table names the person by a foreign key. */
  tables: TableRef[];
  datasets: Dataset[];
  /**
   * Purge step for copies of the person's identity that no foreign key reaches (an address in
   * the outbox, a name in free text). Runs in the purge transaction before the rows go.
   */
  scrub?: (tx: Executor, person: Person) => Promise<void>;
};

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
];

/**
 * Tables with a users foreign key that hold no personal data of the person at all. Each
 * needs a reason; the registry test fails on any other table it cannot place.
 */
export const noPersonalData: { table: PgTable; reason: string }[] = [];

const count = async (db: Executor, table: PgTable, where: SQL | undefined) => {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return row?.n ?? 0;
};

/** A dataset over one table, read with a keyset scan ordered by (ts, id). */
function tableDataset(
  name: string,
  q: Omit<KeysetQuery, 'where'> & { where(person: Person): SQL | undefined },
  map: (row: Row, person: Person, locale: Locale) => Row = (r) => r,
  columns: readonly string[] = Object.keys(q.select),
): Dataset {
  return {
    name,
    columns,
    count: (db, person) => count(db, q.from, q.where(person)),
    async page(db, person, after, limit, locale = 'en') {
      const page = await readPage(db, { ...q, where: q.where(person) }, after, limit);
      return { rows: page.rows.map((r) => map(r, person, locale)), next: page.next };
    },
  };
}

/** A table whose `userId` names the person. */
type OwnedTable = PgTable & { userId: AnyPgColumn };

/** The registry entry for a table the person owns rows in, by its `userId`. */
const owned = (table: OwnedTable, onPurge: TableRef['onPurge'] = 'delete'): TableRef => ({
  table,
  column: table.userId,
  onPurge,
});

/** A dataset of the person's own rows of `table` (by `userId`), in (`ts`, `id`) order. */
const ownRows = (
  name: string,
  table: OwnedTable & { id: AnyPgColumn },
  select: KeysetQuery['select'],
  ts: AnyPgColumn,
) =>
  tableDataset(name, {
    from: table,
    select,
    where: (p) => eq(table.userId, p.id),
    ts,
    id: table.id,
  });

// Listed column by column: the password hash is never selected, so it cannot leak.
const profileSelect = {
  id: users.id,
  email: users.email,
  name: users.name,
  phone: users.phone,
  videoHandle: users.videoHandle,
  goals: users.goals,
  locale: users.locale,
  timeZone: users.timeZone,
  role: users.role,
  emailVerifiedAt: users.emailVerifiedAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  lastActiveAt: users.lastActiveAt,
  processingRestrictedAt: users.processingRestrictedAt,
  processingRestrictionReason: users.processingRestrictionReason,
  deletionScheduledFor: users.deletionScheduledFor,
  inactivityWarnedAt: users.inactivityWarnedAt,
  passwordResetRequiredAt: users.passwordResetRequiredAt,
};

const profile: Dataset = {
  name: 'profile',
  columns: Object.keys(profileSelect),
  count: async () => 1,
  async page(db, person) {
    return singlePage(await db.select(profileSelect).from(users).where(eq(users.id, person.id)));
  },
};

/** How the person can sign in: that a password exists, passkeys by name, 2FA on or off. Never a secret. */
const signInMethods: Dataset = {
  name: 'sign-in-methods',
  columns: ['type', 'name', 'createdAt', 'lastUsedAt', 'details'],
  async count(db, person) {
    return (await this.page(db, person, null, 1000)).rows.length;
  },
  async page(db, person) {
    const [user] = await db
      .select({
        hasPassword: sql<boolean>`${users.passwordHash} is not null`,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(eq(users.id, person.id));
    const keys = await db
      .select({
        name: passkeys.name,
        createdAt: passkeys.createdAt,
        lastUsedAt: passkeys.lastUsedAt,
        deviceType: passkeys.deviceType,
        backedUp: passkeys.backedUp,
        transports: passkeys.transports,
      })
      .from(passkeys)
      .where(eq(passkeys.userId, person.id))
      .orderBy(passkeys.createdAt);
    const [totp] = await db
      .select({ enabledAt: totpCredentials.enabledAt, createdAt: totpCredentials.createdAt })
      .from(totpCredentials)
      .where(eq(totpCredentials.userId, person.id));
    const [codes] = await db
      .select({
        total: sql<number>`count(*)::int`,
        unused: sql<number>`(count(*) filter (where ${recoveryCodes.usedAt} is null))::int`,
      })
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, person.id));
    const rows: Row[] = [];
    if (user?.hasPassword)
      rows.push({ type: 'password', name: null, createdAt: null, lastUsedAt: null, details: null });
    for (const k of keys) {
      rows.push({
        type: 'passkey',
        name: k.name,
        createdAt: k.createdAt,
        lastUsedAt: k.lastUsedAt,
        details: { deviceType: k.deviceType, backedUp: k.backedUp, transports: k.transports ?? [] },
      });
    }
    if (totp) {
      rows.push({
        type: 'authenticator-app',
        name: null,
        createdAt: totp.createdAt,
        lastUsedAt: null,
        details: { enabled: !!totp.enabledAt, enabledAt: totp.enabledAt },
      });
    }
    if (codes && codes.total > 0) {
      rows.push({
        type: 'recovery-codes',
        name: null,
        createdAt: null,
        lastUsedAt: null,
        details: { total: codes.total, unused: codes.unused },
      });
    }
    return singlePage(rows);
  },
};

const events = tableDataset(
  'security-events',
  {
    from: auditEvents,
    select: {
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      // A subquery, not a column; the keyset reader selects it like one.
      actorRole: actorRoleSql as unknown as AnyPgColumn,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
      details: auditEvents.details,
    },
    where: (p) => eq(auditEvents.userId, p.id),
    ts: auditEvents.at,
    id: auditEvents.id,
  },
  // As every reader shows events: the school's acts without the staff member's address,
  // browser or id, with who acted in words ("by the school (staff)") in the person's language.
  (row, person, locale) => {
    const e = asSeenBySubject(
      row as Parameters<typeof asSeenBySubject>[0] & { id: number; at: Date },
      person,
    );
    const actedBy = actedByLabel(translator(locale), e);
    return {
      id: e.id,
      at: e.at,
      action: e.action,
      byStaff: e.byStaff,
      byRole: e.byRole,
      actedBy,
      ip: e.ip,
      userAgent: e.userAgent,
      details: e.details,
    };
  },
  // The CSV header follows the mapped row, not the selection: actorId never leaves.
  ['id', 'at', 'action', 'byStaff', 'byRole', 'actedBy', 'ip', 'userAgent', 'details'],
);

/** The registry: every category of data the service keeps about a person. */
export const categories: Category[] = [
  { key: 'profile', tables: [], datasets: [profile] },
  {
    key: 'sign-in-methods',
    tables: [owned(passkeys), owned(totpCredentials), owned(recoveryCodes)],
    datasets: [signInMethods],
  },
  {
    key: 'sessions',
    tables: [owned(sessions)],
    datasets: [
      // Never the id or the secret hash: together they are half a way into the account.
      ownRows(
        'sessions',
        sessions,
        {
          createdAt: sessions.createdAt,
          lastSeenAt: sessions.lastSeenAt,
          expiresAt: sessions.expiresAt,
          persistent: sessions.isPersistent,
          ip: sessions.ip,
          userAgent: sessions.userAgent,
        },
        sessions.createdAt,
      ),
    ],
  },
  { key: 'events', tables: [owned(auditEvents)], datasets: [events], scrub: scrubEventDetails },
  {
    key: 'links',
    tables: [owned(tokens), owned(webauthnChallenges)],
    datasets: [
      ownRows(
        'emailed-links',
        tokens,
        {
          purpose: tokens.purpose,
          createdAt: tokens.createdAt,
          expiresAt: tokens.expiresAt,
          usedAt: tokens.usedAt,
        },
        tokens.createdAt,
      ),
      ownRows(
        'passkey-challenges',
        webauthnChallenges,
        {
          purpose: webauthnChallenges.purpose,
          createdAt: webauthnChallenges.createdAt,
          expiresAt: webauthnChallenges.expiresAt,
          usedAt: webauthnChallenges.usedAt,
        },
        webauthnChallenges.createdAt,
      ),
    ],
  },
  {
    key: 'consents',
    tables: [owned(consents)],
    datasets: [
      ownRows(
        'consents',
        consents,
        {
          at: consents.at,
          kind: consents.kind,
          version: consents.version,
          granted: consents.granted,
          method: consents.method,
          ip: consents.ip,
        },
        consents.at,
      ),
    ],
  },
  {
    key: 'subscriptions',
    tables: [owned(subscriptions), owned(subscriptionEvents)],
    datasets: [
      ownRows(
        'subscriptions',
        subscriptions,
        {
          list: subscriptions.listSlug,
          status: subscriptions.status,
          requestedAt: subscriptions.requestedAt,
          confirmedAt: subscriptions.confirmedAt,
          unsubscribedAt: subscriptions.unsubscribedAt,
          createdAt: subscriptions.createdAt,
          updatedAt: subscriptions.updatedAt,
        },
        subscriptions.createdAt,
      ),
      ownRows(
        'subscription-events',
        subscriptionEvents,
        {
          at: subscriptionEvents.at,
          list: subscriptionEvents.listSlug,
          action: subscriptionEvents.action,
          method: subscriptionEvents.method,
        },
        subscriptionEvents.at,
      ),
    ],
  },
  {
    key: 'bookings',
    tables: [owned(bookings)],
    datasets: [
      ownRows(
        'bookings',
        bookings,
        {
          id: bookings.id,
          title: bookings.title,
          startsAt: bookings.startsAt,
          endsAt: bookings.endsAt,
          timeZone: bookings.timeZone,
          location: bookings.location,
          status: bookings.status,
          notes: bookings.notes,
          createdAt: bookings.createdAt,
          updatedAt: bookings.updatedAt,
        },
        bookings.startsAt,
      ),
    ],
  },
  {
    key: 'payments',
    // The law keeps payment records: the purge keeps amount, date and description, not the person.
    tables: [owned(payments, 'anonymise')],
    datasets: [
      ownRows(
        'payments',
        payments,
        {
          id: payments.id,
          paidAt: payments.paidAt,
          amount: payments.amount,
          currency: payments.currency,
          description: payments.description,
          bookingId: payments.bookingId,
          createdAt: payments.createdAt,
        },
        payments.paidAt,
      ),
    ],
    scrub: scrubPaymentDescriptions,
  },
  {
    key: 'emails',
    tables: [owned(emailOutbox)],
    datasets: [
      tableDataset('emails', {
        from: emailOutbox,
        // Metadata only: bodies carry live links (reset, cancel) that must not travel in a zip.
        select: {
          createdAt: emailOutbox.createdAt,
          sentAt: emailOutbox.sentAt,
          to: emailOutbox.toAddress,
          template: emailOutbox.template,
          subject: emailOutbox.subject,
          locale: emailOutbox.locale,
          status: emailOutbox.status,
        },
        // Mail queued before the account existed (or without an id) still reached this address.
        where: (p) =>
          sql`(${emailOutbox.userId} = ${p.id} or (${isNull(emailOutbox.userId)} and lower(${emailOutbox.toAddress}) = lower(${p.email})))`,
        ts: emailOutbox.createdAt,
        id: emailOutbox.id,
      }),
    ],
    scrub: scrubOutbox,
  },
];

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
