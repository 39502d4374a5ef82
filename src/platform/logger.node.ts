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
 * Node's logger: pino, writing `{"level":"info","time":ISO,"pid","hostname","msg",...fields}`.
 * Every field passes through `redact()` (src/platform/logger.ts) before pino serialises it.
 */
export async function createNodeLogger(options: NodeLoggerOptions = {}): Promise<Logger> {
  const stream =
    (options.format === 'pretty' ? await prettyStream(options.destination) : null) ??
    options.destination ??
    // A synchronous write per request cost ~6 % of GET /api/v1/me; pino flushes this buffer
    // synchronously on 'exit' (process.exit, a crash), so only SIGKILL can lose the tail.
    pino.destination({ dest: 1, sync: false });
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
    info: (fields, msg) => base.info(fields, msg),
    warn: (fields, msg) => base.warn(fields, msg),
    error: (fields, msg) => base.error(fields, msg),
  };
}
