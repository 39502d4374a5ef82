import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, id } from './columns';
import { users } from './users';

export const restrictionOutcomes = ['upheld', 'lifted'] as const;
export type RestrictionOutcome = (typeof restrictionOutcomes)[number];

/**
 * What the school decided about a person's restriction of processing (GDPR art. 18):
 * "upheld" (it stays) or "lifted" (it ended with this decision), always with a reason the
 * person is told. `userId` is the person; `decidedBy` the admin, kept as null when their
 * own account goes. The person's rows go with their account.
 */
export const restrictionDecisions = pgTable(
  'restriction_decisions',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decision: text().$type<RestrictionOutcome>().notNull(),
    reason: text().notNull(),
    decidedAt: at().notNull().defaultNow(),
  },
  (t) => [index('restriction_decisions_user_idx').on(t.userId, t.decidedAt)],
);
