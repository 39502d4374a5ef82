/**
 * `node --expose-gc --import tsx bench/tools/export-heap.ts [events]`: whether an export
 * holds more than a page. The app runs in process on a fresh PostgreSQL database, the bench
 * person gets `events` activity events (default 40,000), and the export's zip is read while
 * the live heap is measured after a full collection every 50 chunks: it should stay flat
 * however many events there are, while RSS may grow with the garbage V8 lets pile up.
 */
import { sql } from 'drizzle-orm';
import { inProcessService, sessionCookie } from '../lib/in-process';

const events = Number(process.argv[2] ?? 40_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
const service = await inProcessService('bench_eh');
try {
  const { deps, userId } = service;
  await deps.db.execute(sql`insert into audit_events (user_id, action, ip, user_agent, details, at)
    select ${userId}, 'profile.updated', '203.0.113.' || (i % 250), 'Mozilla/5.0 (X11; Linux x86_64) bench',
      jsonb_build_object('fields', jsonb_build_array('name', 'phone')), now() - make_interval(mins => i)
    from generate_series(1, ${events}) as i`);
  const app = service.createApp();
  const cookie = await sessionCookie(app);
  for (let round = 1; round <= 2; round++) {
    gc();
    const base = process.memoryUsage();
    const res = await app.request('/api/v1/me/export', { headers: { cookie } });
    const reader = res.body!.getReader();
    let chunks = 0;
    let bytes = 0;
    let liveMax = 0;
    let rssMax = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      rssMax = Math.max(rssMax, process.memoryUsage.rss());
      if (++chunks % 50 === 0) {
        gc();
        liveMax = Math.max(liveMax, process.memoryUsage().heapUsed);
      }
    }
    console.log(
      `export ${round}, ${events} events: ${chunks} chunks, ${(bytes / 1024).toFixed(0)} KiB; ` +
        `live heap at most +${mib(liveMax - base.heapUsed)} MiB, RSS at most +${mib(rssMax - base.rss)} MiB`,
    );
  }
} finally {
  await service.close();
}
