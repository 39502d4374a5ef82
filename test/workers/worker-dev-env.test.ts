import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configNames, hyperdriveLocalUrl, workerDevCommand } from '../../scripts/worker-env.mjs';

/** `npm run worker:dev` passes the Node server's settings to the worker as vars. */
describe('worker:dev environment', () => {
  it('knows every setting src/config.ts reads', () => {
    const source = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');
    const schema = source.slice(
      source.indexOf('z.object({'),
      source.indexOf('});', source.indexOf('z.object({')),
    );
    const privacy = readFileSync(new URL('../../src/config-privacy.ts', import.meta.url), 'utf8');
    const privacyEnv = privacy.slice(privacy.indexOf('export const privacyEnv = {'));
    const names = [
      ...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm),
      ...privacyEnv.slice(0, privacyEnv.indexOf('};')).matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm),
    ].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(20);
    expect(schema).toContain('...privacyEnv');
    expect([...configNames].sort()).toEqual([...names].sort());
  });

  it('passes the settings as vars and DATABASE_URL to the Hyperdrive binding', () => {
    const command = workerDevCommand({
      PORT: '4321',
      APP_URL: 'http://127.0.0.1:4321',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/accounts',
      RESEND_API_KEY: 're_x',
      RESEND_BASE_URL: 'http://127.0.0.1:9/',
      MIN_AGE: '13',
      UNRELATED: 'not passed',
    });
    if (command.problem !== undefined) throw new Error(command.problem);
    const vars = command.args.flatMap((a, i) => (command.args[i - 1] === '--var' ? [a] : []));
    expect(vars).toEqual(
      expect.arrayContaining([
        'PORT:4321',
        'APP_URL:http://127.0.0.1:4321',
        'RESEND_API_KEY:re_x',
        'RESEND_BASE_URL:http://127.0.0.1:9/',
        'MIN_AGE:13',
        'NODE_ENV:development',
      ]),
    );
    expect(vars.some((v) => v.startsWith('UNRELATED'))).toBe(false);
    expect(command.args).toEqual(
      expect.arrayContaining(['dev', '--local', '--port', '4321', '--test-scheduled']),
    );
    expect(command.env.CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE).toBe(
      'postgres://postgres:unused@127.0.0.1:5432/accounts',
    );
    expect(command.env.WRANGLER_SEND_METRICS).toBe('false');
  });

  it('refuses to start without PostgreSQL', () => {
    for (const DATABASE_URL of [undefined, '', 'memory://']) {
      expect(workerDevCommand({ DATABASE_URL }).problem).toMatch(/^DATABASE_URL: .*postgres/);
    }
  });

  it('keeps a password that is given, else PGPASSWORD', () => {
    expect(hyperdriveLocalUrl('postgres://u:secret@db:5432/x')).toBe(
      'postgres://u:secret@db:5432/x',
    );
    expect(hyperdriveLocalUrl('postgresql://u@db/x', 'pw')).toBe('postgresql://u:pw@db/x');
  });
});
