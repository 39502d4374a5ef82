import { createRoute } from '@hono/zod-openapi';
import { createApiRouter, fieldErrors, jsonBody, problemResponses } from '../../http/validation';
import { requestMeta } from '../../http/request-meta';
import { unofferedLocale } from '../../http/locale';
import { requireAuth } from '../../http/require';
import { validationProblem } from '../../http/problem';
import { meSchema, toMe } from '../../core/me';
import { profileSchema, timeZoneShape } from '../schemas';
import { updateProfile } from '../profile-service';
import { security, tags } from './shared';

const meResponse = {
  200: {
    description: 'The signed-in person',
    content: { 'application/json': { schema: meSchema } },
  },
};

const getMe = createRoute({
  method: 'get',
  path: '/me',
  description: 'The profile of the person the session belongs to.',
  tags,
  security,
  summary: 'The signed-in person',
  responses: { ...meResponse, ...problemResponses(401) },
});
const patchMe = createRoute({
  method: 'patch',
  path: '/me',
  tags,
  security,
  summary: 'Correct profile details',
  description:
    'A malformed body (unknown fields, wrong types, over-long strings) a `timeZone` the service does not know, or a `locale` the school does not offer (SUPPORTED_LOCALES), is 400 with the field errors. `timeZone: null` (or "") clears it: times are then shown in UTC.',
  request: {
    body: jsonBody(
      // The shape only: the zone itself is checked in the handler against the runtime's zones.
      profileSchema.extend({
        timeZone: timeZoneShape.nullable().optional().openapi({
          description: 'IANA time zone for the times shown to the person',
          example: 'Europe/Kyiv',
        }),
      }),
    ),
  },
  responses: { ...meResponse, ...problemResponses(400, 401) },
});

/** GET and PATCH /me: the signed-in person and their profile details. */
export function profileApi() {
  const api = createApiRouter();

  // The session lookup already read the whole person (one query per request).
  api.openapi(getMe, (c) => c.json(toMe(requireAuth(c).user), 200));

  api.openapi(patchMe, async (c) => {
    const auth = requireAuth(c);
    const input = profileSchema.safeParse(c.req.valid('json'));
    if (!input.success) {
      // The same 400 as every other invalid field (API.md): one rule for clients to handle.
      return validationProblem(c, fieldErrors(input.error));
    }
    const notOffered = unofferedLocale(c, input.data.locale);
    if (notOffered) return notOffered;
    const user = await updateProfile(c.get('deps'), auth.user.id, input.data, requestMeta(c));
    return c.json(toMe(user), 200);
  });

  return api;
}
