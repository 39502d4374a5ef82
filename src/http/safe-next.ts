/**
 * Only same-origin paths may follow a sign-in (no open redirect): one leading slash, no
 * scheme, no `//host`, no backslash tricks that browsers read as `//`.
 */
export function safeNextPath(next: string | undefined | null, fallback = '/account'): string {
  if (!next || next.length > 500) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  try {
    const url = new URL(next, 'http://x.invalid');
    if (url.origin !== 'http://x.invalid') return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
