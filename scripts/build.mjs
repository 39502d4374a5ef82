#!/usr/bin/env node
// `npm run build`: the Node server and the CLI bundled by esbuild into dist/node/ (server.js,
// cli.js and their chunks), what `npm start` and `npm run cli` run (docs/decisions/015-cold-start.md).
//   --if-stale    build only when a file that went into dist/node changed since (prestart, precli)
//   --outdir DIR  somewhere else inside the project (tests); packages resolve from node_modules
// Native and file-loading packages stay external (PGlite reads its .wasm and .data beside its
// own module, argon2 is a .node addon, pino and prom-client load files of their own). Paths our
// sources resolve from `import.meta.url` (public/, db/migrations/, the template cache) keep
// pointing at the project, not at dist/.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const defaultOutdir = join(root, 'dist/node');
const infoFile = 'build-info.json';
const external = ['@electric-sql/pglite', '@node-rs/argon2', 'pino', 'pino-pretty', 'prom-client'];
// Settings that change the output without being inputs of the bundle.
const settings = ['scripts/build.mjs', 'package.json', 'tsconfig.json'];

/** `import.meta.url` in our own sources becomes the URL of the source file, wherever the bundle is. */
function sourceUrls(outdir) {
  return {
    name: 'source-urls',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?tsx?$/ }, async ({ path }) => {
        if (/[\\/]node_modules[\\/]/.test(path)) return undefined;
        const text = await readFile(path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const from = relative(outdir, path).split('\\').join('/');
        return {
          contents: text.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(from)}, import.meta.url).href`,
          ),
          loader: path.endsWith('x') ? 'tsx' : 'ts',
        };
      });
    },
  };
}

/** Each file goes in whole (written aside, then renamed); chunks before the entries that load them. */
async function writeOutputs(outdir, files) {
  const ordered = [...files].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
  for (const file of ordered) {
    await mkdir(dirname(file.path), { recursive: true });
    const aside = `${file.path}.${process.pid}.tmp`;
    await writeFile(aside, file.contents);
    await rename(aside, file.path);
  }
}
const isEntry = (path) => /[\\/](server|cli)\.js$/.test(path);

/** Files of earlier builds that this one did not write (old chunks, maps). */
async function prune(outdir, keep) {
  const entries = await readdir(outdir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    const path = join(e.parentPath ?? e.path, e.name);
    if (e.isFile() && !keep.has(path) && !path.endsWith('.tmp')) await rm(path, { force: true });
  }
}

/** Bundles into `outdir` (default dist/node); returns how long it took and what it read. */
export async function build({ outdir = defaultOutdir } = {}) {
  const esbuild = await import('esbuild');
  const began = Date.now();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { server: 'src/server.ts', cli: 'src/cli.ts' },
    outdir,
    // Flat: the URLs the source-urls plugin writes are relative to outdir itself.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
    external,
    plugins: [sourceUrls(outdir)],
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
  });
  await mkdir(outdir, { recursive: true });
  await writeOutputs(outdir, result.outputFiles);
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes(':'));
  const outputs = result.outputFiles.map((f) => relative(outdir, f.path));
  const info = { builtAt: began, inputs: [...settings, ...inputs], outputs };
  await writeFile(join(outdir, infoFile), JSON.stringify(info));
  await prune(outdir, new Set([...result.outputFiles.map((f) => f.path), join(outdir, infoFile)]));
  return { ms: Date.now() - began, inputs: inputs.length };
}

/** Whether `outdir` is missing a file or older than anything that went into it. */
export function isStale(outdir = defaultOutdir) {
  let info;
  try {
    info = JSON.parse(readFileSync(join(outdir, infoFile), 'utf8'));
  } catch {
    return true;
  }
  if (info.outputs.some((o) => !existsSync(join(outdir, o)))) return true;
  return info.inputs.some((input) => {
    const stat = statSync(resolve(root, input), { throwIfNoEntry: false });
    return !stat || stat.mtimeMs > info.builtAt;
  });
}

async function main(args) {
  const at = args.indexOf('--outdir');
  const outdir = at >= 0 ? resolve(args[at + 1]) : defaultOutdir;
  if (args.includes('--if-stale') && !isStale(outdir)) return;
  const { ms, inputs } = await build({ outdir });
  process.stderr.write(`build: ${relative(root, outdir)} from ${inputs} files in ${ms} ms\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`build failed: ${err.message}\n`);
    process.exit(1);
  });
}
