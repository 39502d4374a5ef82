import type { Deps } from '../deps';
import { dispatchMail } from '../mail/outbox';
import { runDueJobs } from './schedule';

/**
 * The Node server's scheduler: mail every MAIL_POLL_SECONDS and right after a request
 * queued some (`kick`), other jobs once a minute. One pass at a time; `stop()` waits for it.
 */
export function startJobTimer(getDeps: () => Deps) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  let kickTimer: ReturnType<typeof setTimeout> | null = null;

  const pass = (what: 'mail' | 'all') => {
    if (stopped || running) return running;
    const deps = getDeps();
    running = (what === 'mail' ? dispatchMail(deps) : runDueJobs(deps))
      .catch((err) => deps.log.error({ err }, 'scheduled run failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const mailTimer = setInterval(() => pass('mail'), getDeps().config.mailPollMs);
  const jobTimer = setInterval(() => pass('all'), 60_000);
  mailTimer.unref();
  jobTimer.unref();
  setTimeout(() => pass('all'), 1000).unref();

  return {
    /** Called after a commit that queued mail; a short delay lets the transaction land. */
    kick() {
      if (stopped || kickTimer) return;
      kickTimer = setTimeout(() => {
        kickTimer = null;
        void pass('mail');
      }, 50);
    },
    async stop() {
      stopped = true;
      clearInterval(mailTimer);
      clearInterval(jobTimer);
      if (kickTimer) clearTimeout(kickTimer);
      await running;
    },
  };
}
