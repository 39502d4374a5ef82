import type { Deps } from '../deps';
import { dispatchMail, outboxPolicy } from '../mail/outbox';
import { jobs, runDueJobs } from './schedule';

type PassKind = 'mail' | 'all';

// The scheduled jobs, the outbox last as in runDueJobs, but run here so it can be stopped.
const otherJobs = jobs.filter((j) => j.name !== 'outbox').map((j) => j.name);

async function runAllJobs(
  deps: Deps,
  sendMail: (deps: Deps) => Promise<unknown>,
  stop: AbortSignal,
) {
  const results = await runDueJobs(deps, { only: otherJobs });
  if (!stop.aborted) {
    results.outbox = await sendMail(deps).catch((err: Error) => {
      deps.log.error({ job: 'outbox', err }, 'job failed');
      return { error: err.message };
    });
  }
  deps.metrics?.observeJobs(results);
  return results;
}

/** One pass at a time: a later request joins the pass in progress instead of overlapping it. */
function oneAtATime(getDeps: () => Deps, run: (deps: Deps, what: PassKind) => Promise<unknown>) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  // A kick that lands while a pass runs may come after that pass claimed its rows; remember it.
  let mailAgain = false;

  const pass = (what: PassKind): Promise<unknown> | null => {
    if (stopped) return running;
    if (running) {
      if (what === 'mail') mailAgain = true;
      return running;
    }
    const deps = getDeps();
    mailAgain = false;
    running = run(deps, what)
      .catch((err) => deps.log.error({ err }, 'scheduled run failed'))
      .finally(() => {
        running = null;
        if (mailAgain) void pass('mail');
      });
    return running;
  };

  return {
    pass,
    isStopped: () => stopped,
    /** Refuses further passes; says whether mail was asked for that no pass has taken yet. */
    stop() {
      stopped = true;
      return mailAgain;
    },
    async settle() {
      while (running) await running;
    },
  };
}

function startTimers(pass: (what: PassKind) => unknown, mailPollMs: number, firstRunMs: number) {
  const mailTimer = setInterval(() => void pass('mail'), mailPollMs);
  const jobTimer = setInterval(() => void pass('all'), 60_000);
  const firstRun = setTimeout(() => void pass('all'), firstRunMs);
  mailTimer.unref();
  jobTimer.unref();
  firstRun.unref();
  return () => {
    clearInterval(mailTimer);
    clearInterval(jobTimer);
    clearTimeout(firstRun);
  };
}

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
  // Aborted by stop(): a mail pass in progress ends after the calls in flight.
  const stopping = new AbortController();
  const sendMail = (deps: Deps) => dispatchMail(deps, { signal: stopping.signal, graceMs });
  const passes = oneAtATime(getDeps, (deps, what) =>
    what === 'mail' ? sendMail(deps) : runAllJobs(deps, sendMail, stopping.signal),
  );
  const clearTimers = startTimers(
    passes.pass,
    getDeps().config.mailPollMs,
    options.firstRunMs ?? 1000,
  );
  let kickTimer: ReturnType<typeof setTimeout> | null = null;

  return {
    /** Called after a commit that queued mail; a short delay lets the transaction land. */
    kick() {
      if (passes.isStopped() || kickTimer) return;
      kickTimer = setTimeout(() => {
        kickTimer = null;
        void passes.pass('mail');
      }, 50);
    },
    /**
     * Ends the scheduler, bounded even when the mail provider hangs: the pass in progress
     * finishes the calls in flight (cut after the grace) and gives the rest of its claim
     * back as 'pending'. Mail kicked just before still gets a pass of its own, which stops
     * in the same way once the grace has passed. At most about three graces in all.
     */
    async stop() {
      const mailAgain = passes.stop();
      clearTimers();
      const owed = kickTimer !== null || mailAgain;
      if (kickTimer) clearTimeout(kickTimer);
      stopping.abort();
      await passes.settle();
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
