import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import postgres from 'postgres';

/**
 * The floor: a bare Hono route doing one prepared primary-key SELECT with postgres.js and
 * returning a small JSON. Nothing an auth service does per request can be cheaper.
 */
const sql = postgres(process.env.DATABASE_URL!, { max: 10, prepare: true });
const userId = process.env.BENCH_USER_ID!;
const app = new Hono();
app.get('/floor', async (c) => {
  const [row] = await sql`select id, email, name from users where id = ${userId}`;
  return c.json(row);
});
app.get('/ready', (c) => c.text('ok'));
serve({ fetch: app.fetch, port: Number(process.env.PORT) });
