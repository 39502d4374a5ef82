import { createApiRouter } from '../http/validation';
import { announcementHistoryApi } from './api/announcement-history';
import { announcementsApi } from './api/announcements';
import { linksApi } from './api/links';
import { listsApi } from './api/lists';

/** Mailing lists in the API: the lists and my place on them, the emailed links, announcements. */
export function subscriptionsApi() {
  const api = createApiRouter();
  // Mounted in this order so the OpenAPI document lists the routes as it always has.
  api.route('/', listsApi());
  api.route('/', linksApi());
  api.route('/', announcementsApi());
  api.route('/', announcementHistoryApi());
  return api;
}
