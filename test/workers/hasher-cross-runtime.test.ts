import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { argon2Params, readPhcParams } from '../../src/platform/hasher';
import { createNodeHasher } from '../../src/platform/hasher.node.ts';
import { createWasmHasher } from '../../src/platform/hasher.worker';

/**
 * The Workers hasher (argon2id in WebAssembly) against the Node one (@node-rs/argon2): a hash
 * made by either verifies with the other. In Node the .wasm files are compiled from disk; on
 * Workers the same files are imported as modules (see src/worker.ts).
 */
const require = createRequire(import.meta.url);
const compile = (file: string) =>
  new WebAssembly.Module(readFileSync(require.resolve(`argon2id/dist/${file}`)));
const modules = { simd: compile('simd.wasm'), noSimd: compile('no-simd.wasm') };

const node = createNodeHasher();
const wasm = createWasmHasher(modules);
const phc = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/;

describe('argon2id on Node and on Workers', () => {
  it('uses the same parameters and PHC format', async () => {
    const hash = await wasm.hash('correct horse battery');
    expect(hash).toMatch(phc);
    expect(readPhcParams(hash)).toEqual(argon2Params);
    expect(await node.hash('correct horse battery')).toMatch(phc);
    expect(wasm.needsRehash(hash)).toBe(false);
    expect(
      wasm.needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo'),
    ).toBe(true);
  });

  it('verifies on Workers a hash made on Node', async () => {
    const password = 'Пароль-для-школи 2024'; // non-ASCII: both sides hash the UTF-8 bytes
    const hash = await node.hash(password);
    expect(await wasm.verify(hash, password)).toBe(true);
    expect(await wasm.verify(hash, password + '!')).toBe(false);
  });

  it('verifies on Node a hash made on Workers', async () => {
    const password = 'correct horse battery staple';
    const hash = await wasm.hash(password);
    expect(await node.verify(hash, password)).toBe(true);
    expect(await node.verify(hash, 'correct horse battery stapler')).toBe(false);
    expect(await wasm.verify(hash, password)).toBe(true);
  });

  it('agrees on hashes with other parameters (old ones that need a rehash)', async () => {
    const weaker = createNodeHasher({ memoryCost: 4096, timeCost: 3, parallelism: 2 });
    const hash = await weaker.hash('an older password');
    expect(await wasm.verify(hash, 'an older password')).toBe(true);
    expect(wasm.needsRehash(hash)).toBe(true);
  });

  it('answers false, never throws, for malformed hashes and short passwords', async () => {
    const hash = await node.hash('long enough password');
    for (const bad of [
      '',
      'plain',
      '$argon2i$v=19$m=19456,t=2,p=1$abc$def',
      hash.slice(0, -5),
      hash.replace('v=19', 'v=16'),
    ]) {
      expect(await wasm.verify(bad, 'long enough password')).toBe(false);
    }
    expect(await wasm.verify(hash, 'short')).toBe(false);
    expect(await wasm.verify(hash, '')).toBe(false);
  });
});
