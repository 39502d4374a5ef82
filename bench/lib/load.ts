import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export type LoadResult = { rps: number; p50: number; p99: number; errors: number; non2xx: number };
/** The part of autocannon's --json output read here. */
type AutocannonResult = {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
};

export type LoadOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  seconds: number;
};

/** One autocannon run from a separate process, so the load generator does not share our event loop. */
export function runLoad(url: string, o: LoadOptions): Promise<LoadResult> {
  const args = [
    autocannonBin,
    '-c',
    String(o.connections ?? 50),
    '-d',
    String(o.seconds),
    '-j',
    '-m',
    o.method ?? 'GET',
  ];
  for (const [k, v] of Object.entries(o.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (o.body) args.push('-b', o.body);
  args.push(url);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 10 * 1024 * 1024 }, (err, stdout) => {
      if (err) return reject(err instanceof Error ? err : new Error(err.message));
      const r = JSON.parse(stdout) as AutocannonResult;
      resolve({
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
      });
    });
  });
}

/** Median (by requests/s) of `runs` runs. */
export async function medianLoad(url: string, o: LoadOptions, runs: number): Promise<LoadResult> {
  const results: LoadResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await runLoad(url, o));
  results.sort((a, b) => a.rps - b.rps);
  return results[Math.floor(results.length / 2)]!;
}
