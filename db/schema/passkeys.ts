import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
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

/**
 * Authenticator-app (TOTP) secret, sealed (src/platform/secret-box.ts): AES-256-GCM under the
 * key `keyId` names, bound to `userId`. `secret` holds a secret in clear only in rows from
 * before migration 0006, until the start-up sweep or their first use seals them.
 * `lastUsedStep` makes each code single-use.
 */
export const totpCredentials = pgTable(
  'totp_credentials',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Legacy clear text (rows from before 0006); null once sealed. */
    secret: text(),
    /** `v1.<iv>.<ciphertext+tag>`, base64url. */
    secretCiphertext: text(),
    /** Which key sealed it (a public id derived from the key, not the key). */
    keyId: text(),
    enabledAt: at(),
    lastUsedStep: bigint({ mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'totp_credentials_sealed_or_legacy',
      sql`(${t.secret} is null and ${t.secretCiphertext} is not null and ${t.keyId} is not null) or (${t.secret} is not null and ${t.secretCiphertext} is null and ${t.keyId} is null)`,
    ),
  ],
);

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
