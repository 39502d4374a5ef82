/** Password hashing behind a seam: native argon2 on Node, WebAssembly on Workers. */
export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** True when `hash` was made with weaker parameters than the ones in force. */
  needsRehash(hash: string): boolean;
};

export type Argon2Params = { memoryCost: number; timeCost: number; parallelism: number };

/** OWASP's minimum for argon2id (m=19 MiB, t=2, p=1). */
export const argon2Params: Argon2Params = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Reads m, t, p from a PHC string such as `$argon2id$v=19$m=19456,t=2,p=1$salt$hash`. */
export function readPhcParams(hash: string) {
  const match = /^\$argon2id\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
  if (!match) return null;
  return {
    memoryCost: Number(match[1]),
    timeCost: Number(match[2]),
    parallelism: Number(match[3]),
  };
}

export function isWeakerThan(hash: string, params: Argon2Params) {
  const p = readPhcParams(hash);
  if (!p) return true;
  return (
    p.memoryCost < params.memoryCost ||
    p.timeCost < params.timeCost ||
    p.parallelism < params.parallelism
  );
}
