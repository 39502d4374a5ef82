import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { translator } from '../../i18n';
import { resultPage, tokenActionPage } from '../../views/token-page';
import { confirmSubscription } from '../confirm';
import { findList, localized } from '../lists';
import { readUnsubscribeToken, unsubscribeWithToken } from '../unsubscribe';
import { maxUnsubscribeTokenLength } from '../unsubscribe-token';
import { OptOutOffer } from '../views/opt-out-offer';

const tokenOf = (value: string | undefined) => (value ?? '').slice(0, 200);

/**
 * The emailed links. Opening one (GET) shows a page with one button and changes nothing,
 * so mail scanners that prefetch links cannot subscribe or unsubscribe anyone; the POST acts.
 */
export function subscriptionLinkPageRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/subscriptions/confirm', (c) => {
    const t = translator(c.get('locale'));
    return tokenActionPage(c, {
      title: t('subscriptionConfirm.title'),
      body: t('subscriptionConfirm.body'),
      button: t('subscriptionConfirm.button'),
      action: '/subscriptions/confirm',
      token: tokenOf(c.req.query('token')),
    });
  });
  app.post('/subscriptions/confirm', async (c) => {
    const t = translator(c.get('locale'));
    const deps = c.get('deps');
    const result = await confirmSubscription(
      deps,
      tokenOf((await readForm(c)).token),
      requestMeta(c),
    );
    if (!result.ok)
      return resultPage(c, {
        title: t('subscriptionConfirm.title'),
        kind: 'error',
        message: t(`token.${result.reason}`),
      });
    const list = await findList(deps.db, result.list);
    return resultPage(c, {
      title: t('subscriptionConfirm.title'),
      kind: 'success',
      message: t('subscriptionConfirm.done', {
        list: list ? localized(list.names, c.get('locale')) : result.list,
      }),
      link: { href: '/account/subscriptions', label: t('subscriptionConfirm.manage') },
    });
  });

  app.get('/unsubscribe', async (c) => {
    const t = translator(c.get('locale'));
    const token = tokenOf(c.req.query('token'));
    const claim =
      token.length <= maxUnsubscribeTokenLength
        ? await readUnsubscribeToken(c.get('deps'), token)
        : null;
    if (!claim)
      return resultPage(c, {
        title: t('unsubscribe.title'),
        kind: 'error',
        message: t('unsubscribe.invalid'),
      });
    return tokenActionPage(c, {
      title: t('unsubscribe.title'),
      body: t('unsubscribe.body', { list: localized(claim.list.names, c.get('locale')) }),
      button: t('unsubscribe.button'),
      action: '/unsubscribe',
      token,
    });
  });
  // Both the page's button and RFC 8058 one-click land here: List-Unsubscribe names this URL,
  // and a mail provider POSTs `List-Unsubscribe=One-Click` to it with no cookie and no Origin.
  app.post('/unsubscribe', async (c) => unsubscribeFromPage(c));

  return app;
}

async function unsubscribeFromPage(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const form = await readForm(c);
  const method = form['List-Unsubscribe'] === 'One-Click' ? 'one-click' : 'link';
  const token = tokenOf(form.token ?? c.req.query('token'));
  const result = await unsubscribeWithToken(c.get('deps'), { token, method }, requestMeta(c));
  if (!result.ok) {
    const message =
      result.reason === 'mandatory' ? t('unsubscribe.mandatory') : t('unsubscribe.invalid');
    return resultPage(c, {
      title: t('unsubscribe.title'),
      kind: 'error',
      message,
      status: result.reason === 'mandatory' ? 409 : 400,
    });
  }
  return resultPage(c, {
    title: t('unsubscribe.title'),
    kind: 'success',
    message: t('unsubscribe.done', { list: localized(result.list.names, c.get('locale')) }),
    link: { href: '/account/subscriptions', label: t('subscriptionConfirm.manage') },
    more: result.onAnyList ? undefined : (
      <OptOutOffer locale={c.get('locale')} graceDays={c.get('deps').config.deletionGraceDays} />
    ),
  });
}
