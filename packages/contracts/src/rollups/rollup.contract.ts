import { z } from 'zod';
import { idSchema } from '../common/ids';
import { periodIdSchema } from '../reports/report.contract';

/** Fixed: `GET /api/v1/rollups?indicator=CODE&period=2024S1&unitId=`. */
export const rollupQuerySchema = z
  .object({
    indicator: z.string().min(1).max(64),
    period: periodIdSchema,
    unitId: idSchema.optional(),
  })
  .strict();
export type RollupQuery = z.infer<typeof rollupQuerySchema>;

/** Fixed: `{"value","numerator","denominator","unitsReporting","unitsExpected","updatedAt"}`. */
export const rollupResponseSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  unitsReporting: z.number().int(),
  unitsExpected: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type RollupResponse = z.infer<typeof rollupResponseSchema>;

/** Fixed: `GET /api/v1/central/comparison?indicator=CODE&period=2024S1`. */
export const comparisonQuerySchema = z
  .object({ indicator: z.string().min(1).max(64), period: periodIdSchema })
  .strict();

export const comparisonItemSchema = z.object({
  tenant: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  target: z.number().nullable(),
  achievement: z.number().nullable(),
  unitsReporting: z.number().int(),
  unitsExpected: z.number().int(),
});
export type ComparisonItem = z.infer<typeof comparisonItemSchema>;
