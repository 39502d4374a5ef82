import { bigint, boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns';
import { users } from './users';

/** WebAuthn credentials. Public keys only: nothing here lets anyone sign in. */
export const passkeys = pgTable(
  'passkeys',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** base64url credential id, as the authenticator reports it. */
    credentialId: text().notNull().unique(),
    /** base64url COSE public key. */
    publicKey: text().notNull(),
    counter: bigint({ mode: 'number' }).notNull().default(0),
    transports: jsonb().$type<string[]>(),
    deviceType: text().$type<'singleDevice' | 'multiDevice'>().notNull(),
    backedUp: boolean().notNull().default(false),
    name: text().notNull(),
    createdAt: createdAt(),
    lastUsedAt: at(),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
);

/** Single-use WebAuthn challenges, kept in the database so any instance can finish a ceremony. */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  id: id(),
  challenge: text().notNull(),
  purpose: text().$type<'registration' | 'authentication'>().notNull(),
  userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
  /** Registration challenges are bound to the session that asked for them. */
  sessionId: text(),
  expiresAt: at().notNull(),
  usedAt: at(),
  createdAt: createdAt(),
});

/** Authenticator-app (TOTP) secret; `lastUsedStep` makes each code single-use. */
export const totpCredentials = pgTable('totp_credentials', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text().notNull(),
  enabledAt: at(),
  lastUsedStep: bigint({ mode: 'number' }),
  createdAt: createdAt(),
});

/** Recovery codes, stored hashed, each usable once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);
