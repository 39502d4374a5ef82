import { pgTable, text } from 'drizzle-orm/pg-core';
import { at } from './columns';

/** One row per scheduled job: an instance claims a run by moving `lockedUntil` forward. */
export const jobRuns = pgTable('job_runs', {
  name: text().primaryKey(),
  lastStartedAt: at(),
  lastFinishedAt: at(),
  lockedUntil: at(),
  lastError: text(),
});
