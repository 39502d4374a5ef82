import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type Locale, type MessageKey, type T } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { pageDates } from '../../views/dates';
import { renderStaffPage } from '../../views/staff-frame';
import type { AnnouncementCounts, AnnouncementSummary } from '../announcement-history';
import { progressLine } from './announcement-history-page';

const shown: (keyof AnnouncementCounts)[] = [
  'recipients',
  'queued',
  'sent',
  'failed',
  'suppressed',
  'cancelled',
  'delivered',
  'bounced',
  'complained',
];

/**
 * One announcement as it goes out. The counts are the page's own (it works without
 * JavaScript, with a refresh link); while anything waits, a small script polls the JSON API
 * and updates them and the bar in place.
 */
export function announcementProgressPage(c: Context<AppEnv>, a: AnnouncementSummary) {
  const locale = c.get('locale');
  const t = translator(locale);
  const when = pageDates(c);
  const handled = a.counts.recipients - a.counts.queued;
  return renderStaffPage(
    c,
    { title: a.subject, section: 'announcements' },
    <>
      {/* The staff frame takes no scripts; a module script runs after parsing wherever it sits. */}
      {a.done ? null : (
        <script
          type="module"
          src="/assets/announcement-progress.js"
          nonce={c.get('secureHeadersNonce')}
        ></script>
      )}
      <h1>{a.subject}</h1>
      <p class="lead">
        {t('history.meta', {
          list: a.listName,
          author: a.author ?? t('history.authorGone'),
          when: when.dateTime(a.createdAt),
        })}
      </p>
      <section
        class="card"
        id="announcement-progress"
        aria-labelledby="progress-h"
        data-api={a.done ? undefined : `/api/v1/staff/announcements/${a.id}`}
      >
        <h2 id="progress-h">{t('history.col.progress')}</h2>
        <p data-done={progressLine(t, locale, { ...a, done: true })}>
          {progressLine(t, locale, a)}
        </p>
        <progress
          max={Math.max(1, a.counts.recipients)}
          value={handled}
          aria-labelledby="progress-h"
        >
          {formatNumber(handled, locale)} / {formatNumber(a.counts.recipients, locale)}
        </progress>
        <Counts t={t} locale={locale} counts={a.counts} />
        {a.done ? null : (
          <p>
            <a href={`/staff/announcements/${a.id}`}>{t('history.refresh')}</a>
          </p>
        )}
      </section>
      <p class="actions">
        <a href="/staff/announcements/history">{t('history.back')}</a>
      </p>
    </>,
  );
}

/** Every count by name; the polling script finds each by its `data-count`. */
function Counts(p: { t: T; locale: Locale; counts: AnnouncementCounts }) {
  return (
    <dl class="facts">
      {shown.map((k) => (
        <>
          <dt>{p.t(`history.count.${k}` as MessageKey)}</dt>
          <dd data-count={k}>{formatNumber(p.counts[k], p.locale)}</dd>
        </>
      ))}
    </dl>
  );
}
