import { and, eq, isNull, sql } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { recoveryCodes } from '../../../db/schema';
import type { Executor } from '../../platform/db-types';
import { hashSecret } from '../../platform/secret-tokens';

export const recoveryCodeCount = 10;

/**
 * Ten codes of 80 random bits each, shown as `xxxx-xxxx-xxxx-xxxx`. That many bits make a
 * plain SHA-256 enough to store them: unlike a password there is nothing to guess offline.
 */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const bytes = new Uint8Array(10);
    crypto.getRandomValues(bytes);
    return encodeBase32LowerCaseNoPadding(bytes).match(/.{4}/g)!.join('-');
  });
}

/** Accepts a code as printed, typed in capitals, or with spaces instead of dashes. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, '');
  return /^[a-z2-7]{16}$/.test(code) ? code : null;
}

/** Replaces every recovery code of the user with new ones; returns them in clear, once. */
export async function replaceRecoveryCodes(tx: Executor, userId: string, now: Date) {
  const codes = generateRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(
    codes.map((code) => ({
      userId,
      codeHash: hashSecret(normalizeRecoveryCode(code)!),
      createdAt: now,
    })),
  );
  return codes;
}

/** Uses a code up in one statement, so the same code cannot sign in twice, even in parallel. */
export async function useRecoveryCode(tx: Executor, userId: string, input: string, now: Date) {
  const code = normalizeRecoveryCode(input);
  if (!code) return false;
  const [row] = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashSecret(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return !!row;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
