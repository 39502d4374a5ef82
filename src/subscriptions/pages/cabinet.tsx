import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { translator, type MessageKey } from '../../i18n';
import { renderErrorPage } from '../../views/error-page';
import { listUserSubscriptions } from '../lists';
import { requestSubscription } from '../subscribe';
import { leaveList } from '../unsubscribe';
import { subscriptionsPage, type SubscriptionsPageState } from '../views/subscriptions-page';

const notices = ['pending', 'subscribed', 'unsubscribed'] as const;
const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

async function renderSubscriptions(
  c: Context<AppEnv>,
  extra: Partial<SubscriptionsPageState> = {},
) {
  const auth = requireAuth(c);
  const t = translator(c.get('locale'));
  const items = await listUserSubscriptions(c.get('deps').db, auth.user.id, c.get('locale'));
  // The notice names its list by slug; an unknown slug or notice shows nothing. It says where
  // the list stands now, not what the address says: a tab left on "pending" and reloaded after
  // the emailed link was used must not keep asking for the confirmation.
  const list = items.find((i) => i.list === c.req.query('list'));
  const asked = notices.find((n) => n === c.req.query('notice'));
  const notice = asked && list ? list.status : undefined;
  const onNoList = items.every((i) => i.mandatory || i.status === 'unsubscribed');
  return subscriptionsPage(c, {
    offerDeletion:
      notice === 'unsubscribed' && list && onNoList
        ? { graceDays: c.get('deps').config.deletionGraceDays }
        : undefined,
    items,
    email: auth.user.email,
    isRestricted: !!auth.user.processingRestrictedAt,
    notice:
      notice && list
        ? {
            kind: 'success',
            message: t(`subscriptions.notice.${notice}` as MessageKey, { list: list.name }),
          }
        : undefined,
    ...extra,
  });
}

/** /account/subscriptions: one POST form per button, then back to the page with a notice. */
export function subscriptionCabinetPageRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/account/subscriptions', (c) => renderSubscriptions(c));

  app.post('/account/subscriptions/:list/subscribe', async (c) => {
    const auth = requireAuth(c);
    const t = translator(c.get('locale'));
    const list = c.req.param('list').slice(0, 50);
    const result = await requestSubscription(
      c.get('deps'),
      { userId: auth.user.id, list },
      requestMeta(c),
    );
    if (!result.ok && result.reason === 'not-found') return renderErrorPage(c, 404);
    if (!result.ok) {
      c.header('Retry-After', String(result.retryAfterSeconds));
      const message = t('error.rateLimited', { minutes: minutes(result.retryAfterSeconds) });
      return renderSubscriptions(c, { notice: { kind: 'error', message }, status: 429 });
    }
    return c.redirect(
      `/account/subscriptions?notice=${result.status}&list=${encodeURIComponent(list)}#list-${list}`,
      303,
    );
  });

  app.post('/account/subscriptions/:list/unsubscribe', async (c) => {
    const auth = requireAuth(c);
    const t = translator(c.get('locale'));
    const list = c.req.param('list').slice(0, 50);
    const result = await leaveList(
      c.get('deps'),
      { userId: auth.user.id, list, method: 'cabinet' },
      requestMeta(c),
    );
    if (!result.ok && result.reason === 'not-found') return renderErrorPage(c, 404);
    if (!result.ok) {
      const items = await listUserSubscriptions(c.get('deps').db, auth.user.id, c.get('locale'));
      const name = items.find((i) => i.list === list)?.name ?? list;
      return renderSubscriptions(c, {
        notice: { kind: 'error', message: t('subscriptions.error.mandatory', { list: name }) },
        status: 409,
      });
    }
    return c.redirect(
      `/account/subscriptions?notice=unsubscribed&list=${encodeURIComponent(list)}#list-${list}`,
      303,
    );
  });

  return app;
}
