import type { Deps } from '../deps';
import { dispatchMail } from '../mail/outbox';
import { runDueJobs } from './schedule';

/**
 * The Node server's scheduler: mail every MAIL_POLL_SECONDS and right after a request
 * queued some (`kick`), other jobs once a minute. One pass at a time; `stop()` waits for it.
 */
export function startJobTimer(
  getDeps: () => Deps,
  // Tests push the first full pass away, so it cannot send mail a kick should have sent.
  options: { firstRunMs?: number } = {},
) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  let kickTimer: ReturnType<typeof setTimeout> | null = null;
  // A kick that lands while a pass runs may come after that pass claimed its rows; remember it.
  let mailAgain = false;

  const pass = (what: 'mail' | 'all'): Promise<unknown> | null => {
    if (stopped) return running;
    if (running) {
      if (what === 'mail') mailAgain = true;
      return running;
    }
    const deps = getDeps();
    mailAgain = false;
    running = (what === 'mail' ? dispatchMail(deps) : runDueJobs(deps).then((r) => (deps.metrics?.observeJobs(r), r)))
      .catch((err) => deps.log.error({ err }, 'scheduled run failed'))
      .finally(() => {
        running = null;
        if (mailAgain) void pass('mail');
      });
    return running;
  };
  const mailTimer = setInterval(() => pass('mail'), getDeps().config.mailPollMs);
  const jobTimer = setInterval(() => pass('all'), 60_000);
  const firstRun = setTimeout(() => pass('all'), options.firstRunMs ?? 1000);
  mailTimer.unref();
  jobTimer.unref();
  firstRun.unref();

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
      clearTimeout(firstRun);
      // Mail queued by the last requests goes out now rather than at the next start.
      const owed = kickTimer !== null || mailAgain;
      if (kickTimer) clearTimeout(kickTimer);
      while (running) await running;
      if (owed) {
        const deps = getDeps();
        await dispatchMail(deps).catch((err) => deps.log.error({ err }, 'final mail pass failed'));
      }
    },
  };
}
