import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env';
import { problem } from '../http/problem';
import { gatedPagePrefixes, needsPolicyAcceptance } from '../core/consents';

export type PolicyGateOptions = {
  /** API routes a person who has not accepted may still use (method + path, path may end in `*`). */
  apiAllowed?: readonly string[];
  /** Cabinet pages that stay open (the acceptance page itself, emailed links, leaving). */
  pageAllowed?: readonly string[];
  /** Page path prefixes the gate guards: the cabinet and the staff console. */
  pagePrefixes?: readonly string[];
  /** Where pages send people to accept. */
  acceptPath?: string;
};

/**
 * Before accepting, a person can still read the policy, accept it, see who they are, sign
 * out, download their data and delete (or keep) their account: declining must not trap them.
 */
export const defaultApiAllowed = [
  '* /api/v1/auth/*',
  '* /api/v1/policies/*',
  '* /api/v1/me/consents*',
  'GET /api/v1/me',
  'GET /api/v1/me/export',
  'DELETE /api/v1/me',
  'POST /api/v1/me/deletion/cancel',
  'GET /api/v1/openapi.json',
  '* /api/v1/lists',
  '* /api/v1/unsubscribe*',
  '* /api/v1/subscriptions/confirm',
  // Leaving a mailing list must never wait for anything.
  'PUT /api/v1/me/subscriptions/*',
  'GET /api/v1/me/subscriptions',
] as const;

export const defaultPageAllowed = [
  '* /account/policy',
  '* /account/privacy/export',
  '* /account/delete*',
  '* /account/deletion/cancel',
  '* /account/email/confirm',
  '* /account/subscriptions*',
] as const;

type Rule = { method: string; path: string; prefix: boolean };

/** Parsed once per gate, not on every request. */
function parseRules(rules: readonly string[]): Rule[] {
  return rules.map((rule) => {
    const [method, p] = rule.split(' ') as [string, string];
    const prefix = p.endsWith('*');
    return { method, path: prefix ? p.slice(0, -1) : p, prefix };
  });
}

function matches(rules: Rule[], method: string, path: string) {
  return rules.some(
    (r) =>
      (r.method === '*' || r.method === method) &&
      (r.prefix ? path.startsWith(r.path) : path === r.path),
  );
}

/**
 * Once a new privacy policy version is in force, a signed-in person who has not accepted it
 * is asked to before using the cabinet: the API answers 403 `policy-acceptance-required`,
 * pages redirect to the acceptance page. Mount after the session loader.
 */
export function policyGate(options: PolicyGateOptions = {}): MiddlewareHandler<AppEnv> {
  const apiAllowed = parseRules(options.apiAllowed ?? defaultApiAllowed);
  const pageAllowed = parseRules(options.pageAllowed ?? defaultPageAllowed);
  const pagePrefixes = options.pagePrefixes ?? gatedPagePrefixes;
  const acceptPath = options.acceptPath ?? '/account/policy';
  return async function policyGateMiddleware(c, next) {
    const auth = c.get('auth');
    if (!auth) return next();
    const path = c.req.path;
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const isApi = path.startsWith('/api/');
    if (isApi ? matches(apiAllowed, method, path) : matches(pageAllowed, method, path))
      return next();
    if (!isApi && !pagePrefixes.some((p) => path === p || path.startsWith(`${p}/`))) return next();
    // Pages had the session lookup answer this already; API requests ask now.
    let pending: { version: string } | null;
    if (auth.pendingPolicy !== undefined)
      pending = auth.pendingPolicy === null ? null : { version: auth.pendingPolicy };
    else {
      const { db, clock } = c.get('deps');
      pending = await needsPolicyAcceptance(db, auth.user.id, clock.now());
    }
    if (!pending) return next();
    if (isApi) {
      return problem(c, {
        status: 403,
        type: 'policy-acceptance-required',
        title: 'Accept the current privacy policy to continue',
        detail: `Version ${pending.version} is in force. Accept it with POST /api/v1/me/consents/privacy-policy {"version":"${pending.version}"}.`,
      });
    }
    const back = path + (new URL(c.req.url).search || '');
    return c.redirect(`${acceptPath}?next=${encodeURIComponent(back)}`, 303);
  };
}
