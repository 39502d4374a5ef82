import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, jsonBody, problemResponses } from '../../http/validation';
import { requireRole } from '../../http/require';
import { sendAnnouncement } from '../announcements';
import { announcementInputSchema } from '../schemas';
import { json, mandatoryList, noSuchList, security } from './common';

const announcementRoute = createRoute({
  method: 'post',
  path: '/staff/announcements',
  description:
    'Role staff or admin. Queues the mail to the list’s confirmed subscribers only, never to restricted or deleted accounts; answers how many were queued.',
  tags: ['Staff'],
  security,
  summary: 'Queue a mail to the confirmed subscribers of a list (staff or admin)',
  request: { body: jsonBody(announcementInputSchema) },
  responses: {
    202: json('Queued', z.object({ id: z.string(), queued: z.number().int() })),
    ...problemResponses(400, 401, 403, 404),
  },
});

/** Staff queue an announcement to a list's confirmed subscribers. */
export function announcementsApi() {
  return createApiRouter().openapi(announcementRoute, async (c) => {
    const auth = requireRole(c, ['staff', 'admin']);
    const result = await sendAnnouncement(c.get('deps'), {
      ...c.req.valid('json'),
      staffId: auth.user.id,
    });
    if (!result.ok) return result.reason === 'not-found' ? noSuchList(c) : mandatoryList(c, 400);
    return c.json({ id: result.id, queued: result.queued }, 202);
  });
}
