import { createHarnessApp, type HarnessOptions } from '../../scripts/lib/harness-app';
import { openTestDatabase } from './database';

// The harness is shared with the screenshots script; tests add their own database (PGlite, or a
// copy of the PostgreSQL template the global setup migrated when DATABASE_URL is set).
export { appUrl, testSecretsKey } from '../../scripts/lib/harness-app';

/**
 * The whole service on a fresh database (PGlite, or PostgreSQL with DATABASE_URL), mail
 * through the real Resend SDK to a local fake Resend API, and a clock the test moves.
 */
export function createTestApp(options: HarnessOptions = {}) {
  return createHarnessApp(openTestDatabase, options);
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
