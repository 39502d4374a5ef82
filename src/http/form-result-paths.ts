type Route = { method: string; path: string };

/** A Hono route pattern as a whole-path RegExp: `:id` and `:id{regex}` are one segment, `*` the rest. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => {
      if (part === '*') return '.*';
      const param = /^:\w+(?:\{(.+)\})?\??$/.exec(part);
      if (param) return param[1] ? `(?:${param[1]})` : '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * Where a GET of an address only a form posts to should go: the nearest page above it (the
 * page that holds the form). A reload or "back" onto a form's result then shows the form again
 * instead of a bare "not found". Null when no page form posts there, so real 404s stay 404s.
 */
export function formPageFinder(routes: readonly Route[]) {
  const pages = (method: string) =>
    routes
      .filter((r) => r.method === method && !r.path.startsWith('/api/') && !r.path.includes('*'))
      .map((r) => patternOf(r.path));
  const posts = pages('POST');
  const gets = pages('GET');
  return (path: string): string | null => {
    // Decoded already: a control character or backslash is never ours, and a Location header
    // cannot hold the former anyway.
    if (/[\x00-\x1f\x7f\\]/.test(path)) return null;
    if (!posts.some((p) => p.test(path))) return null;
    for (let up = path.replace(/\/[^/]*\/?$/, ''); ; up = up.replace(/\/[^/]*$/, '')) {
      const candidate = up || '/';
      if (gets.some((p) => p.test(candidate))) return candidate;
      if (candidate === '/') return null;
    }
  };
}
