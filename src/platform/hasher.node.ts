import { hash, verify } from '@node-rs/argon2';
import { argon2Params, isWeakerThan, type Argon2Params, type PasswordHasher } from './hasher';

const ARGON2ID = 2; // Algorithm.Argon2id; a const enum cannot be imported under isolatedModules

export function createNodeHasher(params: Argon2Params = argon2Params): PasswordHasher {
  return {
    hash: (password) => hash(password, { ...params, algorithm: ARGON2ID }),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false; // a malformed stored hash is a failed verification, not a 500
      }
    },
    needsRehash: (stored) => isWeakerThan(stored, params),
  };
}
