import type { Deps } from '../deps';
import type { Locale } from '../i18n';
import type { SessionContext } from '../sessions/validate';

/** Typed context variables every route can read with `c.get()`. */
export type AppVariables = {
  deps: Deps;
  requestId: string;
  secureHeadersNonce?: string;
  locale: Locale;
  clientIp: string | null;
  auth: SessionContext | null;
  /** Where the session token came from: cookies need CSRF checks, bearer tokens do not. */
  authVia: 'cookie' | 'bearer' | null;
};
export type AppEnv = { Variables: AppVariables };
