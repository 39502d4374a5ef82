import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../http/env';
import { translator } from '../i18n';
import { Notice } from './components';
import { renderPage } from './layout';

type TokenPageProps = {
  title: string;
  body: string;
  button: string;
  action: string;
  token: string;
  danger?: boolean;
};

/**
 * An emailed link opens this page: it shows one button and changes nothing. Only the POST
 * acts, so mail scanners that prefetch links cannot confirm, unsubscribe or lock anything.
 */
export function tokenActionPage(c: Context<AppEnv>, p: TokenPageProps) {
  return renderPage(
    c,
    { title: p.title },
    <section class="card narrow">
      <h1>{p.title}</h1>
      <p>{p.body}</p>
      <form method="post" action={p.action}>
        <input type="hidden" name="token" value={p.token} />
        <button type="submit" class={p.danger ? 'button danger' : 'button'}>
          {p.button}
        </button>
      </form>
    </section>,
  );
}

export function resultPage(
  c: Context<AppEnv>,
  p: {
    title: string;
    kind: 'success' | 'error';
    message: string;
    link?: { href: string; label: string };
    status?: 200 | 400 | 409 | 429;
    /** More to offer after the result (a card of its own). */
    more?: Child;
  },
) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: p.title, status: p.status ?? (p.kind === 'error' ? 400 : 200) },
    <section class="card narrow">
      <h1>{p.title}</h1>
      <Notice kind={p.kind}>{p.message}</Notice>
      <p>
        <a href={p.link?.href ?? '/'}>{p.link?.label ?? t('error.home')}</a>
      </p>
      {p.more}
    </section>,
  );
}
