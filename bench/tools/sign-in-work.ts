/**
 * `tsx bench/tools/sign-in-work.ts` (PROFILE=1 also writes /tmp/signin.cpuprofile): what a
 * password sign-in costs this process besides the hash. The app runs in process on a fresh
 * PostgreSQL database with a hasher that answers at once, and 500 sequential sign-ins are
 * timed three times (CPU of the whole process, and wall time).
 */
import { inProcessService, profileTo } from '../lib/in-process';
import { email, password } from '../lib/servers';
import type { PasswordHasher } from '../../src/platform/hasher';

const service = await inProcessService('bench_si');
try {
  const { deps } = service;
  // The hash is measured on its own: here it answers at once (the real one says yes to this password).
  (deps.hasher as { verify: PasswordHasher['verify'] }).verify = (_s, p) =>
    Promise.resolve(p === password);
  const app = service.createApp();
  const body = JSON.stringify({ email, password, tokenInBody: true });
  const one = async () => {
    const res = await app.fetch(
      new Request('http://localhost/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }),
    );
    if (res.status !== 200) throw new Error(String(res.status) + (await res.text()));
    await res.arrayBuffer();
  };
  for (let i = 0; i < 200; i++) await one();
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const n = 500;
    for (let i = 0; i < n; i++) await one();
    const c = process.cpuUsage(c0);
    console.log(
      `sign-in without the hash: ${((c.user + c.system) / n / 1000).toFixed(3)} ms CPU, ${((performance.now() - t0) / n).toFixed(2)} ms wall`,
    );
  }
  if (process.env.PROFILE)
    await profileTo('/tmp/signin.cpuprofile', async () => {
      for (let i = 0; i < 500; i++) await one();
    });
} finally {
  await service.close();
}
