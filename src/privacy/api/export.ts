import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, problemResponses } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { requirePrivileged } from '../../http/require';
import { problem, problems } from '../../http/problem';
import { isLocale } from '../../i18n';
import { downloadPersonalData } from '../download';
import { security, tags } from './common';

const exportRoute = createRoute({
  method: 'get',
  path: '/me/export',
  description:
    'Needs a privileged session. A zip attachment (`data.json`, one CSV per category, `README.txt`); `?format=json` answers the same `data.json` alone.',
  tags,
  security,
  summary:
    'Download everything held about you (privileged): a zip of data.json, CSVs and README.txt',
  request: { query: z.object({ format: z.enum(['zip', 'json']).default('zip') }) },
  responses: {
    200: {
      description: 'An attachment, streamed: application/zip, or data.json alone with ?format=json',
      content: {
        'application/zip': { schema: z.string().openapi({ format: 'binary' }) },
        'application/json': {
          schema: z.object({
            schemaVersion: z.number(),
            generatedAt: z.string(),
            categories: z.record(z.string(), z.unknown()),
          }),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

/** The person's data as a download, in their own language when the account has one. */
export function exportApi() {
  return createApiRouter().openapi(exportRoute, async (c) => {
    const auth = requirePrivileged(c);
    const locale = isLocale(auth.user.locale) ? auth.user.locale : c.get('locale');
    const download = await downloadPersonalData(
      c.get('deps'),
      { userId: auth.user.id, format: c.req.valid('query').format, locale },
      requestMeta(c),
    );
    if (!download) return problem(c, problems.unauthenticated);
    return new Response(download.body, { status: 200, headers: download.headers });
  });
}
