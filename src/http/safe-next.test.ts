import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it.each([
    ['/account', '/account'],
    ['/ok?x=1#y', '/ok?x=1#y'],
    ['/account/security?tab=sessions', '/account/security?tab=sessions'],
    // Encoded slashes stay encoded: a path on this host, not `//evil.com`.
    ['/%2F%2Fevil.com', '/%2F%2Fevil.com'],
    ['/a/b/../c', '/a/c'],
  ])('keeps the same-origin path %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    '//evil.com',
    '//evil.com/account',
    '/\\evil.com',
    '\\\\evil.com',
    'https://evil.com',
    'http:evil.com',
    'javascript:alert(1)',
    '%2F%2Fevil.com',
    'evil.com',
    '/\t/evil.com',
    '/\n/evil.com',
    '/ok\\..\\evil.com',
    // Dot segments collapse while parsing into `//evil.com`, another host to a browser.
    '/..//evil.com',
    '/.//evil.com',
    '/a/..//evil.com',
    '/%2e%2e//evil.com',
    '',
    '/' + 'a'.repeat(600),
  ])('falls back for %j', (next) => {
    expect(safeNextPath(next)).toBe('/account');
    expect(safeNextPath(next, '/')).toBe('/');
  });

  it('falls back when there is no next at all', () => {
    expect(safeNextPath(undefined)).toBe('/account');
    expect(safeNextPath(null, '/')).toBe('/');
  });
});
