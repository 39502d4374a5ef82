// What the Workers bundle may import, and the check that it imports nothing else: no Node-only
// module (node:fs, the native @node-rs/argon2, the embedded PGlite) may reach the Workers build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Provided by workerd with `nodejs_compat` (postgres.js, AsyncLocalStorage) or by Workers itself. */
export const allowedImports = [
  'node:buffer',
  'node:events',
  'node:stream',
  'node:async_hooks',
  'cloudflare:sockets',
];
export const forbiddenText = [
  'node:fs',
  '@node-rs',
  '@electric-sql/pglite',
  'node:child_process',
  'node:net',
  'node:worker_threads',
];

/** Problems found in the bundle written to `outdir` (an empty list when it is fine). */
export function checkWorkerBundle(outdir) {
  const problems = [];
  const files = readdirSync(outdir);
  const scripts = files.filter((f) => f.endsWith('.js'));
  if (!scripts.length) return [`no .js bundle in ${outdir}`];
  for (const file of scripts) {
    const code = readFileSync(join(outdir, file), 'utf8');
    for (const text of forbiddenText)
      if (code.includes(text)) problems.push(`${file} mentions ${text}`);
    const specifiers = new Set();
    const spec = '["\'`]([\\w@:./-]+)["\'`]';
    const patterns = [
      new RegExp(`^\\s*(?:import|export)\\b[^;]*?\\bfrom\\s*${spec}`, 'gm'), // static import / re-export
      new RegExp(`^\\s*import\\s*${spec}`, 'gm'), // import for effect
      new RegExp(`\\bimport\\s*\\(\\s*${spec}\\s*\\)`, 'g'), // dynamic import
      new RegExp(`\\brequire\\s*\\(\\s*${spec}\\s*\\)`, 'g'),
    ];
    for (const re of patterns) {
      for (const m of code.matchAll(re)) specifiers.add(m[1]);
    }
    for (const s of specifiers) {
      const local = s.startsWith('./') && files.includes(s.slice(2)) && s.endsWith('.wasm');
      if (!local && !allowedImports.includes(s)) problems.push(`${file} imports ${s}`);
    }
  }
  if (!files.some((f) => f.endsWith('.wasm')))
    problems.push('no .wasm module beside the bundle (the argon2id hasher)');
  return problems;
}
