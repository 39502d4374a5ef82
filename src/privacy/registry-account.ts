import { eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  auditEvents,
  passkeys,
  recoveryCodes,
  sessions,
  tokens,
  totpCredentials,
  users,
  webauthnChallenges,
} from '../../db/schema';
import type { Executor } from '../platform/db-types';
import { translator } from '../i18n';
import { actedByLabel, actorRoleSql, asSeenBySubject } from '../core/activity';
import { singlePage, type Row } from './paging';
import { owned, ownRows, tableDataset, type Category, type Dataset } from './registry-kit';

/*
 * The account's own categories: the profile, how the person signs in, their sessions,
 * security events and emailed links.
 */

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
  count: () => Promise.resolve(1),
  async page(db, person) {
    return singlePage(await db.select(profileSelect).from(users).where(eq(users.id, person.id)));
  },
};

/** What signing in rests on, read without a single secret: the hash only as "is there one". */
async function readSignInFacts(db: Executor, userId: string) {
  const [user] = await db
    .select({
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
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
    .where(eq(passkeys.userId, userId))
    .orderBy(passkeys.createdAt);
  const [totp] = await db
    .select({ enabledAt: totpCredentials.enabledAt, createdAt: totpCredentials.createdAt })
    .from(totpCredentials)
    .where(eq(totpCredentials.userId, userId));
  const [codes] = await db
    .select({
      total: sql<number>`count(*)::int`,
      unused: sql<number>`(count(*) filter (where ${recoveryCodes.usedAt} is null))::int`,
    })
    .from(recoveryCodes)
    .where(eq(recoveryCodes.userId, userId));
  return { user, keys, totp, codes };
}

function signInRows({ user, keys, totp, codes }: Awaited<ReturnType<typeof readSignInFacts>>) {
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
  return rows;
}

/** How the person can sign in: that a password exists, passkeys by name, 2FA on or off. Never a secret. */
const signInMethods: Dataset = {
  name: 'sign-in-methods',
  columns: ['type', 'name', 'createdAt', 'lastUsedAt', 'details'],
  async count(db, person) {
    return (await this.page(db, person, null, 1000)).rows.length;
  },
  async page(db, person) {
    return singlePage(signInRows(await readSignInFacts(db, person.id)));
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

export const accountCategories: Category[] = [
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
  { key: 'events', tables: [owned(auditEvents)], datasets: [events] },
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
];
