import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { promises, securityMdLines, securityMdPath } from './promises';

/** Every line of docs/security-requirements.md has a test named after it in test/security. */
describe('SECURITY.md', () => {
  it('has exactly one test per line, named after it', () => {
    // A missing copy fails here: a skipped check would pass with no requirement checked at all.
    expect(existsSync(securityMdPath), `${securityMdPath} is missing`).toBe(true);
    expect(securityMdLines().sort()).toEqual(Object.values(promises).sort());
  });
});
