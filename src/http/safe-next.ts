/**
 * Only same-origin paths may follow a sign-in (no open redirect): one leading slash, no
 * scheme, no `//host`, no backslash tricks that browsers read as `//`.
 */
export function safeNextPath(next: string | undefined | null, fallback = '/account'): string {
  if (!next || next.length > 500) return fallback;
  if (!isLocalPath(next)) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  try {
    const url = new URL(next, 'http://x.invalid');
    if (url.origin !== 'http://x.invalid') return fallback;
    const path = url.pathname + url.search + url.hash;
    // Dot segments collapse while parsing: `/..//evil.com` comes out as `//evil.com`, which a
    // browser reads as another host, so the normalised result is checked again.
    return isLocalPath(path) ? path : fallback;
  } catch {
    return fallback;
  }
}

const isLocalPath = (p: string) => p.startsWith('/') && !p.startsWith('//') && !p.startsWith('/\\');
