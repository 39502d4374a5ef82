import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { pageDates } from '../../views/dates';
import { renderPage } from '../../views/layout';

/** Step one: what deletion does, in plain words, before anything happens. */
export function deleteExplainPage(c: Context<AppEnv>, s: { graceDays: number }) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: t('delete.title'), section: 'privacy' },
    <>
      <h1>{t('delete.title')}</h1>
      <section class="card prose">
        <p>{t('delete.what.1')}</p>
        <p>{t('delete.what.2')}</p>
        <p>{s.graceDays > 0 ? t.plural('delete.what.3', s.graceDays) : t('delete.what.now')}</p>
        <p>{t('delete.what.4')}</p>
        <p>
          <a href="/account/privacy#export">{t('delete.exportFirst')}</a>
        </p>
        <p class="actions">
          <a class="button danger" href="/account/delete/confirm">
            {t('delete.continue')}
          </a>{' '}
          <a href="/account/privacy">{t('delete.keep')}</a>
        </p>
      </section>
    </>,
  );
}

/** Step two (privileged): the date, and the one button that schedules it. */
export function deleteConfirmPage(c: Context<AppEnv>, s: { date: Date; now: boolean }) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: t('delete.confirm.title'), section: 'privacy' },
    <>
      <h1>{t('delete.confirm.title')}</h1>
      <section class="card narrow">
        <p>
          {s.now
            ? t('delete.confirm.now')
            : t('delete.confirm.body', { date: pageDates(c).date(s.date) })}
        </p>
        <form method="post" action="/account/delete">
          <div class="form-actions">
            <button type="submit" class="button danger">
              {t('delete.confirm.button')}
            </button>
            <a href="/account/privacy">{t('delete.keep')}</a>
          </div>
        </form>
      </section>
    </>,
  );
}

/** After scheduling: the person is signed out, so their time zone comes along as `timeZone`. */
export function deleteScheduledPage(
  c: Context<AppEnv>,
  s: { date: Date; timeZone: string; erased: boolean },
) {
  const t = translator(c.get('locale'));
  const title = t(s.erased ? 'delete.erased.title' : 'delete.scheduled.title');
  return renderPage(
    c,
    { title },
    <section class="card narrow">
      <h1>{title}</h1>
      <p role="status">
        {s.erased
          ? t('delete.erased.body')
          : t('delete.scheduled.body', { date: pageDates(c, s.timeZone).date(s.date) })}
      </p>
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
    </section>,
  );
}
