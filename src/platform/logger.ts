/**
 * Structured one-line logs. The `Logger` seam is three methods with `(fields, msg)`; Node
 * writes through pino (`logger.node.ts`), Workers and anything else through the console JSON
 * logger below. Whatever writes, `redact()` here is the one place that decides what never
 * reaches a log: both loggers pass every field through it.
 *
 * Callers still pass only what they mean to record: `msg` is constant text (it is not
 * redacted), data goes in `fields`.
 */
export type Logger = {
  info(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
};

export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** The replacement for anything redacted. */
export const redacted = '[redacted]';

/**
 * Redaction rules, all of them. Keys: a value under a key that names a secret or an address
 * is replaced whatever it is (a header object, a form, a nested payload). Values: strings
 * anywhere (an error message, a URL) lose email addresses, `?token=…`-style parameters,
 * `Bearer …` credentials, `name=value` cookie pairs and token-shaped base32 runs.
 */
export const redactionRules = {
  keys: /pass(word|phrase)?|secret|token|cookie|authorization|api[-_]?key|credential|signature|otp|recovery|^(code|session|email|new_?email|to|to_?address|phone)$/i,
  values: [
    // Email addresses (RFC 5322 enough for logs: anything@anything.tld).
    [/[^\s@"'<>(),;:/]+@[^\s@"'<>(),;:/]+\.[a-z]{2,}/gi, '[email]'],
    // Query or form parameters that carry secrets: ?token=…, &code=…, password=…
    [/\b((?:token|code|secret|password|key|signature)=)[^&#\s"'<>]+/gi, `$1${redacted}`],
    // Authorization header values.
    [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${redacted}`],
    // Our session cookie pairs, whatever their name.
    [/\b((?:__Host-)?session=)[^;\s"']+/gi, `$1${redacted}`],
    // Our tokens: 24+ characters of lower-case base32 (session ids and secrets, emailed tokens).
    [/\b[a-z2-7]{24,}(\.[a-z2-7]{24,})?\b/g, redacted],
  ] as [RegExp, string][],
};

const mayHoldSecret = /[@=\s]|[a-z2-7]{24}/;

/** A string with every secret-looking part replaced. */
export function redactText(text: string): string {
  // Every rule needs an '@', '=' or white space, or a run of 24 base32 characters: most log
  // fields (a request id, a route, a method) have none, and one test is cheaper than five.
  if (!mayHoldSecret.test(text)) return text;
  let out = text;
  for (const [pattern, replacement] of redactionRules.values)
    out = out.replace(pattern, replacement);
  return out;
}

/** A count under a secret-sounding key (`tokens: 3` in a job's result) is no secret; a code is. */
function isSecretKey(key: string, value: unknown) {
  if (!redactionRules.keys.test(key)) return false;
  if (typeof value === 'number' || typeof value === 'boolean')
    return /code|otp|pass|pin/i.test(key);
  return true;
}

/**
 * Replaces values under secret-looking keys and secret-looking parts of strings, at any depth,
 * before anything is written. Errors keep their name, code and (redacted) message and stack.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      message: redactText(value.message),
      stack: value.stack ? redactText(value.stack) : undefined,
      ...(value.cause !== undefined ? { cause: redact(value.cause, depth + 1) } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, isSecretKey(k, v) ? redacted : redact(v, depth + 1)]),
  );
}

const severity: Record<LogLevel, number> = {
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  silent: 100,
};

/** True when a line at `level` is written under the threshold `min`. */
export const isEnabled = (level: Exclude<LogLevel, 'silent'>, min: LogLevel) =>
  severity[level] >= severity[min];

/**
 * The console JSON logger (Workers, and Node before its configuration is read):
 * `{"level","time","msg",...fields}` with fields redacted.
 */
export function createJsonLogger(
  write: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  options: { level?: LogLevel } = {},
): Logger {
  const min = options.level ?? 'info';
  const emit =
    (level: 'info' | 'warn' | 'error') => (fields: Record<string, unknown>, msg: string) => {
      if (!isEnabled(level, min)) return;
      write(
        JSON.stringify({
          level,
          time: new Date().toISOString(),
          msg,
          ...(redact(fields) as object),
        }),
      );
    };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
