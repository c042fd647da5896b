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
