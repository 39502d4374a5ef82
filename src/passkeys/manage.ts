import { personTimeZone } from '../i18n/time-zone';
import type { Deps } from '../deps';
import { recordEvent, type RequestMeta } from '../core/activity';
import { notMeLink } from '../auth';
import { findUserById } from '../core/users';
import { formatDateTime } from '../i18n/format';
import { mailContext, queueMail } from '../mail/queue';
import type { Executor } from '../platform/db-types';
import { listPasskeys, removePasskey, renamePasskey, type PasskeyRow } from './credentials';

/** Renames one of the person's passkeys; null when the id is not theirs. */
export async function renameOwnPasskey(
  deps: Deps,
  userId: string,
  id: string,
  name: string,
  meta: RequestMeta,
) {
  const row = await renamePasskey(deps.db, userId, id, name);
  if (row)
    await recordEvent(deps.db, {
      userId,
      action: 'passkey.renamed',
      at: deps.clock.now(),
      meta,
      details: { name },
    });
  return row;
}

/** Removes one of the person's passkeys (never the last way in) and tells them by mail. */
export async function removeOwnPasskey(deps: Deps, userId: string, id: string, meta: RequestMeta) {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    const removed = await removePasskey(tx, userId, id);
    if (!removed.ok) return removed;
    const user = await findUserById(tx, userId);
    await recordEvent(tx, {
      userId,
      action: 'passkey.removed',
      at: now,
      meta,
      details: { name: removed.row.name },
    });
    if (user) {
      const ctx = mailContext(deps, user.locale);
      await queueMail(deps, tx, {
        to: user.email,
        userId,
        locale: user.locale,
        template: 'passkey-removed',
        data: {
          kind: 'removed',
          name: user.name,
          passkey: removed.row.name,
          when: formatDateTime(now, ctx.locale, personTimeZone(user)),
          notMeUrl: await notMeLink(deps, tx, userId, now),
        },
      });
    }
    return removed;
  });
  if (result.ok) deps.notifyMail();
  return result;
}

/** Whether removing this key would leave the account without a way in (no password, no other key). */
export async function isLastWayIn(db: Executor, key: PasskeyRow) {
  const [user, keys] = await Promise.all([
    findUserById(db, key.userId),
    listPasskeys(db, key.userId),
  ]);
  return !user?.passwordHash && keys.every((k) => k.id === key.id);
}
