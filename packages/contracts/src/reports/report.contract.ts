import { z } from 'zod';
import { idSchema } from '../common/ids';

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const REPORT_STATUS_LABELS_VI: Record<ReportStatus, string> = {
  draft: 'Đang nhập',
  submitted: 'Đã gửi',
  approved: 'Đã duyệt',
  returned: 'Bị trả lại',
};

/** DHIS2-style period ids: 2024, 2024S1, 2024Q3, 202406. */
export const periodIdSchema = z.string().regex(/^\d{4}(S[12]|Q[1-4]|(0[1-9]|1[0-2]))?$/, 'must be a period such as 2024, 2024S1, 2024Q2 or 202406');

/** Fixed: `GET /api/v1/reports?period=2024S1&unitId=`. */
export const reportListQuerySchema = z
  .object({
    period: periodIdSchema.optional(),
    unitId: idSchema.optional(),
    status: reportStatusSchema.optional(),
    formCode: z.string().max(32).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

/** Fixed list item: `{"id","unitId","period","formCode","status","deadline"}`. */
export const reportListItemSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  period: z.string(),
  formCode: z.string(),
  status: reportStatusSchema,
  deadline: z.string(),
});
export type ReportListItem = z.infer<typeof reportListItemSchema>;

const finite = z.number().finite().min(-1e15).max(1e15);

/** Fixed: `{"indicator":"CODE","value":12}` or `{"indicator":"CODE","numerator":9,"denominator":10}`. */
export const reportValueInputSchema = z.union([
  z.object({ indicator: z.string().min(1).max(64), value: finite.nullable(), category: z.string().max(32).optional() }).strict(),
  z.object({ indicator: z.string().min(1).max(64), numerator: finite.nullable(), denominator: finite.nullable(), category: z.string().max(32).optional() }).strict(),
]);
export type ReportValueInput = z.infer<typeof reportValueInputSchema>;

export const putReportValuesSchema = z
  .object({
    values: z.array(reportValueInputSchema).max(500),
    narrative: z.record(z.string().max(64), z.string().max(20000)).optional(),
    /** Comments that justify warnings (outliers), by indicator code. */
    warningComments: z.record(z.string().max(64), z.string().max(2000)).optional(),
    /** The version the client edited (optimistic locking); omitted = last writer wins. */
    version: z.number().int().min(0).optional(),
  })
  .strict();
export type PutReportValues = z.infer<typeof putReportValuesSchema>;

export const returnReportSchema = z.object({ comment: z.string().trim().min(1).max(2000) }).strict();
export const reopenReportSchema = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();

export const validationIssueSchema = z.object({
  indicator: z.string(),
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  messageEn: z.string(),
});
export type ValidationIssueDto = z.infer<typeof validationIssueSchema>;

// ───────────────────────── Additions (not part of the fixed shapes above) ─────────────────────────

export const REPORT_PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export const reportPeriodKindSchema = z.enum(REPORT_PERIOD_KINDS);

/**
 * When a form's reports are due: a fixed day (`{day: 13, month: 6}`, `yearOffset: 1` for the next year) or a
 * number of days after the period's end. For half-year, quarterly and monthly forms a fixed day names the due
 * date of the FIRST period of the year; later periods move by whole periods (13/06 for S1 → 13/12 for S2).
 */
export const deadlineRuleSchema = z.union([
  z
    .object({
      day: z.number().int().min(1).max(31),
      month: z.number().int().min(1).max(12),
      yearOffset: z.number().int().min(0).max(1).optional(),
    })
    .strict(),
  z.object({ daysAfterEnd: z.number().int().min(0).max(366) }).strict(),
]);
export type DeadlineRuleDto = z.infer<typeof deadlineRuleSchema>;

export const reportFormCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, 'must be 2–32 upper-case letters, digits, "-" or "_", e.g. HN-QUY');

