import { and, eq, isNull, sql } from 'drizzle-orm';
import { tokens } from '../../db/schema';
import type { Executor } from '../platform/db-types';

/**
 * Voids a person's unused confirmation links for one list: after a newer link, or after
 * they left the list, an old link from their inbox must not subscribe them again.
 */
export async function revokeConfirmTokens(tx: Executor, userId: string, list: string, now: Date) {
  await tx
    .update(tokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(tokens.userId, userId),
        eq(tokens.purpose, 'confirm-subscription'),
        isNull(tokens.usedAt),
        sql`${tokens.payload} ->> 'list' = ${list}`,
      ),
    );
}
