import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';
import { renderErrorPage } from '../../views/error-page';
import { requireStaff } from '../access';
import { searchPeople } from '../people';
import { pageQuerySchema } from '../schemas';
import { searchPage } from '../views/search-page';
import { renderCard, staffAct, uuid } from './card';

/** The console's search and the person card. */
export function peoplePages() {
  const app = new Hono<AppEnv>();

  app.get('/staff', async (c) => {
    const a = staffAct(c);
    const raw = c.req.query('query');
    // No query at all: just the form, so opening the console lists (and logs) nobody.
    if (raw === undefined) return searchPage(c, {});
    const query = raw.trim().slice(0, 100);
    const page = pageQuerySchema.safeParse(c.req.query('page') ?? 1);
    const result = await searchPeople(c.get('deps'), a, {
      query,
      page: page.success ? page.data : 1,
    });
    return searchPage(c, { query, result });
  });

  app.get('/staff/users/:id', async (c) => {
    requireStaff(c);
    const id = uuid.safeParse(c.req.param('id'));
    return id.success ? renderCard(c, id.data) : renderErrorPage(c, 404);
  });

  return app;
}
