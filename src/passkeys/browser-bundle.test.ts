import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = 'node_modules/@simplewebauthn/browser/dist/bundle/index.umd.min.js';
const installed = join(root, bundle);

describe('public/passkey-simplewebauthn-browser.js', () => {
  // The browser scripts load @simplewebauthn/browser's own single-file build from /assets (no
  // CDN, no bundler). This keeps the copy equal to the installed version, so upgrading the
  // package without refreshing the copy fails here instead of drifting from the server side.
  it('is the installed @simplewebauthn/browser bundle, byte for byte', () => {
    const copy = readFileSync(join(root, 'public/passkey-simplewebauthn-browser.js'), 'utf8');
    const fix = `cp ${bundle} public/passkey-simplewebauthn-browser.js`;
    expect(copy === readFileSync(installed, 'utf8'), `refresh it: ${fix}`).toBe(true);
  });
});
