import type { Context, MiddlewareHandler } from 'hono';
import { and, inArray } from 'drizzle-orm';
import { rateLimits } from '../../db/schema';
import type { Config } from '../config';
import type { AppEnv } from './env';
import { peekVerdict, rateKey, windowsOf, type RateRule } from './rate-limit';

/**
 * One limit a route is subject to, for the IETF RateLimit headers
 * (draft-ietf-httpapi-ratelimit-headers): the rule, and the counter's subject for this
 * request. `subject` runs after the handler, so it may read validated input
 * (`c.req.valid('json')`); `null` leaves the policy out (the input was not valid).
 */
export type RatePolicy = {
  rule: (config: Config) => RateRule;
  subject: (c: Context<AppEnv>) => string | null;
};

/** `"name";q=10;w=3600` – a Structured Field item (RFC 9651) per policy. */
const policyItem = (rule: RateRule) =>
  `"${rule.name}";q=${rule.limit};w=${Math.round(rule.windowMs / 1000)}`;

async function describeLimits(c: Context<AppEnv>, policies: readonly RatePolicy[]) {
  const { db, config, clock } = c.get('deps');
  const now = clock.now();
  const wanted = policies.flatMap((p) => {
    const subject = p.subject(c);
    if (subject === null) return [];
    const rule = p.rule(config);
    return [{ rule, key: rateKey(rule, subject) }];
  });
  if (!wanted.length) return null;
  const windows = wanted.flatMap(({ rule }) => {
    const { current, previous } = windowsOf(rule, now);
    return [current, previous];
  });
  // One read for every policy of the route: these headers must not cost a query each.
  const rows = await db
    .select({ key: rateLimits.key, windowStart: rateLimits.windowStart, count: rateLimits.count })
    .from(rateLimits)
    .where(
      and(
        inArray(
          rateLimits.key,
          wanted.map((w) => w.key),
        ),
        inArray(rateLimits.windowStart, windows),
      ),
    );
  const counted = (key: string, start: number) =>
    rows.find((r) => r.key === key && r.windowStart.getTime() === start)?.count ?? 0;
  return wanted.map(({ rule, key }) => {
    const { current, previous } = windowsOf(rule, now);
    const verdict = peekVerdict(
      rule,
      now,
      counted(key, current.getTime()),
      counted(key, previous.getTime()),
    );
    return { rule, ...verdict };
  });
}

/**
 * Adds `RateLimit-Policy` and `RateLimit` to the 2xx and 4xx answers of a rate-limited
 * route. The counters are read from the database after the handler has counted this request,
 * so every instance reports the same numbers; `Retry-After` on a 429 stays the handler's.
 */
function rateLimitHeaders(policies: readonly RatePolicy[]): MiddlewareHandler<AppEnv> {
  return async function rateLimitHeadersMiddleware(c, next) {
    await next();
    const status = c.res.status;
    if (!((status >= 200 && status < 300) || (status >= 400 && status < 500))) return;
    const limits = await describeLimits(c, policies);
    if (!limits) return;
    c.res.headers.set('RateLimit-Policy', limits.map((l) => policyItem(l.rule)).join(', '));
    c.res.headers.set(
      'RateLimit',
      limits.map((l) => `"${l.rule.name}";r=${l.remaining};t=${l.resetSeconds}`).join(', '),
    );
  };
}

/**
 * Spread into `createRoute({...})` of a rate-limited operation: the headers middleware, and
 * the `x-rate-limited` mark from which openapi.json documents the headers and the 429.
 */
export function withRateLimit(...policies: RatePolicy[]): {
  middleware: MiddlewareHandler<AppEnv>[];
  'x-rate-limited': true;
} {
  return { middleware: [rateLimitHeaders(policies)], 'x-rate-limited': true };
}
