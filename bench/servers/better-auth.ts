import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { hash, verify } from '@node-rs/argon2';
import { Pool } from 'pg';
import { argon2Params } from '../../src/platform/hasher';

/**
 * The peer: Better Auth mounted in Hono on the same PostgreSQL (its own database), with its
 * password hashing switched to the same argon2id parameters, so both sides pay the same hash.
 */
const auth = betterAuth({
  database: new Pool({ connectionString: process.env.DATABASE_URL, max: 10 }),
  baseURL: `http://127.0.0.1:${process.env.PORT}`,
  secret: 'bench-secret-bench-secret-bench-secret-0123456789',
  emailAndPassword: {
    enabled: true,
    password: {
      hash: (password) => hash(password, { ...argon2Params, algorithm: 2 }),
      verify: ({ hash: stored, password }) => verify(stored, password),
    },
  },
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
});

const { runMigrations } = await getMigrations(auth.options);
await runMigrations();

const app = new Hono();
app.on(['GET', 'POST'], '/api/auth/*', (c) => auth.handler(c.req.raw));
app.get('/ready', (c) => c.text('ok'));
serve({ fetch: app.fetch, port: Number(process.env.PORT) });
