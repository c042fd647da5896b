import { z } from 'zod';
import { idSchema } from '../common/ids';

/**
 * Queue names and job payloads shared by the api (producer) and the worker (consumer). Payloads are
 * ids plus the tenant: a handler re-loads state and runs inside that tenant's context.
 */
export const QUEUES = {
  maintenance: 'maintenance',
  aggregation: 'aggregation',
  /** Generated documents (the summary report's DOCX): long work, kept apart from the aggregation hot path. */
  documents: 'documents',
} as const;

/** Apply one approved (or reopened) report's counted values to every ancestor's rollup: payload = ids. */
export const applyReportJobSchema = z.object({ tenantId: idSchema, outboxId: idSchema }).strict();
export type ApplyReportPayload = z.infer<typeof applyReportJobSchema>;

/** Recompute every rollup of a tenant (or, without tenantId, of every tenant) for a period, set-based. */
/**
 * A full recompute of a period, for one tenant or (no tenantId) every active one. `fromReports: false` rolls up
 * the counted values as they are (`unit_value`) without rebuilding them from the reports first — after a change of
 * the tree, or for a national data set loaded in bulk (the benchmark).
 */
export const recomputeJobSchema = z.object({ tenantId: idSchema.optional(), period: z.string().min(4).max(8), fromReports: z.boolean().optional() }).strict();
export type RecomputePayload = z.infer<typeof recomputeJobSchema>;

/**
 * Reconciliation: proves that the incrementally kept totals equal a full recompute, per tenant and period with counted
 * values (no tenantId: every active tenant; no period: every period), repairs a difference by recomputing that
 * tenant's period, records the result (rollup_reconciliation) and tells the platform administrators. Nightly, and on
 * demand from the rollups page.
 */
export const reconcileRollupsJobSchema = z
  .object({ tenantId: idSchema.optional(), period: z.string().min(4).max(8).optional(), trigger: z.enum(['nightly', 'on-demand']).default('nightly') })
  .strict();
export type ReconcileRollupsPayload = z.infer<typeof reconcileRollupsJobSchema>;

/**
 * The progress of a national recompute (no tenantId), as the job reports it: the whole, and each tenant's own line
 * (a one-tenant recompute reports a plain percentage).
 */
export const nationalRecomputeProgressSchema = z.object({
  percent: z.number(),
  tenants: z.array(
    z.object({ tenantId: z.string(), code: z.string(), name: z.string(), state: z.enum(['waiting', 'active', 'completed']), percent: z.number(), values: z.number().int().optional() }),
  ),
});
export type NationalRecomputeProgress = z.infer<typeof nationalRecomputeProgressSchema>;

export const purgeExpiredSessionsJobSchema = z.object({ tenantId: idSchema }).strict();
export type PurgeExpiredSessionsPayload = z.infer<typeof purgeExpiredSessionsJobSchema>;

/** Generate one summary report (báo cáo tổng hợp) whose row the api created: payload = ids. */
export const summaryReportJobSchema = z.object({ tenantId: idSchema, summaryReportId: idSchema }).strict();
export type SummaryReportPayload = z.infer<typeof summaryReportJobSchema>;

export const JOB_NAMES = {
  purgeExpiredSessions: 'purge-expired-sessions',
  scheduleMaintenance: 'schedule-maintenance',
  applyReport: 'apply-report',
  recompute: 'recompute',
  reconcileOutbox: 'reconcile-outbox',
  sendReminders: 'send-reminders',
  summaryReport: 'summary-report',
  reconcileRollups: 'reconcile-rollups',
} as const;

/** BullMQ rejects ':' in custom job ids; ids are built from parts joined with '__'. */
export function jobId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, '-')).join('__');
}
