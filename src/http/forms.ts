import type { Context } from 'hono';
import type { z } from '@hono/zod-openapi';
import type { AppEnv } from './env';

/** Reads an urlencoded or multipart form as plain strings (files and repeated keys ignored). */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  try {
    const body = await c.req.parseBody();
    return Object.fromEntries(
      Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/** Field errors keyed by the first path segment, for showing next to each input. */
export function formErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    out[key] ??= issue.message;
  }
  return out;
}