/** `POST /api/v1/report-forms` (tenant_admin). */
export const createReportFormSchema = z
  .object({
    code: reportFormCodeSchema,
    name: z.string().trim().min(1).max(255),
    periodKind: reportPeriodKindSchema,
    indicatorCodes: z.array(z.string().min(1).max(64)).min(1).max(500),
    deadlineRule: deadlineRuleSchema,
    reportingLevel: z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, 'must be a level code such as grassroots'),
  })
  .strict();
export type CreateReportForm = z.infer<typeof createReportFormSchema>;

export const reportFormSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  periodKind: reportPeriodKindSchema,
  indicatorCodes: z.array(z.string()),
  deadlineRule: deadlineRuleSchema,
  reportingLevel: z.string(),
  national: z.boolean(),
});
export type ReportFormDto = z.infer<typeof reportFormSchema>;

/** `POST /api/v1/report-forms/:id/instances`: a draft report for every unit of the form's level. */
export const createReportInstancesSchema = z.object({ period: periodIdSchema }).strict();
export type CreateReportInstances = z.infer<typeof createReportInstancesSchema>;
export const reportInstancesResultSchema = z.object({ created: z.number().int(), existing: z.number().int(), deadline: z.string() });

export const reportValueSchema = z.object({
  indicator: z.string(),
  /** '' for the total, a category code for a disaggregated value. */
  category: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type ReportValueDto = z.infer<typeof reportValueSchema>;

export const reportIndicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  valueType: z.string(),
  kind: z.string(),
  aggregation: z.string(),
});

/**
 * The narrative headings of a report (phần thuyết minh): the keys of its `narrative`, in order. A form carries
 * its own (a plan's report form: PLAN_REPORT_HEADINGS); a form without its own (the national ones, a tenant's)
 * is written under the national headings. The summary report quotes them heading by heading.
 */
export const NATIONAL_NARRATIVE_HEADINGS = ['Kết quả nổi bật', 'Tồn tại, hạn chế', 'Phương hướng, nhiệm vụ thời gian tới', 'Đề xuất, kiến nghị'] as const;
/** The headings of the report of a plan's execution (báo cáo kết quả thực hiện Kế hoạch). */
export const PLAN_REPORT_HEADINGS = ['Công tác chỉ đạo, triển khai', 'Kết quả thực hiện', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị'] as const;
/** English labels of the usual headings (a tenant's own headings are shown as written). */
export const NARRATIVE_HEADINGS_EN: Readonly<Record<string, string>> = {
  'Kết quả nổi bật': 'Main results',
  'Tồn tại, hạn chế': 'Shortcomings',
  'Phương hướng, nhiệm vụ thời gian tới': 'Next tasks',
  'Công tác chỉ đạo, triển khai': 'Direction and roll-out',
  'Kết quả thực hiện': 'Results',
  'Khó khăn, vướng mắc': 'Difficulties',
  'Đề xuất, kiến nghị': 'Proposals',
};

/** `GET /api/v1/reports/:id` (and the answer of every write on a report). */
export const reportDetailSchema = reportListItemSchema.extend({
  formId: z.string(),
  unitName: z.string(),
  formName: z.string(),
  periodLabel: z.string(),
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  returnComment: z.string().nullable(),
  narrative: z.record(z.string(), z.string()).nullable(),
  /** The form's narrative headings (the keys `narrative` is written under), in order. */
  narrativeSections: z.array(z.string()),
  warningComments: z.record(z.string(), z.string()).nullable(),
  version: z.number().int(),
  indicators: z.array(reportIndicatorSchema),
  values: z.array(reportValueSchema),
  issues: z.array(validationIssueSchema),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

export const reportHistoryItemSchema = z.object({
  id: z.string(),
  indicator: z.string(),
  category: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  createdAt: z.string(),
});

/** `GET /api/v1/reports/completeness?period=2024S1&formCode=QG-6T&unitId=`. */
export const completenessQuerySchema = z
  .object({ period: periodIdSchema, formCode: z.string().min(1).max(32), unitId: idSchema.optional() })
  .strict();
export type CompletenessQuery = z.infer<typeof completenessQuerySchema>;

/**
 * expected: reports due (instances) in the subtree; submitted: those submitted or approved; approved; late:
 * submitted after the deadline. expected = submitted + missing, approved ≤ submitted.
 */
export const completenessCountsSchema = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  late: z.number().int(),
});

/** A report handed in (submitted or approved) after its deadline: how many days after, in Vietnam's calendar. */
export const lateReportSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentName: z.string().nullable(),
  reportId: z.string(),
  status: reportStatusSchema,
  submittedAt: z.string(),
  deadline: z.string(),
  daysLate: z.number().int(),
});
export type LateReport = z.infer<typeof lateReportSchema>;

