import setupWasm from 'argon2id/lib/setup.js';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase64IgnorePadding, encodeBase64NoPadding } from '@oslojs/encoding';
import { argon2Params, isWeakerThan, type Argon2Params, type PasswordHasher } from './hasher';

/**
 * The two precompiled builds of the `argon2id` package (OpenPGP.js): `dist/simd.wasm` and
 * `dist/no-simd.wasm`. On Workers they are imported as modules (`import m from '….wasm'`,
 * which wrangler turns into a WebAssembly.Module at deploy time: Workers forbid compiling
 * bytes at run time); in Node tests they are compiled from the files.
 */
export type Argon2WasmModules = { simd: WebAssembly.Module; noSimd: WebAssembly.Module };

type ComputeHash = Awaited<ReturnType<typeof setupWasm>>;

const SALT_BYTES = 16; // what @node-rs/argon2 uses
const HASH_BYTES = 32;
/** The argon2id package refuses shorter passwords (RFC 9106 allows them; our policy needs 8+ code points anyway). */
const MIN_PASSWORD_BYTES = 8;

const phc =
  /^\$argon2id\$v=19\$m=(\d{1,8}),t=(\d{1,4}),p=(\d{1,3})\$([A-Za-z0-9+/]{11,})\$([A-Za-z0-9+/]{6,})$/;

const encoder = new TextEncoder();

/** The wasm instance, made on first use; a failed setup lets a later call try again. */
function lazyWasm(modules: Argon2WasmModules) {
  let compute: Promise<ComputeHash> | undefined;
  return () =>
    (compute ??= setupWasm(
      async (imports) => ({
        module: modules.simd,
        instance: await WebAssembly.instantiate(modules.simd, imports),
      }),
      async (imports) => ({
        module: modules.noSimd,
        instance: await WebAssembly.instantiate(modules.noSimd, imports),
      }),
    ).catch((err: unknown) => {
      compute = undefined;
      throw err;
    }));
}

/** A stored PHC string's parameters, salt and hash; null when it is malformed or unusable. */
function parsePhc(stored: string) {
  const match = phc.exec(stored);
  if (!match) return null;
  const params = {
    memoryCost: Number(match[1]),
    timeCost: Number(match[2]),
    parallelism: Number(match[3]),
  };
  const { memoryCost, timeCost, parallelism } = params;
  if (timeCost < 1 || parallelism < 1 || memoryCost < 8 * parallelism) return null;
  try {
    return {
      params,
      salt: decodeBase64IgnorePadding(match[4]!),
      expected: decodeBase64IgnorePadding(match[5]!),
    };
  } catch {
    return null;
  }
}

/**
 * argon2id in WebAssembly with the same parameters and PHC strings as the native Node hasher,
 * so hashes move freely between the runtimes. One wasm instance (and its ~65 MB memory) is made
 * on first use and kept for the isolate; hashing is synchronous, so requests never share it mid-hash.
 */
export function createWasmHasher(
  modules: Argon2WasmModules,
  params: Argon2Params = argon2Params,
): PasswordHasher {
  const load = lazyWasm(modules);
  const run = async (password: Uint8Array, salt: Uint8Array, p: Argon2Params, tagLength: number) =>
    (await load())({
      password,
      salt,
      parallelism: p.parallelism,
      passes: p.timeCost,
      memorySize: p.memoryCost,
      tagLength,
    });

  return {
    async hash(password) {
      const bytes = encoder.encode(password);
      if (bytes.length < MIN_PASSWORD_BYTES) throw new Error('password too short to hash');
      const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
      const tag = await run(bytes, salt, params, HASH_BYTES);
      return (
        `$argon2id$v=19$m=${params.memoryCost},t=${params.timeCost},p=${params.parallelism}` +
        `$${encodeBase64NoPadding(salt)}$${encodeBase64NoPadding(tag)}`
      );
    },
    async verify(stored, password) {
      const parsed = parsePhc(stored);
      if (!parsed) return false; // a malformed stored hash is a failed verification, not a 500
      let bytes = encoder.encode(password);
      const tooShort = bytes.length < MIN_PASSWORD_BYTES;
      // Still do the full work for a too-short password, so its answer takes as long as any other.
      if (tooShort) bytes = encoder.encode(password.padEnd(MIN_PASSWORD_BYTES, '\0') + '\u0001');
      try {
        const actual = await run(bytes, parsed.salt, parsed.params, parsed.expected.length);
        return constantTimeEqual(actual, parsed.expected) && !tooShort;
      } catch {
        return false;
      }
    },
    needsRehash: (stored) => isWeakerThan(stored, params),
  };
}
