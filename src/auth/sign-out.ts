import type { Deps } from '../deps';
import { recordEvent, type RequestMeta } from '../core/activity';
import { invalidateSession } from '../sessions/invalidate';

/** Ends one session and notes the sign-out in its owner's activity (API and page alike). */
export async function signOut(
  deps: Deps,
  signedIn: { userId: string; sessionId: string },
  meta: RequestMeta,
) {
  await invalidateSession(deps.db, signedIn.sessionId);
  await recordEvent(deps.db, {
    userId: signedIn.userId,
    action: 'sign-out',
    at: deps.clock.now(),
    meta,
  });
}
