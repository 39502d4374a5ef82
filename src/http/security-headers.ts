import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { encodeBase64 } from '@oslojs/encoding';
import type { Config } from '../config';
import type { AppEnv } from './env';

/**
 * 16 random bytes per page for its script nonce, drawn from the CSPRNG 4 KiB at a time: one
 * crypto.getRandomValues() per page was 4 % of a rendered page's CPU (Node 20 wraps every
 * call). Each slice is used once, so the nonces stay as unpredictable as single draws.
 */
const nonceBytes = 16;
let pool = new Uint8Array(0);
let used = 0;
function nextNonce() {
  if (used + nonceBytes > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(nonceBytes * 256));
    used = 0;
  }
  const bytes = pool.subarray(used, (used += nonceBytes));
  return encodeBase64(bytes);
}

/** hono's NONCE, with the pooled draw: the page reads it back as `secureHeadersNonce`. */
function pageNonce(c: Context<AppEnv>) {
  let nonce = c.get('secureHeadersNonce');
  if (!nonce) c.set('secureHeadersNonce', (nonce = nextNonce()));
  return `'nonce-${nonce}'`;
}

/**
 * Security headers for every answer. Pages get a fresh script nonce each; JSON needs none
 * (and a nonce costs a random draw), and may load or run nothing if a browser is tricked into
 * rendering it.
 */
export function securityHeaders(config: Pick<Config, 'isHttps'>) {
  const pageHeaders = secureHeaders(headerOptions(config, { pages: true }));
  const apiHeaders = secureHeaders(headerOptions(config, { pages: false }));
  return createMiddleware<AppEnv>(async function securityHeaders(c, next) {
    return (c.req.path.startsWith('/api/v1/') ? apiHeaders : pageHeaders)(c, next);
  });
}

function headerOptions(
  config: Pick<Config, 'isHttps'>,
  { pages }: { pages: boolean },
): Parameters<typeof secureHeaders>[0] {
  return {
    contentSecurityPolicy: pages
      ? {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", pageNonce],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        }
      : {
          defaultSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'none'"],
        },
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: config.isHttps ? 'max-age=31536000; includeSubDomains' : false,
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  };
}
