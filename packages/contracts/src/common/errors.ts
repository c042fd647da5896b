import { z } from 'zod';

/** One wrong field of a request: which one, and why (Vietnamese first, English second). */
export const fieldErrorSchema = z.object({
  field: z.string(),
  reason: z.string(),
  reasonEn: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The body of every error answer of the API. */
export const errorBodySchema = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  errors: z.array(fieldErrorSchema).optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
