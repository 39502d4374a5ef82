import { describe, expect, it } from 'vitest';
import { promises, securityMdLines, securityMdPath } from './promises';

/** Every line of ../shared/SECURITY.md has a test named after it in test/security. */
const lines = securityMdLines();
if (!lines)
  console.warn(`[security] ${securityMdPath} not found: the line-by-line check is skipped`);

describe.skipIf(!lines)('SECURITY.md', () => {
  it('has exactly one test per line, named after it', () => {
    expect([...lines!].sort()).toEqual(Object.values(promises).sort());
  });
});
