import { hostname } from 'node:os';
import { pino, type DestinationStream } from 'pino';
import { redact, type Logger, type LogLevel } from './logger';

export type LogFormat = 'json' | 'pretty';

export type NodeLoggerOptions = {
  level?: LogLevel;
  format?: LogFormat;
  /** Where lines go; default stdout, asynchronously, flushed on exit. */
  destination?: DestinationStream;
};

/**
 * LOG_FORMAT wins; unset, people at a terminal outside production get pino-pretty and
 * everything else (systemd, containers, production) gets one JSON object per line.
 */
export function chooseLogFormat(
  config: { logFormat?: LogFormat; isProduction: boolean },
  isTTY: boolean = !!process.stdout.isTTY,
): LogFormat {
  return config.logFormat ?? (isTTY && !config.isProduction ? 'pretty' : 'json');
}

/** pino-pretty is a development dependency: a production install may not have it. */
async function prettyStream(destination: DestinationStream | undefined) {
  let pretty: typeof import('pino-pretty').build;
  try {
    pretty = (await import('pino-pretty')).default;
  } catch {
    process.stderr.write(
      'LOG_FORMAT=pretty: pino-pretty is not installed (a development dependency); writing JSON\n',
    );
    return null;
  }
  return pretty({
    colorize: !destination && !!process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    singleLine: true,
    sync: true,
    // pino-pretty wants a real stream here (it listens for 'close').
    ...(destination ? { destination: destination as NodeJS.WritableStream } : {}),
  });
}

/**
 * stdout, written in blocks of up to 4 KiB rather than a system call per line: a synchronous
 * write per request cost ~6 % of GET /api/v1/me and one asynchronous write per line ~10 %
 * more. A line waits at most a quarter of a second; pino flushes the buffer synchronously on
 * 'exit' (process.exit, a crash), so only SIGKILL can lose the tail.
 */
function bufferedStdout() {
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  const flush = () => {
    try {
      stream.flush();
    } catch {
      // Closed (EPIPE, or exiting): nothing left to flush to.
    }
  };
  setInterval(flush, 250).unref();
  return { stream, flush };
}

/**
 * Node's logger: pino, writing `{"level":"info","time":ISO,"pid","hostname","msg",...fields}`.
 * Every field passes through `redact()` (src/platform/logger.ts) before pino serialises it.
 */
export async function createNodeLogger(options: NodeLoggerOptions = {}): Promise<Logger> {
  const buffered = options.format !== 'pretty' && !options.destination ? bufferedStdout() : null;
  const stream =
    buffered?.stream ??
    (options.format === 'pretty' ? await prettyStream(options.destination) : null) ??
    options.destination ??
    pino.destination({ dest: 1, sync: true });
  // Only the per-request line waits in the buffer; start-up, warnings and errors go at once.
  const now = buffered ? buffered.flush : () => {};
  const base = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redact(fields) as Record<string, unknown>,
      },
    },
    stream,
  );
  return {
    info: (fields, msg) => {
      base.info(fields, msg);
      if (msg !== 'request') now();
    },
    warn: (fields, msg) => (base.warn(fields, msg), now()),
    error: (fields, msg) => (base.error(fields, msg), now()),
  };
}
