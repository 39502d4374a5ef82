import { z } from '@hono/zod-openapi';

/** Free text without control characters (they would break CSV cells and staff banners). */
export const restrictionReasonSchema = z
  .string()
  .trim()
  .min(1, 'restriction.reason.required')
  .max(1000)
  .refine(
    (s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s),
    'Contains characters that are not allowed',
  );

export const publishPolicySchema = z.strictObject({
  kind: z.literal('privacy'),
  version: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/, 'Letters, digits, dots, dashes; at most 20'),
  summary: z.string().trim().min(1).max(500),
  body: z.string().trim().min(1).max(60_000),
  effectiveAt: z.iso.datetime({ offset: true }),
});
export type PublishPolicyInput = z.infer<typeof publishPolicySchema>;
