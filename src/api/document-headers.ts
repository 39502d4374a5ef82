/** Response headers of rate-limited operations, as openapi.json describes them. */

const structuredField = (description: string, example: string) => ({
  description,
  schema: { type: 'string', maxLength: 500, example },
});

/** draft-ietf-httpapi-ratelimit-headers: sent on every 2xx and 4xx of a rate-limited operation. */
export const rateLimitResponseHeaders = {
  'RateLimit-Policy': structuredField(
    'The limits this operation is subject to, one Structured Field item each: the policy name, `q` the quota, `w` the window in seconds. Policies named `…-fail-…` count failed attempts only.',
    '"login-fail-ip";q=100;w=3600, "login-fail-acct";q=10;w=900',
  ),
  RateLimit: structuredField(
    'What is left of each policy now: `r` attempts remaining, `t` seconds until that changes.',
    '"login-fail-ip";r=97;t=1800, "login-fail-acct";r=9;t=600',
  ),
};

/** On a 429 (besides the RateLimit fields) and a 503: when to try again. */
export const retryAfter = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 86400, example: 60 },
  },
};
