import { writeFile } from 'node:fs/promises';
import type { MemoryPoint, SoakResult } from './loop';
import type { Target } from './target';
import type { Sample, Traffic } from './traffic';

export const pct = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** Least-squares slope of memory over time, in MiB per minute. */
export function slopeMbPerMin(points: MemoryPoint[]) {
  if (points.length < 5) return 0;
  const n = points.length;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const mk = points.reduce((s, p) => s + p.kib, 0) / n;
  const cov = points.reduce((s, p) => s + (p.t - mt) * (p.kib - mk), 0);
  const varT = points.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  return ((cov / varT) * 60) / 1024;
}

/** One line per operation: count, failures, latency percentiles. */
function operationLines(samples: Sample[]) {
  const byOp = new Map<string, Sample[]>();
  for (const s of samples) byOp.set(s.op, [...(byOp.get(s.op) ?? []), s]);
  const cell = (ms: number) => ms.toFixed(0).padStart(5);
  return [...byOp].map(([op, xs]) => {
    const ms = xs.map((x) => x.ms);
    const failed = xs.filter((x) => !x.ok).length;
    return `  ${op.padEnd(22)} ${String(xs.length).padStart(6)} ${String(failed).padStart(6)}  p50 ${cell(pct(ms, 50))}  p90 ${cell(pct(ms, 90))}  p99 ${cell(pct(ms, 99))}  max ${cell(Math.max(...ms))} ms`;
  });
}

/**
 * Growth is judged on memory that survives garbage collection: the heap after a forced full
 * GC (own server), or else the lowest RSS in each 10-second window (the troughs after GC),
 * over the second half of the run.
 */
function judgeGrowth(result: SoakResult) {
  const windows = new Map<number, MemoryPoint>();
  for (const p of result.rss) {
    const w = Math.floor(p.t / 10);
    if (!windows.has(w) || p.kib < windows.get(w)!.kib) windows.set(w, p);
  }
  const judged =
    result.heap.length >= 4
      ? { what: 'heap after GC', points: result.heap }
      : { what: 'RSS troughs', points: [...windows.values()] };
  const secondHalf = judged.points.filter((p) => p.t >= result.elapsed / 2);
  return { what: judged.what, slope: slopeMbPerMin(secondHalf) };
}

const mib = (kib: number) => +(kib / 1024).toFixed(1);

function memoryFigures(result: SoakResult, target: Target) {
  const rss = result.rss;
  return {
    rssMiB: target.pid
      ? {
          start: mib(rss[0]?.kib ?? 0),
          end: mib(rss.at(-1)?.kib ?? 0),
          peak: mib(Math.max(0, ...rss.map((p) => p.kib))),
        }
      : null,
    heapAfterGcMiB: result.heap.length
      ? { start: mib(result.heap[0]!.kib), end: mib(result.heap.at(-1)!.kib) }
      : null,
  };
}

/** The machine-readable summary (what --json writes, with the series added). */
function summarize(
  result: SoakResult,
  traffic: Traffic,
  target: Target,
  growth: { what: string; slope: number; limit: number },
) {
  const all = traffic.samples.map((s) => s.ms);
  return {
    seconds: Math.round(result.elapsed),
    requests: traffic.samples.length,
    perSecond: Number((traffic.samples.length / result.elapsed).toFixed(1)),
    unexpected: traffic.failures.length,
    skippedForBackpressure: result.skipped,
    people: { registered: result.people, verified: result.verified },
    latencyMs: {
      p50: Math.round(pct(all, 50)),
      p90: Math.round(pct(all, 90)),
      p95: Math.round(pct(all, 95)),
      p99: Math.round(pct(all, 99)),
      max: Math.round(Math.max(0, ...all)),
    },
    ...memoryFigures(result, target),
    growth: target.pid
      ? {
          judgedOn: growth.what,
          secondHalfMiBPerMin: +growth.slope.toFixed(2),
          limit: growth.limit,
        }
      : null,
  };
}
type Summary = ReturnType<typeof summarize>;

function printMemory(report: Summary) {
  if (!report.rssMiB || !report.growth) {
    console.log('  server RSS: not sampled (pass --pid of the server process)');
    return;
  }
  const { rssMiB, heapAfterGcMiB, growth } = report;
  console.log(`  server RSS: ${rssMiB.start} → ${rssMiB.end} MiB (peak ${rssMiB.peak})`);
  if (heapAfterGcMiB)
    console.log(`  server heap after GC: ${heapAfterGcMiB.start} → ${heapAfterGcMiB.end} MiB`);
  console.log(
    `  growth over the second half (${growth.judgedOn}): ${growth.secondHalfMiBPerMin} MiB/min (limit ${growth.limit})`,
  );
}

function printReport(report: Summary, result: SoakResult, traffic: Traffic) {
  console.log(
    `\nsoak: ${report.requests} requests in ${report.seconds} s (${report.perSecond}/s), ${report.unexpected} unexpected, ${result.people} people (${result.verified} verified)`,
  );
  console.log(`  ${'operation'.padEnd(22)} ${'count'.padStart(6)} ${'failed'.padStart(6)}`);
  for (const l of operationLines(traffic.samples)) console.log(l);
  const l = report.latencyMs;
  console.log(
    `  all: p50 ${l.p50} ms, p90 ${l.p90} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms`,
  );
  printMemory(report);
  if (result.skipped)
    console.log(
      `  ${result.skipped} operations skipped: 64 requests already in flight (the server is not keeping up)`,
    );
}

/** Prints the failures and the growth verdict; 1 when either fails the run, else 0. */
function verdict(report: Summary, traffic: Traffic, slope: number) {
  let exitCode = 0;
  const failures = traffic.failures;
  for (const f of failures.slice(0, 20)) console.log(`  UNEXPECTED ${f}`);
  if (failures.length > 20) console.log(`  … and ${failures.length - 20} more`);
  if (failures.length) exitCode = 1;
  if (report.growth && slope > report.growth.limit) {
    console.log(
      `  FAIL: memory kept growing (${report.growth.judgedOn}: ${slope.toFixed(2)} MiB/min over the second half)`,
    );
    exitCode = 1;
  }
  if (!traffic.samples.some((s) => s.op === 'export' && s.ok))
    console.log('  note: no export ran (too short a run?)');
  return exitCode;
}

/** Prints the report (and writes it to `json` when given); returns the exit code. */
export async function report(
  result: SoakResult,
  traffic: Traffic,
  target: Target,
  o: { maxGrowthMbPerMin: number; json?: string },
) {
  const growth = { ...judgeGrowth(result), limit: o.maxGrowthMbPerMin };
  const summary = summarize(result, traffic, target, growth);
  printReport(summary, result, traffic);
  const exitCode = verdict(summary, traffic, growth.slope);
  if (o.json) {
    const series = (xs: MemoryPoint[], round: (mib: number) => number) =>
      xs.map((p) => [Math.round(p.t), round(p.kib / 1024)]);
    await writeFile(
      o.json,
      JSON.stringify(
        {
          ...summary,
          failures: traffic.failures.slice(0, 100),
          rssSeries: series(result.rss, Math.round),
          heapSeries: series(result.heap, (m) => +m.toFixed(2)),
        },
        null,
        2,
      ),
    );
  }
  return exitCode;
}
