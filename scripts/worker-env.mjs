// How `npm run worker:dev` (and the Workers end-to-end test) turn the Node server's environment
// into a `wrangler dev` command line: every setting of src/config.ts becomes a Workers var, and
// DATABASE_URL also becomes the local connection string of the HYPERDRIVE binding.

/** The names src/config.ts reads, with src/config-privacy.ts (test/workers/worker-dev-env.test.ts keeps this list in step). */
export const configNames = [
  'METRICS_TOKEN',
  'ERASURE_LEDGER',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'PORT',
  'APP_URL',
  'DATABASE_URL',
  'DATA_DIR',
  'RESEND_API_KEY',
  'RESEND_BASE_URL',
  'RESEND_WEBHOOK_SECRET',
  'MAIL_FROM',
  'SCHOOL_NAME',
  'SUPPORTED_LOCALES',
  'DEFAULT_LOCALE',
  'TRUST_PROXY',
  'NODE_ENV',
  'SESSION_IDLE_MINUTES',
  'SESSION_ABSOLUTE_HOURS',
  'REMEMBER_ME_DAYS',
  'REAUTH_MINUTES',
  'DELETION_GRACE_DAYS',
  'INACTIVE_ACCOUNT_DAYS',
  'MIN_AGE',
  'POLICY_NOTICE_DAYS',
  'IP_RETENTION_DAYS',
  'UNVERIFIED_ACCOUNT_DAYS',
  'PWNED_PASSWORDS_URL',
  'RATE_LOGIN_FAILURES_PER_ACCOUNT',
  'RATE_LOGIN_FAILURES_PER_IP',
  'RATE_REGISTRATIONS_PER_IP',
  'RATE_EMAILS_PER_ACCOUNT',
  'RATE_EMAILS_PER_IP',
  'RATE_MAILS_PER_RECIPIENT',
  'MAIL_POLL_SECONDS',
  'SECRETS_KEY',
  'SECRETS_KEY_PREVIOUS',
  // src/config-privacy.ts, spread into config.ts's schema
  'CONTROLLER_NAME',
  'CONTROLLER_ADDRESS',
  'CONTROLLER_EMAIL',
  'CONTROLLER_DPO_EMAIL',
  'SUPERVISORY_AUTHORITY',
  'SUPERVISORY_AUTHORITY_URL',
  'PROCESSORS',
  'PERSISTENT_COOKIES',
];

/** Environment for wrangler itself: no telemetry, no update check, no fetch of Cloudflare's cf.json. */
export const offlineWranglerEnv = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  CLOUDFLARE_TELEMETRY_DISABLED: '1',
  WRANGLER_HIDE_BANNER: 'true', // the banner is what asks the registry for a newer wrangler
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

const hyperdriveVar = 'CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE';

/**
 * wrangler's local Hyperdrive insists on a password in the URL. A URL without one works on Node
 * only when the server does not ask (trust auth) or PGPASSWORD supplies it, so use that or a
 * placeholder the server will not look at.
 */
export function hyperdriveLocalUrl(databaseUrl, pgPassword) {
  const url = new URL(databaseUrl);
  if (!url.password) url.password = pgPassword || 'unused';
  if (!url.username) url.username = 'postgres';
  return url.toString();
}

/**
 * The `wrangler dev` arguments and environment for a Node-style environment `env`.
 * Returns `{ problem }` instead when the environment cannot work on Workers.
 */
export function workerDevCommand(env, extraArgs = []) {
  const databaseUrl = env.DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    return {
      problem:
        'DATABASE_URL: worker:dev needs a postgres://… database (Workers cannot run the embedded PGlite); ' +
        'create it and run `npm run db:migrate` first',
    };
  }
  const port = env.PORT || '3000';
  const vars = { NODE_ENV: 'development' };
  for (const name of configNames) {
    const value = env[name];
    if (value !== undefined && value !== '') vars[name] = value;
  }
  vars.PORT = port; // APP_URL defaults to http://localhost:$PORT, as on Node
  const args = [
    'dev',
    '--local',
    '--port',
    port,
    '--test-scheduled',
    '--show-interactive-dev-session=false',
  ];
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);
  args.push(...extraArgs);
  const childEnv = { ...offlineWranglerEnv, ...env };
  childEnv[hyperdriveVar] = hyperdriveLocalUrl(databaseUrl, env.PGPASSWORD);
  // wrangler would otherwise read a .env meant for the Node server as Workers secrets too.
  childEnv.CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV = 'false';
  return { args, env: childEnv, port };
}
