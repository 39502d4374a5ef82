import type { Deps } from '../deps';
import type { Locale } from '../i18n';
import type { AnnouncementInput } from './schemas';
import { findList, localized } from './lists';
import { countRecipients } from './recipients';
import { announcementContent, renderAnnouncement } from './render-announcement';

/**
 * What an announcement would look like and how many people it would reach now, without
 * queuing anything. The footer link is a dummy: a real one would unsubscribe someone.
 */
export async function previewAnnouncement(
  deps: Pick<Deps, 'db' | 'config'>,
  input: AnnouncementInput,
  locale: Locale,
) {
  const list = await findList(deps.db, input.list);
  if (!list) return { ok: false as const, reason: 'not-found' as const };
  if (list.mandatory) return { ok: false as const, reason: 'mandatory' as const };
  const content = announcementContent(input);
  return {
    ok: true as const,
    listName: localized(list.names, locale),
    recipients: await countRecipients(deps.db, list.slug),
    mails: renderAnnouncement(
      deps,
      { content, listNames: list.names },
      `${deps.config.appUrl}/unsubscribe?token=preview`,
    ),
  };
}
