import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { problem } from './problem';

export const bodyLimitBytes = 64 * 1024;

/** Refuses bodies over 64 KiB: 413 problem+json for the API, a short text for pages. */
export function limitRequestBody() {
  const limit = bodyLimit({
    maxSize: bodyLimitBytes,
    onError: (c: Context<AppEnv>) =>
      c.req.path.startsWith('/api/')
        ? problem(c, {
            status: 413,
            type: 'too-large',
            title: 'The request body is too large',
            detail: `At most ${bodyLimitBytes} bytes`,
          })
        : c.text('The request is too large.', 413),
  });
  // Reading `raw.body` makes @hono/node-server build a full Request; GET and HEAD carry no body.
  return createMiddleware<AppEnv>(async function limitRequestBody(c, next) {
    return c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next);
  });
}
