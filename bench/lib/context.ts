import { medianLoad, runLoad, type LoadOptions, type LoadResult } from './load';
import type { Server } from './proc';
import type { Ceiling, Row } from './table';

/** One bench run: how long and how often to measure, and where the figures go. */
export type Bench = {
  quick: boolean;
  seconds: number;
  runs: number;
  rows: Row[];
  ceilings: Ceiling[];
};

/** Median of `runs` loads on a server that keeps running between them. */
export function load(b: Bench, url: string, o: Partial<LoadOptions> = {}) {
  return medianLoad(url, { ...o, seconds: b.seconds }, b.runs);
}

/**
 * Baselines get a fresh process for every run: the floor's process slows down run after
 * run (about 20,000 → 10,000 req/s over three 10-s runs here, back at 20,000 after a
 * restart), and a sagging baseline would flatter our ratios. Ours keeps one process for
 * all its runs, which can only cost us.
 */
export async function freshMedian(
  b: Bench,
  start: () => Promise<Server>,
  path: string,
  o: (url: string) => Omit<LoadOptions, 'seconds'> = () => ({}),
) {
  const results: LoadResult[] = [];
  for (let i = 0; i < b.runs; i++) {
    const server = await start();
    try {
      results.push(await runLoad(server.url + path, { ...o(server.url), seconds: b.seconds }));
    } finally {
      await server.stop();
    }
  }
  return results.sort((x, y) => x.rps - y.rps)[Math.floor(b.runs / 2)]!;
}
