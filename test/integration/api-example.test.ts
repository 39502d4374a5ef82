import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../../src/app';
import { createDevMailer } from '../../src/platform/mailer.dev';
import { freePort } from '../../scripts/lib/free-port';
import { devMailbox, runExample } from '../../examples/client';
import { checkApiResponses } from '../helpers/api-contract';
import { useTestApp } from '../helpers/use-test-app';

/**
 * examples/client.ts, as the README shows it, against a real HTTP server on this run's
 * database with the dev mailbox (as `npm run dev` has it): the typed client must work.
 */
describe('the typed client example', () => {
  const t = useTestApp();
  let server: ServerType;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    // Every answer the example gets is also held to openapi.json.
    const app = checkApiResponses(createApp({ ...t.deps, mailer: createDevMailer(() => {}) }));
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve());
    });
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('registers, confirms, signs in, reads /me and downloads the export', async () => {
    const result = await runExample(baseUrl, devMailbox(baseUrl));
    expect(result.me.name).toBe('Example Student');
    expect(result.me.email).toMatch(/^example-\d+@example\.com$/);
    // A zip starts with "PK" and holds data.json, the CSVs and README.txt: far over 1 KB.
    expect(result.exportBytes).toBeGreaterThan(1000);
  });
});
