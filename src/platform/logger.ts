/** Structured one-line JSON logs. Callers pass only fields that are safe to record. */
export type Logger = {
  info(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
};

const secretKeys = /pass(word)?|token|secret|cookie|authorization|session|code/i;

/** Replaces values under secret-looking keys, at any depth, before anything is written. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, secretKeys.test(k) ? '[redacted]' : redact(v, depth + 1)]),
  );
}

export function createJsonLogger(write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const emit = (level: string) => (fields: Record<string, unknown>, msg: string) =>
    write(JSON.stringify({ level, time: new Date().toISOString(), msg, ...(redact(fields) as object) }));
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
