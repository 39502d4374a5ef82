import { z } from '@hono/zod-openapi';
import { restrictionOutcomes } from '../../db/schema';

/** Free text without control characters (they would break CSV cells and staff banners). */
const reasonText = (required: string) =>
  z
    .string()
    .trim()
    .min(1, required)
    .max(1000)
    .refine(
      (s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s),
      'Contains characters that are not allowed',
    );

export const restrictionReasonSchema = reasonText('restriction.reason.required');

/** An admin's decision on a restriction: kept or lifted, always with a reason the person is told. */
export const restrictionDecisionSchema = z.strictObject({
  decision: z.enum(restrictionOutcomes),
  reason: reasonText('review.reason.required'),
});

export const publishPolicySchema = z.strictObject({
  kind: z.literal('privacy'),
  version: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/, 'Letters, digits, dots, dashes; at most 20')
    .openapi({ maxLength: 20 }),
  summary: z.string().trim().min(1).max(500),
  body: z.string().trim().min(1).max(60_000),
  effectiveAt: z.iso.datetime({ offset: true }).max(64),
});
export type PublishPolicyInput = z.infer<typeof publishPolicySchema>;
