import { staffAssignments } from '../../db/schema';
import type { TestApp } from './test-app';

/**
 * Lets a teacher work with these people, as an admin's assignment on their card would: a
 * teacher (role 'staff') sees in the console only the people assigned to them or that they
 * have a lesson with (src/staff/visibility.ts).
 */
export async function assignToTeacher(
  t: Pick<TestApp, 'db'>,
  staffId: string,
  ...userIds: string[]
): Promise<void> {
  if (!userIds.length) return;
  await t.db
    .insert(staffAssignments)
    .values(userIds.map((userId) => ({ staffId, userId })))
    .onConflictDoNothing();
}
