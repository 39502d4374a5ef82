import { z } from '@hono/zod-openapi';
import type { UserRow } from './users';

export const meSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    videoHandle: z.string().nullable(),
    goals: z.string().nullable(),
    locale: z.string(),
    timeZone: z.string().nullable().openapi({
      description: 'IANA zone the pages show times in; null: UTC',
      example: 'Europe/Kyiv',
    }),
    role: z.string(),
    emailVerified: z.boolean(),
    createdAt: z.string(),
    processingRestricted: z.boolean(),
    deletionScheduledFor: z.string().nullable(),
  })
  .openapi('Me');

/** The person as the API shows them: never the password hash. */
export function toMe(user: Omit<UserRow, 'passwordHash'>): z.infer<typeof meSchema> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    videoHandle: user.videoHandle,
    goals: user.goals,
    locale: user.locale,
    timeZone: user.timeZone,
    role: user.role,
    emailVerified: !!user.emailVerifiedAt,
    createdAt: user.createdAt.toISOString(),
    processingRestricted: !!user.processingRestrictedAt,
    deletionScheduledFor: user.deletionScheduledFor?.toISOString() ?? null,
  };
}

/**
 * A person's name: one line, no control characters at all. Names reach mail subjects and
 * headers, where CR/LF would start a new header.
 */
export const personNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter your name')
  .max(100)
  .refine(
    (s) => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(s),
    'Use one line without control characters',
  );
