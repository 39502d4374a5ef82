import type { Clock } from './clock';
import type { Db } from './db-types';

/**
 * The metrics seam. Node fills it with prom-client (`metrics.node.ts`, loaded only when
 * METRICS_TOKEN is set); Workers and tests without it leave `deps.metrics` undefined and
 * `/metrics` answers 404. Nothing here imports a metrics library, so the Workers bundle
 * stays free of one.
 */
export type Metrics = {
  /** One finished request, from the access log: the route pattern, never the raw path. */
  observeRequest(sample: RequestSample): void;
  /** What `runDueJobs` returned: `{ [job]: result | { error } }`. */
  observeJobs(results: Record<string, unknown>): void;
  /** The Prometheus text exposition, with scrape-time gauges read from the database. */
  render(deps: { db: Db; clock: Clock }): Promise<string>;
  contentType: string;
};

export type RequestSample = { method: string; route: string; status: number; seconds: number };

export type SignInMethod = 'password' | 'two-factor' | 'passkey';
export type SignInOutcome = 'success' | 'failure' | 'locked';
export type RegistrationOutcome = 'accepted' | 'rejected' | 'limited';

/** Routes whose answer is a sign-in attempt's outcome (API and page forms). */
const signInRoutes: Record<string, SignInMethod> = {
  'POST /api/v1/auth/login': 'password',
  'POST /login': 'password',
  'POST /api/v1/auth/2fa': 'two-factor',
  'POST /login/2fa': 'two-factor',
  'POST /api/v1/auth/passkey/verify': 'passkey',
};
const registrationRoutes = new Set(['POST /api/v1/auth/register', 'POST /register']);

/**
 * Reads an auth outcome off the route and status alone, so no feature code needs to know
 * about metrics: 2xx/3xx signed in (or passed the password step of two-step sign-in), 401/403
 * refused, 429 locked out by a rate limit. A 400 is a malformed request, not an attempt.
 */
export function classifyAuthRequest(method: string, route: string, status: number) {
  const key = `${method} ${route}`;
  const signInMethod = signInRoutes[key];
  if (signInMethod) {
    const outcome: SignInOutcome | null =
      status < 400
        ? 'success'
        : status === 429
          ? 'locked'
          : status === 401 || status === 403
            ? 'failure'
            : null;
    return outcome ? { signIn: { method: signInMethod, outcome } } : {};
  }
  if (registrationRoutes.has(key)) {
    // 202 (API) / 200 (page) is the same answer whether or not the address was taken.
    const outcome: RegistrationOutcome | null =
      status < 300 ? 'accepted' : status === 429 ? 'limited' : status < 500 ? 'rejected' : null;
    return outcome ? { registration: outcome } : {};
  }
  return {};
}

const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Clients choose the method: anything unusual is one label value, not a new series each. */
export const methodLabel = (method: string) => (knownMethods.has(method) ? method : 'OTHER');
