import type { Deps } from '../deps';
import type { Locale } from '../i18n';
import type { RequestMeta } from '../core/activity';
import { findList, findUserSubscription, type SubscriptionView } from './lists';
import { requestSubscription } from './subscribe';
import { leaveList } from './unsubscribe';

export type SetSubscriptionResult =
  | { ok: true; subscription: SubscriptionView }
  | { ok: false; reason: 'not-found' | 'mandatory' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

/**
 * The API's switch: yes asks for confirmation (double opt-in), no leaves at once. Answers
 * with where the person stands on the list afterwards.
 */
export async function setSubscription(
  deps: Deps,
  input: { userId: string; list: string; subscribed: boolean; locale: Locale },
  meta: RequestMeta,
): Promise<SetSubscriptionResult> {
  const { userId, list } = input;
  const result = input.subscribed
    ? await requestSubscription(deps, { userId, list }, meta)
    : await leaveList(deps, { userId, list, method: 'cabinet' }, meta);
  if (!result.ok) return result;
  const row = await findList(deps.db, list);
  if (!row) return { ok: false, reason: 'not-found' };
  return { ok: true, subscription: await findUserSubscription(deps.db, userId, row, input.locale) };
}
