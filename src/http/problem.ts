import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env';
import { catalogues, type Locale } from '../i18n';

export type FieldError = { path: string; message: string };

export type ProblemInit = {
  status: ContentfulStatusCode;
  type: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
};

/**
 * The title (and a fixed detail, where the catalogue words one) in the request's language:
 * the person's setting, else Accept-Language. From the catalogue's `problem.<type>`; English
 * keeps the route's own words, and so does a type with no entry yet, or an answer made before
 * the language is known.
 */
function localWords(c: Context<AppEnv>, init: ProblemInit): { title: string; detail?: string } {
  const locale = c.get('locale') as Locale | undefined;
  if (!locale || locale === 'en') return init;
  const words = catalogues[locale] as Record<string, string | undefined>;
  return {
    title: words[`problem.${init.type}`] ?? init.title,
    detail: init.detail && (words[`problem.${init.type}.detail`] ?? init.detail),
  };
}

/** RFC 9457 problem details; `type` is a slug resolved against APP_URL's /problems/. */
export function problem(c: Context<AppEnv>, init: ProblemInit): Response {
  const base = c.get('deps')?.config.appUrl ?? '';
  const words = localWords(c, init);
  const body = {
    type: `${base}/problems/${init.type}`,
    title: words.title,
    status: init.status,
    ...(words.detail ? { detail: words.detail } : {}),
    ...(init.errors ? { errors: init.errors } : {}),
  };
  // A plain Response: typed routes accept it alongside their declared JSON bodies.
  return c.body(JSON.stringify(body), init.status, {
    'Content-Type': 'application/problem+json',
    ...init.headers,
  });
}

/** The one 400 for invalid input (API.md): every route's field errors take this shape. */
export function validationProblem(c: Context<AppEnv>, errors: FieldError[]): Response {
  return problem(c, { status: 400, type: 'validation', title: 'The request is not valid', errors });
}

/** Thrown from helpers that end a request early (`requireUser`); rendered by the error handler. */
export class ProblemError extends Error {
  constructor(readonly init: ProblemInit) {
    super(init.title);
  }
}

export const problems = {
  unauthenticated: { status: 401, type: 'unauthenticated', title: 'Sign in to continue' },
  forbidden: { status: 403, type: 'forbidden', title: 'You may not do this' },
  notFound: { status: 404, type: 'not-found', title: 'Not found' },
  reauthRequired: {
    status: 403,
    type: 'reauth-required',
    title: 'Confirm it is you: sign in again to continue',
  },
} satisfies Record<string, ProblemInit>;
