/**
 * `tsx bench/tools/db-work.ts [me|login|page] [requests]`: what one request costs the database,
 * read from PostgreSQL's own counters (pg_stat_user_tables, pg_stat_database) before and after
 * N sequential requests to the built server: transactions, index scans, rows written, per
 * request and per table. (pg_stat_statements needs a server restart with
 * shared_preload_libraries; these counters need nothing.)
 */
import postgres from 'postgres';
import { createBenchDatabase } from '../lib/db';
import {
  buildOurs,
  email,
  ourEnv,
  password,
  seedOurs,
  signInOurs,
  startOurs,
} from '../lib/servers';

const what = process.argv[2] ?? 'me';
const n = Number(process.argv[3] ?? 200);
buildOurs();
const db = await createBenchDatabase(process.env.DATABASE_URL!, `bench_work_${process.pid}`, true);
const server = await startOurs(ourEnv(db.url));
const sql = postgres(db.url, { max: 1, onnotice: () => {} });
type Row = { relname: string; seq: number; idx: number; ins: number; upd: number; del: number };
const snapshot = async () => {
  const tables = await sql<
    Row[]
  >`select relname, coalesce(seq_scan,0)::int seq, coalesce(idx_scan,0)::int idx,
    n_tup_ins::int ins, n_tup_upd::int upd, n_tup_del::int del from pg_stat_user_tables`;
  const [d] = await sql<
    { commits: number }[]
  >`select xact_commit::int commits from pg_stat_database where datname = current_database()`;
  return { tables: new Map(tables.map((t) => [t.relname, t])), commits: d!.commits };
};
try {
  await seedOurs(db.url);
  const token = await signInOurs(server.url);
  const request = () =>
    what === 'login'
      ? fetch(`${server.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        })
      : fetch(`${server.url}${what === 'page' ? '/account' : '/api/v1/me'}`, {
          headers: { cookie: `session=${token}` },
        });
  for (let i = 0; i < 5; i++) await (await request()).arrayBuffer();
  await sql`select pg_stat_force_next_flush()`.catch(() => {});
  await new Promise((r) => setTimeout(r, 1100));
  const before = await snapshot();
  for (let i = 0; i < n; i++) await (await request()).arrayBuffer();
  await new Promise((r) => setTimeout(r, 1100));
  const after = await snapshot();
  // Our snapshot queries are two transactions each; the counters are per database.
  console.log(
    `${what}: ${((after.commits - before.commits - 2) / n).toFixed(2)} transactions per request`,
  );
  for (const [name, a] of after.tables) {
    const b = before.tables.get(name)!;
    const per = (k: keyof Row) => ((Number(a[k]) - Number(b[k])) / n).toFixed(2);
    const line = `seq ${per('seq')} idx ${per('idx')} ins ${per('ins')} upd ${per('upd')} del ${per('del')}`;
    if (!/^seq 0\.00 idx 0\.00 ins 0\.00 upd 0\.00 del 0\.00$/.test(line))
      console.log(`  ${name.padEnd(24)} ${line}`);
  }
} finally {
  await sql.end();
  await server.stop();
  await db.drop();
}
