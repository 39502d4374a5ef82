import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

/** What production needs besides (src/config-privacy.test.ts tests these). */
const controllerEnv = {
  CONTROLLER_NAME: 'X School Ltd',
  CONTROLLER_ADDRESS: '1 X Street, X',
  CONTROLLER_EMAIL: 'privacy@x.example',
  SUPERVISORY_AUTHORITY: 'The X data protection authority',
  SUPERVISORY_AUTHORITY_URL: 'https://dpa.x.example/',
};

describe('parseConfig', () => {
  it('has working defaults for a bare environment', () => {
    const c = parseConfig({});
    expect(c.port).toBe(3000);
    expect(c.appUrl).toBe('http://localhost:3000');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe('./.data');
    expect(c.sessionIdleMs).toBe(24 * 3_600_000);
    expect(c.minAge).toBe(16);
    expect(c.policyNoticeDays).toBe(30);
    expect(c.isHttps).toBe(false);
  });

  it('derives APP_URL from PORT and https from the URL', () => {
    expect(parseConfig({ PORT: '8080' }).appUrl).toBe('http://localhost:8080');
    expect(parseConfig({ APP_URL: 'https://school.example/' }).isHttps).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ PORT: '70000' }, /^PORT: /],
    [{ APP_URL: 'ftp://x' }, /^APP_URL: /],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: .*postgres/],
    [{ SESSION_IDLE_MINUTES: '-1' }, /^SESSION_IDLE_MINUTES: /],
    [{ MAIL_FROM: 'Bad\r\nBcc: x@y.z <a@b.c>' }, /^MAIL_FROM: /],
    // A policy change with no advance notice, and an age no law allows, are refused (issue 19).
    [{ POLICY_NOTICE_DAYS: '0' }, /^POLICY_NOTICE_DAYS: /],
    [{ MIN_AGE: '12' }, /^MIN_AGE: /],
  ])('rejects %o with one line naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    try {
      parseConfig(env);
    } catch (e) {
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('refuses production without https or without a real mailer', () => {
    expect(() =>
      parseConfig({ NODE_ENV: 'production', APP_URL: 'http://x.example', RESEND_API_KEY: 'k' }),
    ).toThrow(/APP_URL/);
    expect(() => parseConfig({ NODE_ENV: 'production', APP_URL: 'https://x.example' })).toThrow(
      /RESEND_API_KEY/,
    );
    expect(
      parseConfig({
        NODE_ENV: 'production',
        APP_URL: 'https://x.example',
        RESEND_API_KEY: 'k',
        ...controllerEnv,
      }).isProduction,
    ).toBe(true);
  });
});

describe('parseConfig: SECRETS_KEY (authenticator secrets at rest)', () => {
  const production = {
    NODE_ENV: 'production',
    APP_URL: 'https://x.example',
    RESEND_API_KEY: 'k',
    ...controllerEnv,
  };
  const key = 'k'.repeat(20) + '0123456789abcdef';

  it('is required in production with PostgreSQL, in one line naming it; PGlite keeps its own key', () => {
    const env = { ...production, DATABASE_URL: 'postgres://db.internal/accounts' };
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(
      /^SECRETS_KEY: required when NODE_ENV=production with PostgreSQL[^\n]*$/,
    );
    expect(parseConfig({ ...env, SECRETS_KEY: key }).secretsKey).toBe(key);
    expect(parseConfig(production).secretsKey).toBeUndefined();
  });

  it('takes older keys, comma-separated, for decryption only', () => {
    const c = parseConfig({
      SECRETS_KEY: key,
      SECRETS_KEY_PREVIOUS: ` ${'a'.repeat(32)}, ${'b'.repeat(40)} `,
    });
    expect(c.secretsKeyPrevious).toEqual(['a'.repeat(32), 'b'.repeat(40)]);
    expect(parseConfig({}).secretsKeyPrevious).toEqual([]);
  });

  it.each([
    [{ SECRETS_KEY: 'short-key' }, /^SECRETS_KEY: at least 32/],
    [{ SECRETS_KEY: 'has spaces in it, which are not allowed here' }, /^SECRETS_KEY: printable/],
    [{ SECRETS_KEY_PREVIOUS: `${'a'.repeat(32)},short-key` }, /^SECRETS_KEY_PREVIOUS: at least 32/],
  ])('rejects %o in one line that does not repeat the value', (env, message) => {
    try {
      parseConfig(env);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain('short-key');
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
