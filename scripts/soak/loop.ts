import { readFileSync } from 'node:fs';
import { adminSignIn, ready, type Crowd } from './crowd';
import { chooser, operations } from './operations';
import type { Target } from './target';
import type { Traffic } from './traffic';

export type MemoryPoint = { t: number; kib: number };

export type SoakResult = {
  rss: MemoryPoint[];
  heap: MemoryPoint[];
  skipped: number;
  launched: number;
  people: number;
  verified: number;
  elapsed: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Beyond this many requests in flight, the server is not keeping up: skip rather than pile on. */
const maxInFlight = 64;

/** The server's RSS every second (with a pid), and its heap after GC every 5 s (own server). */
function sampleMemory(target: Target, started: number) {
  const rss: MemoryPoint[] = [];
  const heap: MemoryPoint[] = [];
  const at = () => (Date.now() - started) / 1000;
  const rssTimer = setInterval(() => {
    if (!target.pid) return;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${target.pid}/status`, 'utf8'));
      if (m) rss.push({ t: at(), kib: Number(m[1]) });
    } catch {
      /* gone */
    }
  }, 1000);
  let heapBusy = false;
  const heapTimer = setInterval(() => {
    if (!target.heapAfterGc || heapBusy) return;
    heapBusy = true;
    void target
      .heapAfterGc()
      .then((bytes) => bytes !== null && heap.push({ t: at(), kib: bytes / 1024 }))
      .finally(() => (heapBusy = false));
  }, 5000);
  return {
    rss,
    heap,
    stop() {
      clearInterval(rssTimer);
      clearInterval(heapTimer);
    },
  };
}

/**
 * Open loop: one operation every 1/rate seconds, whatever the server's speed (bounded by
 * maxInFlight). Until three people are verified it only registers and verifies, so the rest
 * has people to work with.
 */
async function openLoop(c: Crowd, started: number, seconds: number, rate: number) {
  const ops = operations(c);
  const choose = chooser(ops);
  const inFlight = new Set<Promise<unknown>>();
  let skipped = 0;
  let launched = 0;
  const end = started + seconds * 1000;
  while (Date.now() < end) {
    const due = started + (launched * 1000) / rate;
    if (due > Date.now()) await sleep(due - Date.now());
    launched++;
    if (inFlight.size >= maxInFlight) {
      skipped++;
      continue;
    }
    const op =
      ready(c).length < 3 ? ops[c.people.filter((p) => !p.verified).length > 3 ? 1 : 0]! : choose();
    const p = op
      .run(c)
      .catch((err: Error) => c.traffic.failures.push(`${op.name}: threw ${err.message}`));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }
  await Promise.all(inFlight);
  return { skipped, launched };
}

/** Mixed traffic against `target` for `seconds` at `rate` operations a second. */
export async function runSoak(
  target: Target,
  traffic: Traffic,
  o: { seconds: number; rate: number },
): Promise<SoakResult> {
  const c: Crowd = {
    target,
    traffic,
    people: [],
    seq: 0,
    adminToken: await adminSignIn(target, traffic),
  };
  const started = Date.now();
  const memory = sampleMemory(target, started);
  const { skipped, launched } = await openLoop(c, started, o.seconds, o.rate);
  memory.stop();
  return {
    rss: memory.rss,
    heap: memory.heap,
    skipped,
    launched,
    people: c.people.length,
    verified: ready(c).length,
    elapsed: (Date.now() - started) / 1000,
  };
}
