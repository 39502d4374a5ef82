import { and, asc, eq, gt, isNotNull, isNull, ne, or, type SQL } from 'drizzle-orm';
import { totpCredentials } from '../../../db/schema';
import type { Config } from '../../config';
import type { Deps } from '../../deps';
import { ProblemError } from '../../http/problem';
import { openSecretBox, SecretBoxError, type SecretBox } from '../../platform/secret-box';

/**
 * Authenticator-app secrets at rest (docs/decisions/012-totp-secrets-at-rest.md): sealed with
 * the current SECRETS_KEY, bound to their owner's id, opened with any configured key.
 */

const purpose = 'totp-secret';
const boxes = new WeakMap<Config, Promise<SecretBox>>();

function boxFor(config: Config) {
  let box = boxes.get(config);
  if (!box) {
    box = openSecretBox(purpose, {
      current: config.secretsKey,
      previous: config.secretsKeyPrevious,
    });
    boxes.set(config, box);
  }
  return box;
}

/**
 * The server cannot read (or, without a key, write) authenticator secrets: a configuration
 * fault, answered 503 on the API and as an error page, never as a wrong code and never with
 * the secret. Recovery codes do not need the secret, so they keep working.
 */
export class TwoFactorUnavailable extends ProblemError {
  constructor() {
    super({
      status: 503,
      type: 'two-factor-unavailable',
      title: 'Authenticator codes cannot be checked right now; a recovery code still works',
      detail:
        'The server cannot read authenticator secrets (a key configuration fault); its log says more.',
    });
  }
}

export type StoredSecret = {
  userId: string;
  secret: string | null;
  secretCiphertext: string | null;
  keyId: string | null;
};
export type SealedColumns = { secret: null; secretCiphertext: string; keyId: string };

function unavailable(deps: Deps, fields: Record<string, unknown>, msg: string): never {
  deps.log.error(fields, msg);
  throw new TwoFactorUnavailable();
}

/** The columns that store `secret` for `userId` under the current key. */
export async function sealTotpSecret(
  deps: Deps,
  userId: string,
  secret: string,
): Promise<SealedColumns> {
  const box = await boxFor(deps.config);
  if (!box.currentKeyId)
    unavailable(
      deps,
      { userId },
      'authenticator secrets cannot be stored: SECRETS_KEY is not set (see docs/operations.md)',
    );
  const sealed = await box.seal(secret, userId);
  return { secret: null, secretCiphertext: sealed.ciphertext, keyId: sealed.keyId };
}

/**
 * The secret of a stored row, and (when it is in clear or under an older key) the columns
 * that re-seal it under the current key, for the caller's next write to the row. Throws
 * TwoFactorUnavailable, after an error log line naming the key settings, when no configured
 * key opens it for this owner.
 */
export async function openTotpSecret(
  deps: Deps,
  row: StoredSecret,
): Promise<{ secret: string; reseal: SealedColumns | null }> {
  const box = await boxFor(deps.config);
  let secret: string;
  if (row.secretCiphertext && row.keyId) {
    try {
      secret = await box.open({ ciphertext: row.secretCiphertext, keyId: row.keyId }, row.userId);
    } catch (err) {
      if (!(err instanceof SecretBoxError)) throw err;
      unavailable(
        deps,
        { userId: row.userId, keyId: row.keyId, knownKeyIds: box.keyIds, reason: err.reason },
        'an authenticator secret does not open: SECRETS_KEY and SECRETS_KEY_PREVIOUS lack the key (keyId) it was sealed with, or the row was altered',
      );
    }
  } else if (row.secret) {
    secret = row.secret; // from before migration 0006: sealed below, with the caller's write
  } else {
    unavailable(
      deps,
      { userId: row.userId },
      'an authenticator secret row holds neither a sealed nor a legacy value',
    );
  }
  const stale = row.keyId !== box.currentKeyId || row.secret !== null;
  const reseal = stale && box.currentKeyId ? await sealTotpSecret(deps, row.userId, secret) : null;
  return { secret, reseal };
}

/** SQL: the row still stores what `row` stored (a compare-and-set for writes after a read). */
export function storesSameSecret(row: StoredSecret): SQL {
  return row.secretCiphertext
    ? eq(totpCredentials.secretCiphertext, row.secretCiphertext)
    : eq(totpCredentials.secret, row.secret ?? '');
}

export type RotationReport = {
  /** The key everything readable is now sealed with. */
  currentKeyId: string;
  /** Rows re-sealed (from clear text or an older key) by this run. */
  resealed: number;
  /** Rows no configured key opens: left as they are (their owners need a recovery code). */
  unreadable: string[];
};

/**
 * `npm run cli -- rotate-totp-key`: re-seals every row that is not under the current key
 * (clear text from before migration 0006 included). Safe to repeat and to run while the
 * service serves: each row is written only if it still holds what was read. `legacyOnly`:
 * only rows in clear (the start-up sweep).
 */
export async function rotateTotpSecrets(
  deps: Deps,
  options: { legacyOnly?: boolean; batchSize?: number } = {},
): Promise<RotationReport> {
  const box = await boxFor(deps.config);
  const currentKeyId = box.currentKeyId;
  if (!currentKeyId) throw new Error('SECRETS_KEY: not set, so there is no key to seal with');
  const batchSize = options.batchSize ?? 200;
  const stale = options.legacyOnly
    ? isNotNull(totpCredentials.secret)
    : or(
        isNotNull(totpCredentials.secret),
        isNull(totpCredentials.keyId),
        ne(totpCredentials.keyId, currentKeyId),
      );
  const report: RotationReport = { currentKeyId, resealed: 0, unreadable: [] };
  let after: string | null = null;
  for (;;) {
    const rows: StoredSecret[] = await deps.db
      .select({
        userId: totpCredentials.userId,
        secret: totpCredentials.secret,
        secretCiphertext: totpCredentials.secretCiphertext,
        keyId: totpCredentials.keyId,
      })
      .from(totpCredentials)
      .where(after === null ? stale : and(stale, gt(totpCredentials.userId, after)))
      .orderBy(asc(totpCredentials.userId))
      .limit(batchSize);
    for (const row of rows) {
      let opened;
      try {
        opened = await openTotpSecret(deps, row);
      } catch (err) {
        if (!(err instanceof TwoFactorUnavailable)) throw err;
        report.unreadable.push(row.userId);
        continue;
      }
      if (!opened.reseal) continue;
      const written = await deps.db
        .update(totpCredentials)
        .set(opened.reseal)
        .where(and(eq(totpCredentials.userId, row.userId), storesSameSecret(row)))
        .returning({ userId: totpCredentials.userId });
      report.resealed += written.length;
    }
    if (rows.length < batchSize) return report;
    after = rows[rows.length - 1]!.userId;
  }
}

/** After migrating, at every start of the Node server: seals the rows still in clear. */
export async function sealLegacyTotpSecrets(deps: Deps) {
  return (await rotateTotpSecrets(deps, { legacyOnly: true })).resealed;
}
