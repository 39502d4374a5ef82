/**
 * Prints (or writes) the OpenAPI document exactly as the app serves it at /api/v1/openapi.json,
 * for Spectral and openapi-typescript. No database is opened: serving the document reads none.
 *
 *   tsx scripts/api-document.ts [out.json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createApp } from '../src/app';
import { parseConfig } from '../src/config';
import type { Deps } from '../src/deps';
import { createManualClock } from '../src/platform/clock';
import { silentLogger } from '../src/platform/logger';

/** The document names APP_URL as its server; an https address stands for production. */
const appUrl = 'https://accounts.example.org';

const unused = (what: string, known: object = {}) =>
  new Proxy(known as never, {
    get(target, key) {
      if (key in target) return target[key];
      throw new Error(`serving the OpenAPI document must not touch ${what}`);
    },
  });

export async function readApiDocument(): Promise<unknown> {
  const deps: Deps = {
    db: unused('the database'),
    hasher: unused('the hasher'),
    mailer: unused('the mailer', { kind: 'resend' }),
    clock: createManualClock(new Date('2026-01-01T00:00:00Z')),
    config: parseConfig({ APP_URL: appUrl, RESEND_API_KEY: 're_unused' }),
    log: silentLogger,
    notifyMail: () => {},
  };
  const res = await createApp(deps).request('/api/v1/openapi.json');
  if (res.status !== 200) throw new Error(`openapi.json answered ${res.status}`);
  return res.json();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const json = `${JSON.stringify(await readApiDocument(), null, 2)}\n`;
  if (process.argv[2]) {
    mkdirSync(path.dirname(process.argv[2]), { recursive: true });
    writeFileSync(process.argv[2], json);
  } else process.stdout.write(json);
}
