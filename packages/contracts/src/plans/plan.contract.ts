import { z } from 'zod';
import { idSchema, isoDateSchema } from '../common/ids';
import { MAX_PAGE_SIZE } from '../common/pagination';

/**
 * Plans (Kế hoạch). `planContentSchema` mirrors @sen/plans' ImportedPlan — the FIXED shape of the import answer
 * `{"plan": {...}, "warnings": [...]}` — field for field; unknown extra fields (the importer's extras, or
 * `targets[].indicatorCode` chosen on the review screen) are kept as they are.
 */

export const PLAN_STATUSES = ['draft', 'in_review', 'issued', 'closed', 'superseded'] as const;
export const planStatusSchema = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof planStatusSchema>;

export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, { vi: string; en: string }>> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  in_review: { vi: 'Đang xem xét', en: 'In review' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  superseded: { vi: 'Đã được thay thế', en: 'Superseded' },
};

export const PLAN_PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;

/** An activity's progress (ActivityStatus of @sen/plans): planned until someone records otherwise on the issued plan. */
export const ACTIVITY_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const activityStatusSchema = z.enum(ACTIVITY_STATUSES);
export type ActivityStatusValue = z.infer<typeof activityStatusSchema>;
export const ACTIVITY_STATUS_LABELS: Readonly<Record<ActivityStatusValue, { vi: string; en: string }>> = {
  planned: { vi: 'Chưa thực hiện', en: 'Planned' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Đã thực hiện', en: 'Done' },
  cancelled: { vi: 'Huỷ', en: 'Cancelled' },
};

/** The levels an activity or a target may name. */
export const PLAN_LEVELS = ['province', 'district', 'grassroots', 'branch', 'group'] as const;

/**
 * A suggested indicator is taken for a target before the user looks only from this confidence on (the review
 * screen and the demo data apply the same rule); the others are offered as suggestions the user picks.
 */
export const PLAN_LINK_PREFILL_CONFIDENCE = 0.8;
export const planPeriodKindSchema = z.enum(PLAN_PERIOD_KINDS);
export type PlanPeriodKind = z.infer<typeof planPeriodKindSchema>;

export const PLAN_COMPARATORS = ['gte', 'gt', 'lte', 'eq', 'approx'] as const;
export const PLAN_DOCUMENT_KINDS = ['KH', 'CTr', 'ĐA', 'HD', 'PA', 'DA'] as const;

/** A real calendar day between 1900 and 2200 ("2024-02-30" is refused), as the database stores it. */
export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01' && s <= '2200-12-31';
}
export const planDateSchema = isoDateSchema.refine(isCalendarDate, 'must be a real date between 1900-01-01 and 2200-12-31');

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable().default(null);
const list = <T extends z.ZodType>(item: T, max = 5000) => z.array(item).max(max).default([]);
const isoDateOrNull = isoDateSchema.nullable().default(null);
const planDateOrNull = planDateSchema.nullable().default(null);

export const legalBasisSchema = z.looseObject({
  kind: nullableText(200),
  number: nullableText(100),
  date: isoDateOrNull,
  issuer: nullableText(1000),
  title: nullableText(5000),
  introducedBy: z.enum(['Thực hiện', 'Căn cứ']).nullable().optional(),
});

