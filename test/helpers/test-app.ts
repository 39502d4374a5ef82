import { createApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import type { Deps } from '../../src/deps';
import { dispatchMail } from '../../src/mail/outbox';
import { createManualClock } from '../../src/platform/clock';
import { createNodeHasher } from '../../src/platform/hasher.node.ts';
import { createResendMailer } from '../../src/platform/mailer.resend';
import { silentLogger, type Logger } from '../../src/platform/logger';
import { openTestDatabase } from './database';
import { startFakeResend } from './fake-resend';

export const appUrl = 'http://localhost:3000';
/** Seals authenticator secrets in tests (SECRETS_KEY); a test may pass its own. */
export const testSecretsKey = 'test-secrets-key-0123456789-abcdefghijklmnopq';

/**
 * The whole service on a fresh database (PGlite, or PostgreSQL with DATABASE_URL), mail
 * through the real Resend SDK to a local fake Resend API, and a clock the test moves.
 */
export async function createTestApp(
  options: { env?: Record<string, string>; log?: Logger; now?: Date } = {},
) {
  const resend = await startFakeResend();
  const handle = await openTestDatabase();
  const clock = createManualClock(options.now ?? new Date());
  const config = parseConfig({
    APP_URL: appUrl,
    RESEND_API_KEY: resend.apiKey,
    RESEND_BASE_URL: resend.url,
    SECRETS_KEY: testSecretsKey,
    ...options.env,
  });
  const deps: Deps = {
    db: handle.db,
    hasher: createNodeHasher(),
    mailer: createResendMailer(resend.apiKey, resend.url),
    clock,
    config,
    log: options.log ?? silentLogger,
    notifyMail: () => {},
  };
  const app = createApp(deps);
  return {
    app,
    deps,
    db: handle.db,
    dbHandle: handle,
    clock,
    resend,
    /** Sends everything due in the outbox, as the job would. */
    sendMail: () => dispatchMail(deps),
    async close() {
      await handle.close();
      await resend.close();
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
