import { createApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import type { Deps } from '../../src/deps';
import { dispatchMail } from '../../src/mail/outbox';
import { createManualClock } from '../../src/platform/clock';
import { openPglite } from '../../src/platform/db.pglite';
import type { DbHandle } from '../../src/platform/db-types';
import { createNodeHasher } from '../../src/platform/hasher.node.ts';
import { createResendMailer } from '../../src/platform/mailer.resend';
import { silentLogger, type Logger } from '../../src/platform/logger';
import { startFakeResend } from './fake-resend';

export const appUrl = 'http://localhost:3000';
/** Seals authenticator secrets in tests (SECRETS_KEY); a test may pass its own. */
export const testSecretsKey = 'test-secrets-key-0123456789-abcdefghijklmnopq';

export type HarnessOptions = { env?: Record<string, string>; log?: Logger; now?: Date };

/** A new in-memory PGlite database, migrated: nothing outlives the process. */
export async function openScratchDatabase(): Promise<DbHandle> {
  const handle = await openPglite();
  await handle.migrate();
  return handle;
}

/**
 * The whole service in this process on the database `openDatabase` gives, mail through the
 * real Resend SDK to a local fake Resend API, and a clock the caller moves. The tests' app
 * (test/helpers/test-app.ts) and the screenshots share it.
 */
export async function createHarnessApp<H extends DbHandle>(
  openDatabase: () => Promise<H>,
  options: HarnessOptions = {},
) {
  const resend = await startFakeResend();
  const handle = await openDatabase();
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
export type HarnessApp = Awaited<ReturnType<typeof createHarnessApp<DbHandle>>>;

/**
 * Mails out the outbox and returns the token of the newest `path` link sent to `address`.
 * Mails queued in the same instant may go out in any order, so this looks past newer mails
 * that carry no such link (a sign-in notice, say).
 */
export async function mailedToken(
  t: Pick<HarnessApp, 'sendMail' | 'resend'>,
  address: string,
  path: string,
): Promise<string> {
  await t.sendMail();
  const pattern = new RegExp(`https?://[^\\s]+${path.replace(/\//g, '\\/')}\\?token=([a-z2-7]+)`);
  for (const mail of t.resend.to(address).reverse()) {
    const match = mail.text?.match(pattern);
    if (match) return match[1]!;
  }
  throw new Error(`no ${path} link was mailed to ${address}`);
}
