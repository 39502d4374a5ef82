import type { Deps } from '../deps';
import { dispatchMail, outboxPolicy } from '../mail/outbox';
import { jobs, runDueJobs } from './schedule';

/**
 * The Node server's scheduler: mail every MAIL_POLL_SECONDS and right after a request
 * queued some (`kick`), other jobs once a minute. One pass at a time; `stop()` ends it.
 */
export function startJobTimer(
  getDeps: () => Deps,
  options: {
    // Tests push the first full pass away, so it cannot send mail a kick should have sent.
    firstRunMs?: number;
    /** How long `stop()` lets a provider call in flight finish (see `stop`). */
    stopGraceMs?: number;
  } = {},
) {
  const graceMs = options.stopGraceMs ?? outboxPolicy.stopGraceMs;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  let kickTimer: ReturnType<typeof setTimeout> | null = null;
  // A kick that lands while a pass runs may come after that pass claimed its rows; remember it.
  let mailAgain = false;
  // Aborted by stop(): a mail pass in progress ends after the calls in flight.
  const stopping = new AbortController();
  const sendMail = (deps: Deps) => dispatchMail(deps, { signal: stopping.signal, graceMs });
  // The scheduled jobs, the outbox last as in runDueJobs, but run here so it can be stopped.
  const otherJobs = jobs.filter((j) => j.name !== 'outbox').map((j) => j.name);
  const runAll = async (deps: Deps) => {
    const results = await runDueJobs(deps, { only: otherJobs });
    if (!stopping.signal.aborted) {
      results.outbox = await sendMail(deps).catch((err: Error) => {
        deps.log.error({ job: 'outbox', err }, 'job failed');
        return { error: err.message };
      });
    }
    deps.metrics?.observeJobs(results);
    return results;
  };

  const pass = (what: 'mail' | 'all'): Promise<unknown> | null => {
    if (stopped) return running;
    if (running) {
      if (what === 'mail') mailAgain = true;
      return running;
    }
    const deps = getDeps();
    mailAgain = false;
    running = (what === 'mail' ? sendMail(deps) : runAll(deps))
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
    /**
     * Ends the scheduler, bounded even when the mail provider hangs: the pass in progress
     * finishes the calls in flight (cut after the grace) and gives the rest of its claim
     * back as 'pending'. Mail kicked just before still gets a pass of its own, which stops
     * in the same way once the grace has passed. At most about three graces in all.
     */
    async stop() {
      stopped = true;
      clearInterval(mailTimer);
      clearInterval(jobTimer);
      clearTimeout(firstRun);
      const owed = kickTimer !== null || mailAgain;
      if (kickTimer) clearTimeout(kickTimer);
      stopping.abort();
      while (running) await running;
      if (owed) {
        // Mail queued by the last requests goes out now rather than at the next start.
        const deps = getDeps();
        await dispatchMail(deps, { signal: AbortSignal.timeout(graceMs), graceMs }).catch((err) =>
          deps.log.error({ err }, 'final mail pass failed'),
        );
      }
    },
  };
}
