import type { Deps } from '../deps';
import { issueEmailToken } from '../core/email-tokens';
import type { Executor } from '../platform/db-types';

type IssueInput = Parameters<typeof issueEmailToken>[1];

/**
 * A link that acts, for a mail: issues the one-time token in the caller's transaction and
 * returns `APP_URL + path?token=…` (never built from the request's Host). Every emailed
 * link goes through here: verify, reset, email change, "not me", opt-in, deletion cancel.
 */
export async function emailedLink(
  deps: Pick<Deps, 'config'>,
  tx: Executor,
  input: IssueInput & { path: string },
) {
  const { path, ...token } = input;
  return actionLink(deps, path, await issueEmailToken(tx, token));
}

/** The link for a token issued elsewhere (the sign-in flows issue theirs with their own checks). */
export function actionLink(deps: Pick<Deps, 'config'>, path: string, token: string) {
  return `${deps.config.appUrl}${path}?token=${encodeURIComponent(token)}`;
}
