import { z } from 'zod';

/**
 * The part of a Resend webhook event this service reads; other fields pass through unread.
 * https://resend.com/docs/dashboard/webhooks/event-types
 */
export const resendEventSchema = z.object({
  type: z.string().max(100),
  created_at: z.string().max(64).optional(),
  data: z.object({
    email_id: z.string().min(1).max(200),
    bounce: z.object({ type: z.string().max(50).optional() }).optional(),
  }),
});

export type ResendEvent = z.infer<typeof resendEventSchema>;

/** The Svix headers every Resend delivery carries. */
export type SvixHeaders = {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
};
