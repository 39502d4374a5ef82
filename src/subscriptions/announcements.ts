import { eq } from 'drizzle-orm';
import { announcements } from '../../db/schema';
import type { Deps } from '../deps';
import type { AnnouncementInput } from './schemas';
import { findList } from './lists';
import { queueAnnouncement } from './queue-announcement';
import { announcementContent } from './render-announcement';

export type AnnouncementResult =
  { ok: true; id: string; queued: number } | { ok: false; reason: 'not-found' | 'mandatory' };

/**
 * Records an announcement and queues it to the list's confirmed subscribers, all in one
 * transaction: either every recipient's mail is queued and the announcement says how many,
 * or nothing is. The mandatory list is refused: it carries service mail, which people cannot
 * leave, so using it for announcements would send optional mail nobody can refuse.
 */
export async function sendAnnouncement(
  deps: Deps,
  input: AnnouncementInput & { staffId: string },
): Promise<AnnouncementResult> {
  const list = await findList(deps.db, input.list);
  if (!list) return { ok: false, reason: 'not-found' };
  if (list.mandatory) return { ok: false, reason: 'mandatory' };
  const now = deps.clock.now();
  const content = announcementContent(input);
  const result = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(announcements)
      .values({
        listSlug: list.slug,
        subjects: Object.fromEntries(Object.entries(content).map(([l, c]) => [l, c.subject])),
        bodies: Object.fromEntries(Object.entries(content).map(([l, c]) => [l, c.body])),
        createdBy: input.staffId,
        createdAt: now,
      })
      .returning({ id: announcements.id });
    const queued = await queueAnnouncement(
      deps,
      tx,
      { id: row!.id, list: list.slug, listNames: list.names, content },
      now,
    );
    await tx
      .update(announcements)
      .set({ recipientCount: queued, queuedAt: now })
      .where(eq(announcements.id, row!.id));
    return { ok: true as const, id: row!.id, queued };
  });
  deps.notifyMail();
  return result;
}
