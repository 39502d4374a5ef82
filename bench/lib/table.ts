import os from 'node:os';
import postgres from 'postgres';
import type { LoadResult } from './load';

/**
 * One line of the report. `floor` is a regression alarm for --quick in CI, set well below
 * today's figures on a noisy 2-core machine; `target` is the issue's goal, reported beside
 * the measured ratio.
 */
export type Row = {
  scenario: string;
  result: string;
  baseline: string;
  ratio: number | null;
  target: string;
  floor: number | null;
};

/** Absolute alarms for --quick, far above the targets: time and memory have no same-run ratio floor. */
export type Ceiling = { scenario: string; value: number; limit: number };

/** A figure with nothing to compare against in this run. */
export const plain = (scenario: string, result: string, target = '', baseline = ''): Row => ({
  scenario,
  result,
  baseline,
  ratio: null,
  target,
  floor: null,
});

export const fmt = (r: LoadResult) =>
  `${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.errors || r.non2xx ? `, ${r.errors} errors, ${r.non2xx} non-2xx` : ''}`;

async function postgresVersion(base: string) {
  const c = postgres(base, { max: 1, onnotice: () => {} });
  try {
    return ((await c`show server_version`)[0] as { server_version: string }).server_version;
  } finally {
    await c.end();
  }
}

/** The machine line, so figures from different runs are read with their circumstances. */
export async function printMachine(
  base: string,
  run: { quick: boolean; seconds: number; runs: number },
) {
  const pgVersion = await postgresVersion(base);
  const cpus = os.cpus();
  const how = run.quick
    ? `--quick: ${run.seconds} s × ${run.runs}`
    : `${run.seconds} s × ${run.runs}, medians`;
  console.log(
    `machine: ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${pgVersion}, load average ${os.loadavg()[0]!.toFixed(2)}; ${how}`,
  );
}

/** The rows as a Markdown table. */
export function printTable(rows: Row[]) {
  const head = ['scenario', 'result', 'baseline', 'ratio', 'target'];
  const table = rows.map((r) => [
    r.scenario,
    r.result,
    r.baseline,
    r.ratio === null ? '' : r.ratio.toFixed(2),
    r.target,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const row of table) console.log(line(row));
}

/** The ratios below their floor and the figures above their ceiling, as one message; '' when none. */
export function alarms(rows: Row[], ceilings: Ceiling[]) {
  const failed = rows.filter((r) => r.floor !== null && r.ratio !== null && r.ratio < r.floor);
  const over = ceilings.filter((c) => c.value > c.limit);
  return [
    ...failed.map((r) => `${r.scenario} ${r.ratio!.toFixed(2)} < floor ${r.floor}`),
    ...over.map((c) => `${c.scenario} ${c.value.toFixed(0)} > ceiling ${c.limit}`),
  ].join('; ');
}
