import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  it('has working defaults for a bare environment', () => {
    const c = parseConfig({});
    expect(c.port).toBe(3000);
    expect(c.appUrl).toBe('http://localhost:3000');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe('./.data');
    expect(c.sessionIdleMs).toBe(24 * 3_600_000);
    expect(c.minAge).toBe(16);
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
    expect(() => parseConfig({ NODE_ENV: 'production', APP_URL: 'http://x.example', RESEND_API_KEY: 'k' })).toThrow(/APP_URL/);
    expect(() => parseConfig({ NODE_ENV: 'production', APP_URL: 'https://x.example' })).toThrow(/RESEND_API_KEY/);
    expect(parseConfig({ NODE_ENV: 'production', APP_URL: 'https://x.example', RESEND_API_KEY: 'k' }).isProduction).toBe(true);
  });
});