export const planTargetSchema = z.looseObject({
  text: text(5000),
  value: z.number().finite().nullable().default(null),
  unit: nullableText(100),
  comparator: z.enum(PLAN_COMPARATORS).nullable().default(null),
  level: nullableText(32),
  levels: z.array(z.string().max(32)).max(10).optional(),
  aggregation: z.enum(['total', 'ratio', 'perUnitMinimum', 'activityCount']).optional(),
  period: planPeriodKindSchema.nullable().optional(),
  subject: z.string().max(1000).nullable().optional(),
  section: z.string().max(1000).nullable().optional(),
  /** Extra (Sen): the indicator the target is measured by, chosen on the review screen. */
  indicatorCode: z.string().max(64).nullable().optional(),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

export interface PlanSection {
  heading: string;
  items: string[];
  children: PlanSection[];
  marker?: 'numbered' | '-' | '+' | '•';
  at?: number;
  [extra: string]: unknown;
}
export const planSectionSchema: z.ZodType<PlanSection, unknown> = z.lazy(() =>
  z.looseObject({
    heading: text(5000),
    items: list(text(50_000)),
    children: list(planSectionSchema, 1000),
    marker: z.enum(['numbered', '-', '+', '•']).optional(),
    at: z.number().int().min(0).optional(),
  }),
) as z.ZodType<PlanSection, unknown>;

export const planActivitySchema = z.looseObject({
  name: text(5000),
  time: z
    .looseObject({
      text: nullableText(500),
      from: planDateOrNull,
      to: planDateOrNull,
      recurrence: planPeriodKindSchema.nullable().optional(),
    })
    .default({ text: null, from: null, to: null }),
  leadUnits: list(text(1000), 200),
  cooperatingUnits: list(text(1000), 200),
  venue: z.string().max(1000).nullable().optional(),
  participants: z.number().int().min(0).nullable().optional(),
  level: z.enum(PLAN_LEVELS).nullable().optional(),
  items: z.array(text(5000)).max(500).optional(),
  status: activityStatusSchema.optional(),
});
export type PlanActivity = z.infer<typeof planActivitySchema>;

export const planAssignmentSchema = z.looseObject({
  unit: text(1000),
  role: z.enum(['lead', 'cooperating']).default('lead'),
  tasks: list(text(50_000), 1000),
});

export const planObligationSchema = z.looseObject({
  periodKind: planPeriodKindSchema,
  deadline: z
    .string()
    .regex(/^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])$/, 'must be a day and month DD/MM, e.g. 13/06')
    .nullable()
    .default(null),
  reportTo: nullableText(1000),
  reporter: z.string().max(1000).nullable().optional(),
});
export type PlanObligation = z.infer<typeof planObligationSchema>;

export const planSignatorySchema = z.looseObject({
  onBehalfOf: nullableText(200),
  title: nullableText(200),
  name: nullableText(200),
});

/** The plan structure (ImportedPlan of @sen/plans), as the importer gives it. */
export const planContentSchema = z.looseObject({
  number: nullableText(64),
  issuedOn: planDateOrNull,
  place: nullableText(200),
  title: z.string().trim().min(1).max(1000),
  legalBases: list(legalBasisSchema, 500),
  purposes: list(text(50_000), 1000),
  targets: list(planTargetSchema, 1000),
  sections: list(planSectionSchema, 1000),
  activities: list(planActivitySchema, 2000),
  fundingSources: list(text(1000), 200),
  assignments: list(planAssignmentSchema, 1000),
  reportingObligations: list(planObligationSchema, 200),
  recipients: list(text(1000), 500),
  signatory: planSignatorySchema.default({ onBehalfOf: null, title: null, name: null }),
  requirements: list(text(50_000), 1000),
  issuer: nullableText(1000),
  kind: z.enum(PLAN_DOCUMENT_KINDS).default('KH'),
  programme: nullableText(1000),
  parentBody: z.string().max(500).nullable().optional(),
  issuingBody: z.string().max(500).nullable().optional(),
  references: z.array(legalBasisSchema).max(500).optional(),
  fundingDetails: z.array(text(50_000)).max(500).optional(),
  footnotes: z.array(text(50_000)).max(500).optional(),
  closing: z.string().max(50_000).nullable().optional(),
});
export type PlanContent = z.infer<typeof planContentSchema>;
export type PlanContentInput = z.input<typeof planContentSchema>;

/**
 * The plan as a client sends it to be saved: every field of the import answer (and of its extras), with
 * unknown TOP-LEVEL keys dropped — the plan object is accepted as it is, but junk (`{"foo": 1}`) is not
 * stored. Nested parts keep their extras (e.g. `targets[].indicatorCode`).
 */