export const completenessResponseSchema = z.object({
  period: z.string(),
  formCode: z.string(),
  overall: completenessCountsSchema,
  /** By the level of the reporting units. */
  levels: z.array(completenessCountsSchema.extend({ level: z.string() })),
  /** By child of the unit asked for (when one unit is asked for or the actor has one scope unit). */
  children: z.array(completenessCountsSchema.extend({ unitId: z.string(), name: z.string() })),
  /** Units whose report is not submitted (draft or returned). */
  missing: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      parentName: z.string().nullable(),
      reportId: z.string(),
      status: reportStatusSchema,
      /** Who to call at the unit (null when the unit has none on record). */
      contactName: z.string().nullable(),
      contactPhone: z.string().nullable(),
      contactEmail: z.string().nullable(),
    }),
  ),
  /** Units whose report was handed in after its deadline, latest first (the API always sends it). */
  late: z.array(lateReportSchema).optional(),
});
export type CompletenessResponse = z.infer<typeof completenessResponseSchema>;

/** `PUT /api/v1/reports/bulk-values`: a parent unit enters its child units' values, all rows or none. */
export const bulkValuesSchema = z
  .object({
    period: periodIdSchema,
    formCode: z.string().min(1).max(32),
    rows: z
      .array(z.object({ unitId: idSchema, values: z.array(reportValueInputSchema).min(1).max(500) }).strict())
      .min(1)
      .max(5000),
  })
  .strict();
export type BulkValues = z.infer<typeof bulkValuesSchema>;

/** `POST /api/v1/reports/bulk-values/import?period=2024S1&formCode=QG-6T` (multipart `file`, XLSX). */
export const bulkImportQuerySchema = z.object({ period: periodIdSchema, formCode: z.string().min(1).max(32) }).strict();
export type BulkImportQuery = z.infer<typeof bulkImportQuerySchema>;

export const bulkValuesResultSchema = z.object({
  saved: z.number().int(),
  reports: z.array(
    z.object({
      reportId: z.string(),
      unitId: z.string(),
      version: z.number().int(),
      errors: z.number().int(),
      warnings: z.number().int(),
      /** The issues of the saved values, per indicator, so that a grid shows each at its cell. */
      issues: z.array(validationIssueSchema),
    }),
  ),
});
export type BulkValuesResult = z.infer<typeof bulkValuesResultSchema>;

/** `GET /api/v1/reports/bulk-values?period=2024S1&formCode=QG-6T` and `…/bulk-values/template.xlsx`. */
export const bulkGridQuerySchema = z.object({ period: periodIdSchema, formCode: z.string().min(1).max(32) }).strict();
export type BulkGridQuery = z.infer<typeof bulkGridQuerySchema>;

/** The grid of bulk entry: the form's indicators, and one row per child unit the caller manages. */
export const bulkGridSchema = z.object({
  period: z.string(),
  periodLabel: z.string(),
  formCode: z.string(),
  formName: z.string(),
  indicators: z.array(reportIndicatorSchema),
  rows: z.array(
    z.object({
      unitId: z.string(),
      unitCode: z.string().nullable(),
      unitName: z.string(),
      parentName: z.string().nullable(),
      reportId: z.string(),
      status: reportStatusSchema,
      version: z.number().int(),
      values: z.array(reportValueSchema),
      /** The national checks on the stored values (errors and warnings), per indicator. */
      issues: z.array(validationIssueSchema),
    }),
  ),
});
export type BulkGrid = z.infer<typeof bulkGridSchema>;
export type BulkGridRow = BulkGrid['rows'][number];
