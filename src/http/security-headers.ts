import { createMiddleware } from 'hono/factory';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config';
import type { AppEnv } from './env';

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
          scriptSrc: ["'self'", NONCE],
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
