import type { TestApp } from './test-app';
import { appUrl } from './test-app';
import { checkApiResponses } from './api-contract';

type Options = { headers?: Record<string, string>; origin?: string | null; ip?: string };

/**
 * A browser-like client over `app.request`: keeps cookies, sends our Origin on unsafe
 * requests (as browsers do), and can pose as a client address through X-Forwarded-For
 * when the app runs with TRUST_PROXY. Every /api/v1 answer is checked against openapi.json
 * (test/helpers/api-contract.ts).
 */
export function createClient(
  t: Pick<TestApp, 'app'>,
  defaults: { ip?: string; /** For an app served under another APP_URL. */ origin?: string } = {},
) {
  // Apps a test builds itself (createApp with other deps) are held to openapi.json too.
  checkApiResponses(t.app);
  const jar = new Map<string, string>();
  async function request(method: string, path: string, body?: unknown, options: Options = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const origin = options.origin === undefined ? (defaults.origin ?? appUrl) : options.origin;
    if (method !== 'GET' && method !== 'HEAD' && origin) headers.origin = origin;
    const ip = options.ip ?? defaults.ip;
    if (ip) headers['x-forwarded-for'] = ip;
    let payload: BodyInit | undefined;
    if (body instanceof URLSearchParams) {
      payload = body;
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await t.app.request(path, { method, headers, body: payload });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair, ...attrs] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      const expired = attrs.some(
        (a) => /max-age=0/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()),
      );
      if (expired || value.join('=') === '') jar.delete(name!.trim());
      else jar.set(name!.trim(), value.join('='));
    }
    return res;
  }
  return {
    jar,
    request,
    get: (path: string, options?: Options) => request('GET', path, undefined, options),
    post: (path: string, body?: unknown, options?: Options) => request('POST', path, body, options),
    put: (path: string, body?: unknown, options?: Options) => request('PUT', path, body, options),
    patch: (path: string, body?: unknown, options?: Options) =>
      request('PATCH', path, body, options),
    delete: (path: string, options?: Options) => request('DELETE', path, undefined, options),
    form: (path: string, fields: Record<string, string>, options?: Options) =>
      request('POST', path, new URLSearchParams(fields), options),
  };
}
export type Client = ReturnType<typeof createClient>;
