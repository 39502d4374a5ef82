import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type T } from '../../i18n';
import { ActionForm, Notice } from '../../views/components';
import { renderPage } from '../../views/layout';
import type { SubscriptionStatus, SubscriptionView } from '../lists';
import { OptOutOffer } from './opt-out-offer';

export type SubscriptionsPageState = {
  items: SubscriptionView[];
  email: string;
  isRestricted: boolean;
  notice?: { kind: 'success' | 'error'; message: string };
  /** The person just left the last optional list: offer deleting the account too. */
  offerDeletion?: { graceDays: number };
  status?: 200 | 404 | 409 | 429;
};

const badgeClass: Record<SubscriptionStatus, string> = {
  subscribed: 'badge ok',
  pending: 'badge warn',
  unsubscribed: 'badge',
};

/** The cabinet's list of lists: what each is, where the person stands, one button to change it. */
export function subscriptionsPage(c: Context<AppEnv>, s: SubscriptionsPageState) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: t('subscriptions.title'), section: 'subscriptions', status: s.status ?? 200 },
    <>
      <h1>{t('subscriptions.title')}</h1>
      <p class="lead">{t('subscriptions.lead')}</p>
      {s.notice ? <Notice kind={s.notice.kind}>{s.notice.message}</Notice> : null}
      {s.isRestricted ? (
        <Notice kind="info">
          {t('subscriptions.restricted')}{' '}
          <a href="/account/privacy#restriction">{t('subscriptions.restricted.lift')}</a>
        </Notice>
      ) : null}
      {s.offerDeletion ? (
        <OptOutOffer locale={c.get('locale')} graceDays={s.offerDeletion.graceDays} />
      ) : null}
      {s.items.map((item) => (
        <section class="card" aria-labelledby={`list-${item.list}-h`} id={`list-${item.list}`}>
          <h2 id={`list-${item.list}-h`}>{item.name}</h2>
          <p>{item.description}</p>
          <p>
            {t('subscriptions.status')}:{' '}
            <span class={badgeClass[item.status]}>
              {item.mandatory
                ? t('subscriptions.mandatory')
                : t(`subscriptions.status.${item.status}`)}
            </span>
          </p>
          <ListActions t={t} item={item} email={s.email} />
        </section>
      ))}
      <p class="meta">{t('subscriptions.oneClick')}</p>
    </>,
  );
}

function ListActions(p: { t: T; item: SubscriptionView; email: string }) {
  const { t, item } = p;
  const action = (verb: 'subscribe' | 'unsubscribe') =>
    `/account/subscriptions/${item.list}/${verb}`;
  if (item.mandatory) return <p class="hint">{t('subscriptions.mandatory.reason')}</p>;
  if (item.status === 'subscribed')
    return <ActionForm action={action('unsubscribe')} label={t('subscriptions.unsubscribe')} />;
  if (item.status === 'pending') {
    return (
      <>
        <p class="hint">{t('subscriptions.pending.hint', { email: p.email })}</p>
        <div class="form-actions">
          <ActionForm action={action('subscribe')} label={t('subscriptions.resend')} />
          <ActionForm action={action('unsubscribe')} label={t('subscriptions.cancel')} />
        </div>
      </>
    );
  }
  return <ActionForm action={action('subscribe')} label={t('subscriptions.subscribe')} />;
}
