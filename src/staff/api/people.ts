import { createRoute, z } from '@hono/zod-openapi';
import { createApiRouter, problemResponses } from '../../http/validation';
import { problem, problems } from '../../http/problem';
import { staffActor } from '../access';
import { openPersonCard, pageSize, searchPeople } from '../people';
import { pageQuerySchema } from '../schemas';
import {
  personCardSchema,
  personSummarySchema,
  toPersonCardJson,
  toPersonSummaryJson,
} from './person-json';
import { idParam, json, staffRoute } from './route-parts';

const searchRoute = createRoute({
  ...staffRoute,
  method: 'get',
  path: '/staff/users',
  description:
    'Role staff or admin. Searches by email or name among the people you work with (admins: everyone); each person listed sees this in their activity.',
  summary:
    'Find people by email or name among those you work with (admins: everyone); each person listed sees it in their activity',
  request: {
    query: z.object({ query: z.string().trim().max(100).optional(), page: pageQuerySchema }),
  },
  responses: {
    200: json(
      z.object({
        users: z.array(personSummarySchema),
        page: z.number(),
        pageSize: z.number(),
        hasMore: z.boolean(),
      }),
      'One page of people',
    ),
    ...problemResponses(400, 401, 403),
  },
});

const cardRoute = createRoute({
  ...staffRoute,
  method: 'get',
  path: '/staff/users/{id}',
  summary: 'A person’s card; the view shows in their activity',
  description:
    'A teacher sees only the people they work with: assigned by an admin, or with a lesson of theirs starting in the last 12 months or later. Anyone else answers 404, as an id that does not exist.',
  request: { params: idParam },
  responses: { 200: json(personCardSchema, 'The card'), ...problemResponses(400, 401, 403, 404) },
});

/** Finding people and opening their card; both are logged in the person's activity. */
export function peopleApi() {
  const api = createApiRouter();

  api.openapi(searchRoute, async (c) => {
    const { query, page } = c.req.valid('query');
    const result = await searchPeople(c.get('deps'), staffActor(c), { query: query ?? '', page });
    return c.json(
      { users: result.people.map(toPersonSummaryJson), page, pageSize, hasMore: result.hasMore },
      200,
    );
  });

  api.openapi(cardRoute, async (c) => {
    const card = await openPersonCard(c.get('deps'), staffActor(c), c.req.valid('param').id);
    if (!card) return problem(c, problems.notFound);
    return c.json(toPersonCardJson(card, c.get('locale')), 200);
  });

  return api;
}
