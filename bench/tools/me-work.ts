/**
 * `tsx bench/tools/me-work.ts [path]` (PROFILE=1 also writes /tmp/me.cpuprofile): what one
 * authenticated GET (default /api/v1/me; `/account` for the page) costs this process, with
 * no sockets but the database's: the app runs in process on a fresh PostgreSQL database and
 * 50 concurrent callers make 5,000 requests, three times. Runs the sources (tsx), so a
 * profile's frames name our files and the libraries' own.
 */
import { inProcessService, profileTo, sessionCookie } from '../lib/in-process';

const path = process.argv[2] ?? '/api/v1/me';
const service = await inProcessService('bench_mw');
try {
  const app = service.createApp();
  const cookie = await sessionCookie(app);
  const many = async (count: number) => {
    let left = count;
    const caller = async () => {
      while (left-- > 0) {
        const res = await app.fetch(
          new Request(`http://localhost${path}`, { headers: { cookie } }),
        );
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 50 }, caller));
  };
  await many(2000);
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    await many(5000);
    const c = process.cpuUsage(c0);
    console.log(`${path}: ${((c.user + c.system) / 5000).toFixed(1)} µs CPU per request`);
  }
  if (process.env.PROFILE) await profileTo('/tmp/me.cpuprofile', () => many(10000));
} finally {
  await service.close();
}