export const planContentInputSchema = z.object(planContentSchema.shape);

/** The import answer: exactly @sen/plans' ImportResult. */
export const planImportResultSchema = z.object({ plan: planContentSchema, warnings: z.array(z.string()) });
export type PlanImportResult = z.infer<typeof planImportResultSchema>;

/** `POST /api/v1/plans/import` with JSON: the text of a plan (the file itself goes as multipart field `file`). */
export const importPlanTextSchema = z.object({ text: z.string().max(2_000_000) }).strict();
export type ImportPlanText = z.infer<typeof importPlanTextSchema>;

export const PLAN_IMPORT_EXTENSIONS = ['.docx', '.txt', '.md'] as const;

/**
 * A body carrying a plan: `{"plan": {...}}` (the import answer's `plan` as it is; the answer's `warnings` may
 * come along and are ignored), or the plan object itself at the top level.
 */
function wrapPlan(extra: readonly string[]) {
  return (input: unknown): unknown => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
    const body = input as Record<string, unknown>;
    if ('plan' in body) return body;
    const plan: Record<string, unknown> = {};
    const out: Record<string, unknown> = { plan };
    for (const [k, v] of Object.entries(body)) (extra.includes(k) ? out : plan)[k] = v;
    return out;
  };
}

/** `POST /api/v1/plans`: the plan as imported, and the issuing unit (default: the actor's unit). */
export const createPlanSchema = z.preprocess(
  wrapPlan(['unitId']),
  z
    .object({
      plan: planContentInputSchema,
      unitId: idSchema.optional(),
      warnings: z.array(z.string()).optional(),
    })
    .strict(),
);
export type CreatePlan = z.infer<typeof createPlanSchema>;

/** `PUT /api/v1/plans/:id` (drafts only): the whole plan; `expectedVersion` refuses a stale edit with 409. */
export const updatePlanSchema = z.preprocess(
  wrapPlan(['expectedVersion']),
  z
    .object({
      plan: planContentInputSchema,
      expectedVersion: z.number().int().min(1).optional(),
      warnings: z.array(z.string()).optional(),
    })
    .strict(),
);
export type UpdatePlan = z.infer<typeof updatePlanSchema>;

const yearSchema = z.coerce.number().int().min(1900).max(2200);

