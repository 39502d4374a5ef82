import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, problemResponses } from '../../http/validation';
import { problem, problems } from '../../http/problem';
import { requireRole } from '../../http/require';
import {
  findAnnouncement,
  historyPageSize,
  listAnnouncements,
  type AnnouncementSummary,
} from '../announcement-history';
import { decodeCursor, encodeCursor } from '../history-cursor';
import { json, security } from './common';

const count = z.number().int().min(0);

const countsSchema = z
  .object({
    recipients: count.describe('Copies queued when it was sent'),
    queued: count.describe('Waiting to be handed to Resend (pending or being sent)'),
    sent: count.describe('Accepted by Resend'),
    failed: count.describe('Given up after retries, or refused by Resend'),
    suppressed: count.describe('Not sent: the address bounced hard or complained'),
    cancelled: count.describe('Dropped before sending: the person left the list or the service'),
    delivered: count.describe('Of the sent: reported delivered'),
    bounced: count.describe('Of the sent: reported bounced'),
    complained: count.describe('Of the sent: reported as spam'),
  })
  .openapi('AnnouncementCounts');

const summarySchema = z
  .object({
    id: z.uuid(),
    list: z.string().max(50),
    listName: z.string().max(200),
    subject: z
      .string()
      .max(200)
      .describe('In the reader’s language when written in it, else English'),
    author: z.string().max(200).nullable().describe('Null once the author’s account is gone'),
    createdAt: z.iso.datetime().max(40),
    done: z.boolean().describe('Nothing of it is waiting any more'),
    counts: countsSchema,
  })
  .openapi('AnnouncementSummary');

const cursor = z.string().max(100);

const listRoute = createRoute({
  method: 'get',
  path: '/staff/announcements',
  tags: ['Staff'],
  security,
  summary: 'Sent announcements with their progress (staff or admin)',
  description:
    'Newest first, 50 a page; `next` is the cursor for the following page. The counts are live: every recipient is in exactly one of queued, sent, failed, suppressed and cancelled.',
  request: { query: z.object({ cursor: cursor.optional() }) },
  responses: {
    200: json(
      'A page of announcements',
      z.object({
        items: z.array(summarySchema).max(historyPageSize),
        next: cursor.nullable(),
      }),
    ),
    ...problemResponses(400, 401, 403),
  },
});

const oneRoute = createRoute({
  method: 'get',
  path: '/staff/announcements/{id}',
  tags: ['Staff'],
  security,
  summary: 'One announcement and how far it has gone (staff or admin)',
  description:
    'The same counts as the list, for one announcement; the staff page polls this while it sends.',
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: json('The announcement', summarySchema),
    ...problemResponses(400, 401, 403, 404),
  },
});

const toJson = (a: AnnouncementSummary) => ({ ...a, createdAt: a.createdAt.toISOString() });

/** Staff follow what they sent: the history, and one announcement's progress. */
export function announcementHistoryApi() {
  return createApiRouter()
    .openapi(listRoute, async (c) => {
      requireRole(c, ['staff', 'admin']);
      const raw = c.req.valid('query').cursor;
      const before = raw === undefined ? undefined : decodeCursor(raw);
      if (before === null) {
        return problem(c, { status: 400, type: 'validation', title: 'The cursor is not valid' });
      }
      const page = await listAnnouncements(c.get('deps').db, { locale: c.get('locale'), before });
      return c.json(
        { items: page.items.map(toJson), next: page.next ? encodeCursor(page.next) : null },
        200,
      );
    })
    .openapi(oneRoute, async (c) => {
      requireRole(c, ['staff', 'admin']);
      const found = await findAnnouncement(
        c.get('deps').db,
        c.req.valid('param').id,
        c.get('locale'),
      );
      if (!found) return problem(c, problems.notFound);
      return c.json(toJson(found), 200);
    });
}
