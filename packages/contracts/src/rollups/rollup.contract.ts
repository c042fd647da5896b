import { z } from 'zod';
import { idSchema } from '../common/ids';
import { periodIdSchema } from '../reports/report.contract';

/**
 * Fixed: `GET /api/v1/rollups?indicator=CODE&period=2024S1&unitId=`. Added: `category=` — the total of one category of
 * a sum indicator broken down by category (members under 35: `indicator=HOI_VIEN&category=DUOI_35`).
 */
export const rollupQuerySchema = z
  .object({
    indicator: z.string().min(1).max(64),
    period: periodIdSchema,
    unitId: idSchema.optional(),
    category: z.string().min(1).max(32).optional(),
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

/** The day the 2025 reorganisation took effect (63 provinces merged into 34, district level abolished). */
export const REORGANISATION_DATE = '2025-07-01';

/** Last month of a period id (2024 → 12, 2024S1 → 6, 2024Q3 → 9, 202405 → 5). */
function periodEndMonth(period: string): number {
  const rest = period.slice(4);
  if (rest === '') return 12;
  if (rest[0] === 'S') return Number(rest[1]) * 6;
  if (rest[0] === 'Q') return Number(rest[1]) * 3;
  return Number(rest);
}

/** True when the period ends before the 2025 reorganisation, so its provinces can be shown as they were. */
export function isBeforeReorganisation(period: string): boolean {
  const year = Number(period.slice(0, 4));
  const [y, m] = REORGANISATION_DATE.split('-').map(Number) as [number, number];
  return year < y || (year === y && periodEndMonth(period) < m);
}

/**
 * How the central comparison shows provinces across the 2025 merger: `folded` — today's provinces (a period
 * before the merger counts the absorbed provinces' units in the province that took them over); `former` — for
 * a period before the merger, the provinces as they were then, each today's province split by the former
 * province each unit belonged to. Periods after the merger are always folded.
 */
export const centralViewSchema = z.enum(['folded', 'former']);
export type CentralView = z.infer<typeof centralViewSchema>;

/** Fixed: `GET /api/v1/central/comparison?indicator=CODE&period=2024S1` (optional `view`). */
export const comparisonQuerySchema = z
  .object({ indicator: z.string().min(1).max(64), period: periodIdSchema, view: centralViewSchema.optional() })
  .strict();
export type ComparisonQuery = z.infer<typeof comparisonQuerySchema>;

const codeList = (upper: boolean) =>
  z
    .string()
    .max(400)
    .optional()
    .transform((v) => (v ? v.split(',').map((t) => (upper ? t.trim().toUpperCase() : t.trim())).filter(Boolean) : undefined));

/** `GET /api/v1/central/series?indicator=CODE&periods=2023S2,2024S1&tenants=HN,DN&view=folded`. */
export const centralSeriesQuerySchema = z
  .object({
    indicator: z.string().min(1).max(64),
    periods: z
      .string()
      .max(400)
      .transform((v) => v.split(',').map((p) => p.trim()).filter(Boolean))
      .pipe(z.array(periodIdSchema).min(1).max(24)),
    tenants: codeList(true),
    view: centralViewSchema.optional(),
  })
  .strict();
export type CentralSeriesQuery = z.infer<typeof centralSeriesQuerySchema>;

/** `GET /api/v1/central/completeness?period=2024S1&view=folded`: reporting completeness per province. */
export const centralCompletenessQuerySchema = z.object({ period: periodIdSchema, view: centralViewSchema.optional() }).strict();
export type CentralCompletenessQuery = z.infer<typeof centralCompletenessQuerySchema>;

/** Counts of the national forms' reports of one province and period; no report or unit is named. */
export const centralCompletenessItemSchema = z.object({
  /** Today's tenant. */
  tenant: z.string(),
  /** Unique row key: the tenant code, or `HN:01` for a former province in the `former` view. */
  key: z.string(),
  name: z.string(),
  /** Official code of the former province (only in the `former` view). */
  formerProvince: z.string().nullable().optional(),
  expected: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  late: z.number().int(),
  /** submitted / expected in %, null when nothing is expected. */
  submittedRate: z.number().nullable(),
  approvedRate: z.number().nullable(),
});
export type CentralCompletenessItem = z.infer<typeof centralCompletenessItemSchema>;

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
  /** 1 for the highest value (ties share a rank); null without a value. */
  rank: z.number().int().nullable().optional(),
  /** The value of the previous period of the same kind (2024S1 → 2023S2). */
  previous: z.number().nullable().optional(),
  /** value − previous (percentage points for a percentage). */
  change: z.number().nullable().optional(),
  /** Unique row key: the tenant code, or `DN:49` for a former province in the `former` view. */
  key: z.string().optional(),
  /** Official code of the former province (only in the `former` view). */
  formerProvince: z.string().nullable().optional(),
});
export type ComparisonItem = z.infer<typeof comparisonItemSchema>;

/** `POST /api/v1/rollups/national-recompute`: a full recompute of a period for every active tenant (the nation). */
export const nationalRecomputeSchema = z.object({ period: periodIdSchema }).strict();

/** `GET /api/v1/rollups/national-recompute/:jobId`: the job's state, the whole and each tenant's progress, the result. */
export const nationalRecomputeStatusSchema = z.object({
  jobId: z.string(),
  period: z.string().nullable(),
  /** BullMQ's state: waiting, active, completed, failed, delayed … */
  state: z.string(),
  percent: z.number(),
  tenants: z.array(z.object({ code: z.string(), name: z.string(), state: z.enum(['waiting', 'active', 'completed']), percent: z.number(), values: z.number().int().nullable() })),
  result: z.object({ tenants: z.number().int(), values: z.number().int(), rollups: z.number().int(), seconds: z.number() }).nullable(),
});
export type NationalRecomputeStatus = z.infer<typeof nationalRecomputeStatusSchema>;

/** `POST /api/v1/rollups/reconcile`: reconcile now — the caller's tenant, or (`scope=nation`) every tenant. */
export const reconcileRequestSchema = z.object({ period: periodIdSchema.optional(), scope: z.enum(['tenant', 'nation']).optional() }).strict();
export type ReconcileRequest = z.infer<typeof reconcileRequestSchema>;

/** `GET /api/v1/rollups/reconciliation?period=&scope=`: the last reconciliation of the caller's tenant (or of each tenant). */
export const reconciliationQuerySchema = z.object({ period: periodIdSchema.optional(), scope: z.enum(['tenant', 'nation']).optional() }).strict();
export type ReconciliationQuery = z.infer<typeof reconciliationQuerySchema>;

/** One reconciliation of a tenant's period: counts only. */
export const reconciliationSchema = z.object({
  tenant: z.string(),
  tenantName: z.string(),
  period: z.string(),
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  rowsChecked: z.number().int(),
  mismatches: z.number().int(),
  details: z.object({ values: z.number().int(), rollups: z.number().int(), categories: z.number().int(), national: z.number().int() }).nullable(),
  /** A difference was found and the recompute that followed made the totals equal again. */
  repaired: z.boolean(),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;
