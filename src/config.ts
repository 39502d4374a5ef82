import { z } from 'zod';
import { missingInProduction, privacyEnv, privacySettings } from './config-privacy';
import { locales } from './i18n/locales';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** A key for secrets at rest: any long random string (HKDF makes the AES key from it). */
export const secretsKeySchema = z
  .string()
  .min(32, 'at least 32 characters (e.g. `openssl rand -base64 32`)')
  .regex(/^[\x21-\x2b\x2d-\x7e]+$/, 'printable characters, no spaces or commas');
const flag = z.string().transform((v) => v !== '' && v !== '0' && v.toLowerCase() !== 'false');

/**
 * Every setting the service reads, with its default. `process.env` (or the Workers env) is
 * parsed here once; nothing else reads the environment.
 */
const envSchema = z.object({
  PORT: int(1, 65535).default(3000),
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(memory:\/\/|postgres(ql)?:\/\/.+)$/, 'memory:// or postgres://…')
    .optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  /** Resend's webhook signing secret (Svix); unset: POST /webhooks/resend answers 404. */
  RESEND_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'the signing secret Resend shows, `whsec_…`')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(
      /^[^\r\n<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/,
      'an address like "Name <a@b.c>"',
    )
    .default('Accounts <no-reply@localhost>'),
  SCHOOL_NAME: z.string().min(1).max(100).default('Accounts'),
  /** The languages this school offers, comma-separated; all four unless told. */
  SUPPORTED_LOCALES: z
    .string()
    .transform((v) => [...new Set(v.split(',').map((l) => l.trim().toLowerCase()))])
    .pipe(z.array(z.enum(locales, `a comma list of ${locales.join(', ')}`)).min(1))
    .default([...locales]),
  /** A visitor's language when Accept-Language names none of SUPPORTED_LOCALES. */
  DEFAULT_LOCALE: z.enum(locales, `one of ${locales.join(', ')}`).default('en'),
  TRUST_PROXY: flag.default(false),
  NODE_ENV: z.string().optional(),
  SESSION_IDLE_MINUTES: int(5, 60 * 24 * 365).default(60 * 24),
  SESSION_ABSOLUTE_HOURS: int(1, 24 * 365).default(24 * 30),
  REMEMBER_ME_DAYS: int(1, 365).default(30),
  REAUTH_MINUTES: int(1, 24 * 60).default(10),
  DELETION_GRACE_DAYS: int(0, 365).default(14),
  INACTIVE_ACCOUNT_DAYS: int(30, 365 * 10).default(365),
  // 13 is the lowest age of digital consent any EU country sets (GDPR art. 8); 16 is the default there.
  MIN_AGE: int(13, 99).default(16),
  // Never 0: a material change to the privacy policy is announced in advance.
  POLICY_NOTICE_DAYS: int(1, 365).default(30),
  IP_RETENTION_DAYS: int(1, 3650).default(90),
  UNVERIFIED_ACCOUNT_DAYS: int(1, 365).default(7),
  PWNED_PASSWORDS_URL: z.url().optional(),
  RATE_LOGIN_FAILURES_PER_ACCOUNT: int(1, 10000).default(10),
  RATE_LOGIN_FAILURES_PER_IP: int(1, 100000).default(100),
  RATE_REGISTRATIONS_PER_IP: int(1, 100000).default(50),
  RATE_EMAILS_PER_ACCOUNT: int(1, 10000).default(5),
  RATE_EMAILS_PER_IP: int(1, 100000).default(100),
  RATE_MAILS_PER_RECIPIENT: int(1, 1000).default(3),
  MAIL_POLL_SECONDS: int(1, 3600).default(2),
  // Operations (docs/operations.md)
  /** Set: GET /metrics answers to `Authorization: Bearer <METRICS_TOKEN>` (Node); unset: /metrics is 404. */
  METRICS_TOKEN: z
    .string()
    .min(16, 'at least 16 characters (e.g. `openssl rand -hex 32`)')
    .regex(/^[\x21-\x7e]+$/, 'printable characters, no spaces')
    .optional(),
  /** The erasure ledger file; default: next to DATA_DIR. Must not live on the backups' storage. */
  ERASURE_LEDGER: z.string().min(1).optional(),
  /**
   * Encrypts authenticator-app secrets at rest (docs/decisions/012-totp-secrets-at-rest.md).
   * Unset: PGlite keeps a generated key in DATA_DIR; production with PostgreSQL refuses to start.
   */
  SECRETS_KEY: secretsKeySchema.optional(),
  /** Older keys, comma-separated: still decrypt, never encrypt (`npm run cli -- rotate-totp-key`). */
  SECRETS_KEY_PREVIOUS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k !== ''),
    )
    .pipe(z.array(secretsKeySchema))
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Unset: human-readable on a terminal outside production, JSON otherwise. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  // The controller, the supervisory authority, the processors, PERSISTENT_COOKIES (config-privacy.ts)
  ...privacyEnv,
});

