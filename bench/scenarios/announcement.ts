import { measureAnnouncement } from '../announcements';
import type { Bench } from '../lib/context';

const recipients = 100_000;

/** Queuing one announcement to 100,000 subscribers, against a plain INSERT … SELECT. */
export async function measureAnnouncementQueue(b: Bench, base: string) {
  console.error(`queuing an announcement to ${recipients} subscribers …`);
  const a = await measureAnnouncement(base, recipients, b.runs, () => {});
  b.rows.push({
    scenario: `announcement to ${recipients} queued vs INSERT … SELECT`,
    result: `${(a.announcementMs / 1000).toFixed(2)} s`,
    baseline: `${(a.baselineMs / 1000).toFixed(2)} s`,
    ratio: a.announcementMs / a.baselineMs,
    target: '< 10 s',
    floor: null,
  });
  b.ceilings.push({ scenario: 'announcement', value: a.announcementMs, limit: 60_000 });
}
