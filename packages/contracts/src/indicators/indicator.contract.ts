import { z } from 'zod';

export const AGGREGATIONS = ['sum', 'ratio', 'average', 'min', 'max', 'coverage', 'latest'] as const;
export const VALUE_TYPES = ['integer', 'decimal', 'percentage', 'boolean'] as const;

/** Fixed: `{"code","name","unit","valueType","kind","aggregation","national"}`. */
export const indicatorListItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  valueType: z.enum(VALUE_TYPES),
  kind: z.enum(['flow', 'stock']),
  aggregation: z.enum(AGGREGATIONS),
  national: z.boolean(),
});
export type IndicatorListItem = z.infer<typeof indicatorListItemSchema>;

export const createIndicatorSchema = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'must be UPPER_SNAKE_CASE, e.g. CLB_KHOI_NGHIEP'),
    name: z.string().trim().min(1).max(255),
    nameEn: z.string().trim().max(255).optional(),
    unit: z.string().trim().min(1).max(32),
    valueType: z.enum(VALUE_TYPES),
    kind: z.enum(['flow', 'stock']),
    aggregation: z.enum(AGGREGATIONS),
    weightIndicator: z.string().optional(),
    coverage: z.object({ level: z.string(), minimum: z.number() }).strict().optional(),
  })
  .strict();
export type CreateIndicator = z.infer<typeof createIndicatorSchema>;