export type Env = z.input<typeof envSchema>;

function readEnv(env: Record<string, string | undefined>) {
  // Empty strings mean "unset", as they do in most shells and .env files.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])}: ${issue.message}`);
  }
  return result.data;
}

/** What production refuses to start without. */
function checkProduction(e: z.output<typeof envSchema>, appUrl: URL) {
  if (appUrl.protocol !== 'https:') {
    throw new ConfigError('APP_URL: must be an https:// URL when NODE_ENV=production');
  }
  if (!e.RESEND_API_KEY) {
    throw new ConfigError(
      'RESEND_API_KEY: required when NODE_ENV=production (the dev mailbox is off)',
    );
  }
  if (e.DATABASE_URL?.startsWith('postgres') && !e.SECRETS_KEY) {
    throw new ConfigError(
      'SECRETS_KEY: required when NODE_ENV=production with PostgreSQL; it encrypts the authenticator-app secrets (e.g. `openssl rand -base64 32`, kept with the database backups)',
    );
  }
  const missing = missingInProduction(e);
  if (missing.length > 0) {
    throw new ConfigError(
      `${missing.join(', ')}: required when NODE_ENV=production; /privacy, every mail and the data export name who is responsible for the data and where to complain (README, "Configuration")`,
    );
  }
}

export function parseConfig(env: Record<string, string | undefined>) {
  const e = readEnv(env);
  const appUrl = new URL(e.APP_URL ?? `http://localhost:${e.PORT}`);
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction) checkProduction(e, appUrl);
  if (!e.SUPPORTED_LOCALES.includes(e.DEFAULT_LOCALE)) {
    throw new ConfigError(
      `DEFAULT_LOCALE: must be one of SUPPORTED_LOCALES (${e.SUPPORTED_LOCALES.join(', ')})`,
    );
  }
  return {
    port: e.PORT,
    appUrl: appUrl.origin,
    appOrigin: appUrl.origin,
    isHttps: appUrl.protocol === 'https:',
    isProduction,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    resendApiKey: e.RESEND_API_KEY,
    resendBaseUrl: e.RESEND_BASE_URL,
    resendWebhookSecret: e.RESEND_WEBHOOK_SECRET,
    mailFrom: e.MAIL_FROM,
    schoolName: e.SCHOOL_NAME,
    supportedLocales: e.SUPPORTED_LOCALES,
    defaultLocale: e.DEFAULT_LOCALE,
    trustProxy: e.TRUST_PROXY,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    rememberMeMs: e.REMEMBER_ME_DAYS * 86_400_000,
    reauthMs: e.REAUTH_MINUTES * 60_000,
    deletionGraceDays: e.DELETION_GRACE_DAYS,
    inactiveAccountDays: e.INACTIVE_ACCOUNT_DAYS,
    minAge: e.MIN_AGE,
    policyNoticeDays: e.POLICY_NOTICE_DAYS,
    ipRetentionDays: e.IP_RETENTION_DAYS,
    unverifiedAccountDays: e.UNVERIFIED_ACCOUNT_DAYS,
    pwnedPasswordsUrl: e.PWNED_PASSWORDS_URL,
    rateLimits: {
      loginFailuresPerAccount: e.RATE_LOGIN_FAILURES_PER_ACCOUNT,
      loginFailuresPerIp: e.RATE_LOGIN_FAILURES_PER_IP,
      registrationsPerIp: e.RATE_REGISTRATIONS_PER_IP,
      emailsPerAccount: e.RATE_EMAILS_PER_ACCOUNT,
      mailsPerRecipient: e.RATE_MAILS_PER_RECIPIENT,
      emailsPerIp: e.RATE_EMAILS_PER_IP,
    },
    mailPollMs: e.MAIL_POLL_SECONDS * 1000,
    metricsToken: e.METRICS_TOKEN,
    // Beside the embedded database's directory, never inside it: a restored DATA_DIR must not
    // bring back an old ledger. Production should point it at other storage (docs/operations.md).
    erasureLedger: e.ERASURE_LEDGER ?? `${e.DATA_DIR.replace(/\/+$/, '')}-erasure-ledger.jsonl`,
    /** Set here from SECRETS_KEY; on Node, resolveSecretsKey fills it from DATA_DIR when unset. */
    secretsKey: e.SECRETS_KEY,
    secretsKeyPrevious: e.SECRETS_KEY_PREVIOUS ?? [],
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    ...privacySettings(e),
  };
}

export type Config = ReturnType<typeof parseConfig>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}
