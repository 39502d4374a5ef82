import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env';
import { problem, ProblemError } from './problem';
import { reauthFor } from './reauth-link';

const isApi = (c: Context) => c.req.path.startsWith('/api/');

/** Renders the HTML page for an error status; the views layer provides it (http is below it). */
export type ErrorPageRenderer = (
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
) => Response | Promise<Response>;

/**
 * The not-found and error handlers: problem+json under /api, the given page elsewhere.
 */
export function errorHandlers(options: {
  renderErrorPage: ErrorPageRenderer;
  /** The page holding the form that posts to a path, for a GET of that path (see form-result-paths). */
  formPageFor?: (path: string) => string | null;
}) {
  const { renderErrorPage, formPageFor = () => null } = options;
  return {
    notFound: notFoundWith(renderErrorPage, formPageFor),
    onError: onErrorWith(renderErrorPage),
  };
}

/** Unknown routes: problem+json under /api, the form's page for a form's address, a friendly page elsewhere. */
const notFoundWith =
  (
    renderErrorPage: ErrorPageRenderer,
    formPageFor: (path: string) => string | null,
  ): NotFoundHandler<AppEnv> =>
  (c) => {
    if (isApi(c))
      return problem(c, {
        status: 404,
        type: 'not-found',
        title: 'Not found',
        detail: `No route for ${c.req.method} ${c.req.path}`,
      });
    const formPage = c.req.method === 'GET' ? formPageFor(c.req.path) : null;
    return formPage ? c.redirect(formPage, 303) : renderErrorPage(c, 404);
  };

/**
 * The one place errors become responses. Expected ones (ProblemError, HTTPException from
 * Hono's validators and body limit) keep their status; anything else is logged with the
 * request id and answered 500 without internals.
 */
const onErrorWith =
  (renderErrorPage: ErrorPageRenderer): ErrorHandler<AppEnv> =>
  (err, c) => {
    if (err instanceof ProblemError) {
      if (isApi(c)) return problem(c, err.init);
      const here = c.req.path + (new URL(c.req.url).search || '');
      if (err.init.status === 401)
        return c.redirect(`/login?next=${encodeURIComponent(here)}`, 303);
      if (err.init.type === 'reauth-required') return c.redirect(reauthFor(here), 303);
      return renderErrorPage(c, err.init.status);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const status = err.status;
      const title = status === 413 ? 'The request body is too large' : err.message || 'Bad request';
      if (isApi(c))
        return problem(c, { status, type: status === 413 ? 'too-large' : 'bad-request', title });
      return renderErrorPage(c, status);
    }
    if (isUnstorableText(err)) {
      // Text PostgreSQL cannot hold (a NUL byte, say) that a schema let through: the client's
      // input, not our failure. Nothing was written: the statement failed, its transaction with it.
      if (isApi(c)) {
        return problem(c, {
          status: 400,
          type: 'validation',
          title: 'The request contains characters that are not allowed',
        });
      }
      return renderErrorPage(c, 400);
    }
    const deps = c.get('deps');
    const unavailable = isDatabaseDown(err);
    deps?.log.error(
      { requestId: c.get('requestId'), err },
      unavailable ? 'database unavailable' : 'unhandled error',
    );
    const status = unavailable ? 503 : 500;
    if (isApi(c)) {
      return problem(c, {
        status,
        type: unavailable ? 'unavailable' : 'internal',
        title: unavailable
          ? 'The service is briefly unavailable; try again shortly'
          : 'Something went wrong on our side',
        detail: `Request id ${c.get('requestId') ?? ''}`,
        headers: unavailable ? { 'Retry-After': '5' } : undefined,
      });
    }
    return renderErrorPage(c, status);
  };

/** character_not_in_repertoire, untranslatable_character: e.g. U+0000 in a text parameter. */
function isUnstorableText(err: unknown): boolean {
  for (
    let e = err as { code?: string; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  ) {
    if (e.code === '22021' || e.code === '22P05') return true;
  }
  return false;
}

function isDatabaseDown(err: unknown): boolean {
  const code =
    (err as { code?: string; cause?: { code?: string } })?.code ??
    (err as { cause?: { code?: string } })?.cause?.code;
  return [
    'ECONNREFUSED',
    'ECONNRESET',
    'CONNECTION_CLOSED',
    'CONNECT_TIMEOUT',
    'CONNECTION_ENDED',
    '57P01',
    '57P03',
  ].includes(code ?? '');
}
