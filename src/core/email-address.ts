import { z } from '@hono/zod-openapi';

/**
 * Trim, fold compatibility look-alikes (full-width letters) with NFKC, and lower-case the
 * domain. The local part keeps its case, as RFC 5321 allows; uniqueness is on lower(email).
 */
export function normalizeEmail(raw: string): string {
  const s = raw.trim().normalize('NFKC');
  const at = s.lastIndexOf('@');
  if (at < 0) return s;
  return `${s.slice(0, at)}@${s.slice(at + 1).toLowerCase()}`;
}

export const emailSchema = z
  .string()
  .max(254)
  .transform(normalizeEmail)
  .pipe(z.email({ message: 'Enter a valid email address' }).max(254))
  .openapi({ type: 'string', format: 'email', maxLength: 254, example: 'olena@example.com' });
