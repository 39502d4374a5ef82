import { index, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { users } from './users';

/**
 * Which staff member works with which person, set by an admin. A teacher sees a person in
 * the console when assigned here or when they have a lesson with them (see src/staff/visibility.ts);
 * admins see everyone. `userId` is the person; both ends go with either account.
 */
export const staffAssignments = pgTable(
  'staff_assignments',
  {
    id: id(),
    staffId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The admin who made the assignment; kept as null when their own account goes. */
    assignedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('staff_assignments_pair_idx').on(t.staffId, t.userId),
    index('staff_assignments_user_idx').on(t.userId),
  ],
);