export const planListQuerySchema = z.object({
  year: yearSchema.optional(),
  unitId: idSchema.optional(),
  status: planStatusSchema.optional(),
  programme: z.string().trim().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type PlanListQuery = z.infer<typeof planListQuerySchema>;

export const planListItemSchema = z.object({
  id: z.string(),
  symbol: z.string().nullable(),
  title: z.string(),
  status: planStatusSchema,
  issuedOn: z.string().nullable(),
  unitId: z.string(),
  programme: z.string().nullable(),
  year: z.number().int(),
});
export type PlanListItem = z.infer<typeof planListItemSchema>;
export const planListResponseSchema = z.object({ items: z.array(planListItemSchema), total: z.number().int() });
export type PlanListResponse = z.infer<typeof planListResponseSchema>;

export const planAllocationSchema = z.object({ targetIndex: z.number().int(), unitId: z.string(), value: z.number() });
export type PlanAllocation = z.infer<typeof planAllocationSchema>;

/** An activity's progress on an issued plan. */
export const planActivityProgressSchema = z.object({
  idx: z.number().int(),
  level: z.string().nullable(),
  status: activityStatusSchema,
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type PlanActivityProgress = z.infer<typeof planActivityProgressSchema>;

/** `GET /api/v1/plans/:id`. */
export const planDetailSchema = planListItemSchema.extend({
  unitName: z.string(),
  number: z.number().int().nullable(),
  kind: z.string(),
  issuingBody: z.string(),
  parentPlanId: z.string().nullable(),
  revisionOfId: z.string().nullable(),
  /** The revision that replaced this plan, when there is one. */
  revisedById: z.string().nullable(),
  currentVersion: z.number().int(),
  content: planContentSchema,
  allocations: z.array(planAllocationSchema),
  /** The progress of each activity (by its index in content.activities) and the level that holds it. */
  activityProgress: z.array(planActivityProgressSchema),
  /** Whether the caller may record the progress of its activities (an issued plan of a unit it covers). */
  canRecordProgress: z.boolean(),
  /** Statuses reachable from here (through POST /transition; superseded comes from issuing a revision). */
  allowedTransitions: z.array(planStatusSchema),
  editable: z.boolean(),
  /** Whether the caller may change this plan (role and unit scope). */
  canWrite: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const PLAN_TRANSITION_TARGETS = ['draft', 'in_review', 'issued', 'closed'] as const;
/** `POST /api/v1/plans/:id/transition`. Issuing allocates the number, creates activities and reporting obligations. */
export const planTransitionSchema = z.object({ to: z.enum(PLAN_TRANSITION_TARGETS) }).strict();
export type PlanTransition = z.infer<typeof planTransitionSchema>;

/** `POST /api/v1/plans/:id/derive`: a child unit's draft from this plan. */
export const derivePlanSchema = z.object({ unitId: idSchema }).strict();
export type DerivePlan = z.infer<typeof derivePlanSchema>;

/** `POST /api/v1/plans/:id/allocations`: the target's value split between units (must add up). */
export const planAllocationsSchema = z
  .object({
    targetIndex: z.number().int().min(0).max(999),
    allocations: z
      .array(z.object({ unitId: idSchema, value: z.number().finite().min(0).max(1e15) }).strict())
      .max(5000),
  })
  .strict();
export type PlanAllocations = z.infer<typeof planAllocationsSchema>;
export const planAllocationsResultSchema = z.object({
  targetIndex: z.number().int(),
  total: z.number(),
  allocated: z.number(),
  allocations: z.array(z.object({ unitId: z.string(), value: z.number() })),
});
export type PlanAllocationsResult = z.infer<typeof planAllocationsResultSchema>;

/** `POST /api/v1/plans/suggest-links`: indicators suggested for targets (best first per target). */
export const suggestLinksSchema = z
  .object({
    targets: z.array(z.looseObject({ text: z.string().max(5000), unit: z.string().max(100).nullable().optional() })).max(1000),
  })
  .strict();
export type SuggestLinks = z.infer<typeof suggestLinksSchema>;
export const indicatorLinkSchema = z.object({ targetIndex: z.number().int(), code: z.string(), confidence: z.number() });
export type IndicatorLink = z.infer<typeof indicatorLinkSchema>;

export const planChangeSchema = z.object({
  path: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  kind: z.enum(['added', 'removed', 'changed']),
});
export type PlanChange = z.infer<typeof planChangeSchema>;

/** `GET /api/v1/plans/:id/versions`: the versions of the plan and of the plans it revises, newest first. */
export const planVersionItemSchema = z.object({
  planId: z.string(),
  version: z.number().int(),
  event: z.string(),
  symbol: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** Changes from the version before (empty for the first). */
  changes: z.array(planChangeSchema),
});
export type PlanVersionItem = z.infer<typeof planVersionItemSchema>;
export const planVersionListSchema = z.object({ items: z.array(planVersionItemSchema), total: z.number().int() });
export type PlanVersionList = z.infer<typeof planVersionListSchema>;

/** `GET /api/v1/plans/calendar?from=&to=&unitId=`: activities of issued plans overlapping the range. */
export const planCalendarQuerySchema = z
  .object({
    from: planDateSchema.optional(),
    to: planDateSchema.optional(),
    unitId: idSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type PlanCalendarQuery = z.infer<typeof planCalendarQuerySchema>;

export const planCalendarItemSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planSymbol: z.string().nullable(),
  planTitle: z.string(),
  planStatus: planStatusSchema,
  unitId: z.string(),
  idx: z.number().int(),
  name: z.string(),
  timeText: z.string().nullable(),
  dateFrom: z.string(),
  dateTo: z.string(),
  level: z.string().nullable(),
  leadUnits: z.array(z.string()),
  cooperatingUnits: z.array(z.string()),
  status: z.string(),
  /** The day it was done, and the note recorded with its status. */
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  /** Whether the caller may record its progress (its units cover the plan's unit). */
  canRecord: z.boolean(),
});
export type PlanCalendarItem = z.infer<typeof planCalendarItemSchema>;
export const planCalendarResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(planCalendarItemSchema),
  total: z.number().int(),
});
export type PlanCalendarResponse = z.infer<typeof planCalendarResponseSchema>;

/**
 * `GET /api/v1/plans/obligations?unitId=`: what a unit must report because of issued plans, and by when;
 * `?planId=`: whom an issued plan binds (the units of the caller's subtrees), unit by unit.
 */
export const planObligationsQuerySchema = z.object({ unitId: idSchema.optional(), planId: idSchema.optional() });
export type PlanObligationsQuery = z.infer<typeof planObligationsQuerySchema>;

export const planObligationItemSchema = z.object({
  id: z.string(),
  planId: z.string(),
  planSymbol: z.string().nullable(),
  planTitle: z.string(),
  /** The year of the plan (its reports are of that year's periods). */
  planYear: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  periodKind: planPeriodKindSchema,
  deadline: z.string().nullable(),
  reportTo: z.string().nullable(),
  reporter: z.string().nullable(),
});
export type PlanObligationItem = z.infer<typeof planObligationItemSchema>;
export const planObligationsResponseSchema = z.object({ items: z.array(planObligationItemSchema), total: z.number().int() });
export type PlanObligationsResponse = z.infer<typeof planObligationsResponseSchema>;

/** `PUT /api/v1/plans/:id/activities/:idx/status`: path of one activity of a plan. */
export const planActivityParamSchema = z.object({ id: idSchema, idx: z.coerce.number().int().min(0).max(1999) });
export type PlanActivityParam = z.infer<typeof planActivityParamSchema>;

/**
 * `PUT /api/v1/plans/:id/activities/:idx/status` (issued plans: their content is read-only, their execution
 * is not): the status, the day it was done (status done; default today) and a note.
 */
export const setActivityStatusSchema = z
  .object({
    status: activityStatusSchema,
    doneOn: planDateSchema.nullable().optional(),
    note: z.string().trim().max(1000).nullable().optional(),
  })
  .strict()
  .refine((b) => b.status === 'done' || b.doneOn === undefined || b.doneOn === null, { message: 'doneOn is only for status done', path: ['doneOn'] });
export type SetActivityStatus = z.infer<typeof setActivityStatusSchema>;

/**
 * What the review screen does with the suggested indicators (and the demo data with it, so both follow one
 * rule): a target without an indicator takes its best suggestion when its confidence is at least
 * PLAN_LINK_PREFILL_CONFIDENCE; less confident ones stay suggestions for the user to pick.
 */
export function prefillIndicatorLinks<P extends { targets: readonly object[] }>(
  plan: P,
  links: readonly IndicatorLink[],
  min = PLAN_LINK_PREFILL_CONFIDENCE,
): P {
  const best = new Map<number, IndicatorLink>();
  for (const l of links) if ((best.get(l.targetIndex)?.confidence ?? -1) < l.confidence) best.set(l.targetIndex, l);
  return {
    ...plan,
    targets: plan.targets.map((t, i) => {
      const top = best.get(i);
      return !(t as { indicatorCode?: string | null }).indicatorCode && top && top.confidence >= min ? { ...t, indicatorCode: top.code } : t;
    }),
  };
}
