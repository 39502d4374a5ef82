/**
 * Draws the folder-level dependency graph of src/ that dependency-cruiser finds with the
 * project's own rules (.dependency-cruiser.cjs: its `reporterOptions.dot.collapsePattern`
 * folds every file into its top-level folder, and its options leave out tests). Graphviz runs
 * in-process as WebAssembly (@hpcc-js/wasm-graphviz), so no system `dot` is needed and every
 * machine draws the same bytes.
 *
 *   docs/architecture.svg       for the README: edges a longer path already shows are left out
 *   docs/architecture-full.svg  every folder-to-folder import
 *
 *   npm run docs:graph                regenerate both
 *   npm run docs:graph -- --check     exit 1 when either is stale
 *   npm run docs:graph -- --dot       print the README graph's DOT source instead
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { ICruiseResult } from 'dependency-cruiser';
import { drawnEdges, toDot, type Edge } from './dependency-graph/draw.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configFile = '.dependency-cruiser.cjs';
const legend =
  'An arrow points at what is imported. Red: breaks a rule of .dependency-cruiser.cjs (hover ' +
  'for which). Orange: closes an import cycle between folders. Dashed: type-only imports.';
const outputs = [
  {
    file: 'docs/architecture.svg',
    reduce: true,
    title:
      'src/ by folder (npm run docs:graph, from dependency-cruiser). An import that a longer ' +
      'path already shows is left out: architecture-full.svg has them all.\n' +
      legend,
  },
  {
    file: 'docs/architecture-full.svg',
    reduce: false,
    title: 'src/ by folder, every import (npm run docs:graph, from dependency-cruiser).\n' + legend,
  },
];

function collapsePattern(): string {
  const config = createRequire(import.meta.url)(path.join(root, configFile)) as {
    options?: { reporterOptions?: { dot?: { collapsePattern?: string } } };
  };
  const pattern = config.options?.reporterOptions?.dot?.collapsePattern;
  if (!pattern) throw new Error(`${configFile} has no options.reporterOptions.dot.collapsePattern`);
  return pattern;
}

/** dependency-cruiser's modules, folded to folders, only those the pattern names (no packages). */
function cruise(pattern: string): ICruiseResult {
  const args = ['--no-install', 'depcruise', 'src', '--config', configFile];
  args.push('--include-only', pattern, '--collapse', pattern, '--output-type', 'json');
  try {
    const json = execFileSync('npx', args, {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return JSON.parse(json.toString('utf8')) as ICruiseResult;
  } catch {
    console.error('dependency-graph: depcruise failed (its message is above)');
    process.exit(1);
  }
}

/** One edge per pair of folders; it carries every rule any import behind it breaks. */
function edgesOf(result: ICruiseResult, keep: (m: string) => boolean): Edge[] {
  const byPair = new Map<string, Edge>();
  for (const m of result.modules) {
    if (!keep(m.source)) continue;
    for (const d of m.dependencies) {
      if (!keep(d.resolved) || d.resolved === m.source) continue;
      const key = `${m.source}\0${d.resolved}`;
      const edge = byPair.get(key) ?? {
        from: m.source,
        to: d.resolved,
        rules: [],
        typeOnly: true,
        imports: 0,
      };
      edge.imports++;
      edge.rules.push(...(d.rules ?? []).map((r) => r.name));
      edge.typeOnly &&= d.dependencyTypes.includes('type-only');
      byPair.set(key, edge);
    }
  }
  const edges = [...byPair.values()].map((e) => ({ ...e, rules: [...new Set(e.rules)].sort() }));
  return edges.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

function readOrEmpty(file: string) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function main() {
  const check = process.argv.includes('--check');
  const pattern = collapsePattern();
  const matches = new RegExp(pattern);
  const keep = (m: string) => matches.test(m) && !m.includes('node_modules');
  const result = cruise(pattern);
  const edges = edgesOf(result, keep);
  const nodes = [...new Set(result.modules.map((m) => m.source).filter(keep))].sort();
  const graphviz = await Graphviz.load();
  let stale = false;
  for (const out of outputs) {
    const drawn = drawnEdges(nodes, edges, out.reduce);
    const dot = toDot(nodes, drawn, out.title);
    if (process.argv.includes('--dot')) return void process.stdout.write(dot);
    const svg = graphviz.dot(dot, 'svg');
    const cycles = drawn.filter((e) => e.cycle).length;
    const broken = drawn.filter((e) => e.rules.length).length;
    const counts = `${nodes.length} nodes, ${drawn.length} edges (${broken} breaking a rule, ${cycles} closing a cycle)`;
    const file = path.join(root, out.file);
    if (check && readOrEmpty(file) !== svg) {
      console.error(`${out.file} is stale: run \`npm run docs:graph\` and commit the result.`);
      stale = true;
    } else if (check) console.log(`${out.file} is up to date: ${counts}.`);
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, svg);
      console.log(`wrote ${out.file}: ${counts}.`);
    }
  }
  if (stale) process.exit(1);
}

await main();
