import { createHarnessApp, type HarnessOptions } from '../../scripts/lib/harness-app';
import { openTestDatabase } from './database';
import { checkApiResponses } from './api-contract';

// The harness is shared with the screenshots script; tests add their own database (PGlite, or a
// copy of the PostgreSQL template the global setup migrated when DATABASE_URL is set).
export { appUrl, testSecretsKey } from '../../scripts/lib/harness-app';

/**
 * The whole service on a fresh database (PGlite, or PostgreSQL with DATABASE_URL), mail
 * through the real Resend SDK to a local fake Resend API, and a clock the test moves.
 */
export async function createTestApp(options: HarnessOptions = {}) {
  const harness = await createHarnessApp(openTestDatabase, options);
  // Every /api/v1 answer a test sees is held to the published openapi.json.
  checkApiResponses(harness.app);
  return harness;
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
