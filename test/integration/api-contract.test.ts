import { describe, expect, it } from 'vitest';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import { checkApiResponses } from '../helpers/api-contract';
import { appUrl } from '../helpers/test-app';
import { newPerson, registerAndVerify } from '../helpers/accounts';

type Operation = {
  security?: unknown[];
  responses: Record<string, { headers?: Record<string, unknown>; content?: object }>;
};
type Doc = {
  servers: { url: string }[];
  security: unknown[];
  tags: { name: string; description: string }[];
  components: {
    securitySchemes: Record<string, { type: string; in?: string; name?: string }>;
    responses: Record<string, Operation['responses'][string]>;
  };
  paths: Record<string, Record<string, Operation>>;
};

const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );

describe('openapi.json', () => {
  const t = useTestApp();

  it('names APP_URL as its server and both ways to send the session', async () => {
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as Doc;
    expect(doc.servers[0]!.url).toBe(`${appUrl}/api/v1`);
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http' });
    expect(doc.security).toEqual([{ session: [] }, { bearer: [] }]);
    const login = doc.paths['/auth/login']!.post!;
    expect(login.security).toEqual([]);
    expect(doc.paths['/me']!.get!.security).toEqual([{ session: [] }, { bearer: [] }]);
  });

  it('declares for every operation its errors as problem+json, and only declared tags', async () => {
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as Doc;
    const tags = new Set(doc.tags.map((tag) => tag.name));
    for (const { path, method, op } of operations(doc)) {
      expect(Object.keys(op.responses), `${method} ${path}`).toContain('500');
      for (const [status, declared] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const ref = (declared as { $ref?: string }).$ref;
        const response = ref
          ? doc.components.responses[ref.replace('#/components/responses/', '')]
          : declared;
        expect(response?.content, `${method} ${path} ${status}`).toHaveProperty([
          'application/problem+json',
        ]);
      }
      for (const tag of (op as { tags?: string[] }).tags ?? [])
        expect(tags, `${method} ${path}`).toContain(tag);
    }
  });

  it('documents RateLimit headers on every answer of a rate-limited operation', async () => {
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as Doc;
    const login = doc.paths['/auth/login']!.post!;
    for (const status of ['200', '401', '429'])
      expect(Object.keys(login.responses[status]!.headers ?? {})).toEqual(
        expect.arrayContaining(['RateLimit', 'RateLimit-Policy']),
      );
    expect(login.responses['429']!.headers).toHaveProperty(['Retry-After']);
  });
});

describe('RateLimit headers', () => {
  const t = useTestApp();

  it('report the quota and what is left, per address and per account, on 2xx and 4xx', async () => {
    const client = createClient(t, { ip: '10.77.0.1' });
    const person = newPerson('ratelimit');
    await registerAndVerify(t, client, person);
    const wrong = await client.post('/api/v1/auth/login', {
      email: person.email,
      password: 'nope-nope-nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('RateLimit-Policy')).toBe(
      '"login-fail-ip";q=100;w=3600, "login-fail-acct";q=10;w=900',
    );
    expect(wrong.headers.get('RateLimit')).toMatch(
      /^"login-fail-ip";r=\d+;t=\d+, "login-fail-acct";r=9;t=\d+$/,
    );
    const right = await client.post('/api/v1/auth/login', {
      email: person.email,
      password: person.password,
    });
    expect(right.status).toBe(200);
    expect(right.headers.get('RateLimit')).toMatch(/"login-fail-acct";r=\d+;t=\d+/);
  });

  it('go with Retry-After and r=0 on a 429', async () => {
    const client = createClient(t, { ip: '10.77.0.2' });
    const person = newPerson('locked');
    let res: Response | undefined;
    for (let i = 0; i < 11; i++)
      res = await client.post('/api/v1/auth/login', {
        email: person.email,
        password: 'nope-nope-nope',
      });
    expect(res!.status).toBe(429);
    expect(Number(res!.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(res!.headers.get('RateLimit')).toMatch(/"login-fail-acct";r=0;t=\d+/);
  });

  it('are not sent by operations without a limit', async () => {
    const res = await t.app.request('/api/v1/lists');
    expect(res.status).toBe(200);
    expect(res.headers.get('RateLimit')).toBeNull();
  });
});

describe('the response check of the test helpers', () => {
  /** A tiny API that publishes one operation and can answer outside it. */
  function tinyApi(answer: { status: number; body: unknown }) {
    const api = new OpenAPIHono();
    const route = createRoute({
      method: 'get',
      path: '/thing',
      responses: {
        200: {
          description: 'ok',
          content: { 'application/json': { schema: z.object({ ok: z.boolean() }) } },
        },
      },
    });
    api.openapi(route, (c) => c.json(answer.body as never, answer.status as never));
    api.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'tiny', version: '1' } });
    const app = new OpenAPIHono();
    app.route('/api/v1', api);
    return checkApiResponses(app);
  }

  it('passes an answer the document describes', async () => {
    const res = await tinyApi({ status: 200, body: { ok: true } }).request('/api/v1/thing');
    expect(res.status).toBe(200);
  });

  it('fails a body that does not match the schema', async () => {
    await expect(
      tinyApi({ status: 200, body: { ok: 'yes' } }).request('/api/v1/thing'),
    ).rejects.toThrow(/does not match openapi.json/);
  });

  it('fails a status the operation does not declare', async () => {
    await expect(
      tinyApi({ status: 418, body: { ok: true } }).request('/api/v1/thing'),
    ).rejects.toThrow(/status not declared/);
  });
});
