import { Injectable } from '@nestjs/common';
import type {
  CompletenessQuery,
  CompletenessResponse,
  PutReportValues,
  ReportDetail,
  ReportListItem,
  ReportListQuery,
  ReportStatus,
} from '@sen/contracts';
import { NATIONAL_NARRATIVE_HEADINGS } from '@sen/contracts';
import type { ReportFormEntity } from '@sen/db';
import { formatPeriodVi, type IndicatorDefinition } from '@sen/indicators';
import { hasRole, type Actor } from '../../core/auth/actor';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { AggregationQueue } from '../aggregation/aggregation-queue.service';
import { AuditService } from '../audit/audit.service';
import { OrgUnitRepository } from '../org-units/org-unit.repository';
import { isLate } from './report-deadline';
import { ReportFormService } from './report-form.service';
import { diffValues, historyBefore, normaliseValues, reportIssues, submissionErrors, type ReportIssue } from './report-values';
import { ReportLockedError, ReportInvalidError, ReportStatusConflictError, ReportVersionConflictError } from './report.exceptions';
import { ReportRepository, type ReportRow, type ValueRow } from './report.repository';

/** Roles that enter a unit's own values (within their scope). */
const ENTRY_ROLES = ['reporter', 'unit_manager', 'tenant_admin'] as const;
const EDITABLE: ReportStatus[] = ['draft', 'returned'];

type Step = { to: ReportStatus; from: ReportStatus[]; action: string; vi: string; en: string };
const STEPS: Record<'submit' | 'approve' | 'return' | 'reopen', Step> = {
  submit: { to: 'submitted', from: ['draft', 'returned'], action: 'report.submit', vi: 'gửi', en: 'submitted' },
  approve: { to: 'approved', from: ['submitted'], action: 'report.approve', vi: 'duyệt', en: 'approved' },
  return: { to: 'returned', from: ['submitted'], action: 'report.return', vi: 'trả lại', en: 'returned' },
  reopen: { to: 'returned', from: ['approved'], action: 'report.reopen', vi: 'mở lại', en: 'reopened' },
};

/**
 * A unit's report through its life: data entry (drafts may hold errors), submission (no errors, every warning
 * justified), approval or return by the parent level, reopening by the tenant administrator. Every status
 * change is one conditional UPDATE plus an outbox row in the same transaction; the aggregation job is
 * enqueued after the commit.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly repo: ReportRepository,
    private readonly forms: ReportFormService,
    private readonly units: OrgUnitRepository,
    private readonly audit: AuditService,
    private readonly queue: AggregationQueue,
  ) {}

  /** A report the actor may see, or 404 — the same answer for another tenant's id and for one outside the subtree. */
  async visibleReport(actor: Actor, id: string): Promise<ReportRow> {
    const report = await this.repo.findReport(id);
    if (!report || !(await this.units.isWithin(report.unitId, actor.unitIds))) throw new NotFoundError('Report', 'báo cáo');
    return report;
  }

  private async visibleUnit(actor: Actor, unitId: string): Promise<void> {
    if (!(await this.units.isWithin(unitId, actor.unitIds))) throw new NotFoundError('Unit', 'đơn vị');
  }

  async list(actor: Actor, q: ReportListQuery): Promise<{ items: ReportListItem[]; total: number }> {
    if (q.unitId) await this.visibleUnit(actor, q.unitId);
    return this.repo.list(q, q.unitId ? [q.unitId] : actor.unitIds);
  }

  async get(actor: Actor, id: string): Promise<ReportDetail> {
    return this.detail(await this.visibleReport(actor, id));
  }

  async history(actor: Actor, id: string) {
    await this.visibleReport(actor, id);
    const items = await this.repo.changes(id);
    return { items: items.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })), total: items.length };
  }

  /** Issues of the report as it is stored, with outliers against the unit's earlier approved reports. */
  private async issuesOf(report: ReportRow, values: ValueRow[], defs: Map<string, IndicatorDefinition>): Promise<ReportIssue[]> {
    const history = historyBefore(report.period, await this.repo.approvedHistory(report.formId, report.unitId, report.id));
    return reportIssues(values, defs, history);
  }

  private async detail(report: ReportRow, known?: { form: ReportFormEntity; defs: Map<string, IndicatorDefinition> }): Promise<ReportDetail> {
    const form = known?.form ?? (await this.forms.byId(report.formId));
    const defs = known?.defs ?? (await this.forms.definitionsOf(form));
    const values = await this.repo.values([report.id]);
    const issues = await this.issuesOf(report, values, defs);
    return {
      id: report.id,
      unitId: report.unitId,
      period: report.period,
      formCode: report.formCode,
      status: report.status,
      deadline: report.deadline,
      formId: report.formId,
      unitName: report.unitName,
      formName: report.formName,
      periodLabel: formatPeriodVi(report.period),
      late: report.late,
      submittedAt: report.submittedAt?.toISOString() ?? null,
      approvedAt: report.approvedAt?.toISOString() ?? null,
      approvedBy: report.approvedBy,
      returnComment: report.returnComment,
      narrative: report.narrative,
      narrativeSections: form.narrativeSections?.length ? form.narrativeSections : [...NATIONAL_NARRATIVE_HEADINGS],
      warningComments: report.warningComments,
      version: report.version,
      indicators: [...defs.values()].map((d) => ({ code: d.code, name: d.name, unit: d.unit, valueType: d.valueType, kind: d.kind, aggregation: d.aggregation })),
      values: values.map((v) => ({ indicator: v.indicator, category: v.category, value: v.value, numerator: v.numerator, denominator: v.denominator })),
      issues,
    };
  }

  private assertCanEnter(actor: Actor): void {
    if (!hasRole(actor, ...ENTRY_ROLES)) throw new ForbiddenError('Bạn không có quyền nhập số liệu báo cáo', 'You are not allowed to enter report values');
  }

  /**
   * Saves values (partial: indicators not sent keep their values; null clears one), narrative and warning
   * comments of a draft or returned report. The save succeeds even when the values have issues; the answer
   * lists them.
   */
  async saveValues(actor: Actor, id: string, body: PutReportValues): Promise<ReportDetail> {
    const report = await this.visibleReport(actor, id);
    this.assertCanEnter(actor);
    if (!EDITABLE.includes(report.status)) throw new ReportLockedError(report.status);
    if (body.version !== undefined && body.version !== report.version) throw new ReportVersionConflictError(body.version, report.version);
    const form = await this.forms.byId(report.formId);
    const defs = await this.forms.definitionsOf(form);
    const { rows, errors } = normaliseValues(body.values, defs, form.name, (i) => `values.${i}`);
    for (const key of Object.keys(body.warningComments ?? {})) {
      if (!defs.has(key) && !/^[A-Z][A-Z0-9_]*$/.test(key)) {
        errors.push({ field: `warningComments.${key}`, reason: 'cần là mã chỉ số hoặc mã quy tắc', reasonEn: 'must be an indicator or rule code' });
      }
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);

    await this.repo.transaction(async (m) => {
      const locked = await this.repo.findReport(id, m, true);
      if (!locked) throw new NotFoundError('Report', 'báo cáo');
      if (!EDITABLE.includes(locked.status)) throw new ReportLockedError(locked.status);
      if (body.version !== undefined && body.version !== locked.version) throw new ReportVersionConflictError(body.version, locked.version);
      const { upserts, deletes, changes } = diffValues(id, rows, await this.repo.values([id], m));
      await this.repo.upsertValues(upserts, m);
      await this.repo.deleteValues(deletes, m);
      await this.repo.insertChanges(changes, m);
      await this.repo.markEdited([id], m, { narrative: body.narrative, warningComments: body.warningComments });
      await this.audit.record(
        {
          action: 'report.values',
          entity: 'report',
          entityId: id,
          unitId: locked.unitId,
          before: { version: locked.version, status: locked.status },
          after: {
            version: locked.version + 1,
            changed: changes.map((c) => ({ indicator: c.indicator, category: c.category, from: c.oldValue, to: c.newValue })),
            narrative: body.narrative !== undefined,
            warningComments: body.warningComments !== undefined,
          },
        },
        m,
      );
    });
    return this.detail((await this.repo.findReport(id))!, { form, defs });
  }

  /** Submission: refused while the report has errors or unexplained warnings; late after the deadline day (UTC+7). */
  async submit(actor: Actor, id: string): Promise<ReportDetail> {
    const report = await this.visibleReport(actor, id);
    this.assertCanEnter(actor);
    if (!STEPS.submit.from.includes(report.status)) throw new ReportStatusConflictError(report.status, STEPS.submit.vi, STEPS.submit.en);
    const form = await this.forms.byId(report.formId);
    const defs = await this.forms.definitionsOf(form);
    const values = await this.repo.values([id]);
    const errors = submissionErrors(await this.issuesOf(report, values, defs), report.warningComments);
    if (values.length === 0) errors.unshift({ field: 'values', reason: 'báo cáo chưa có số liệu nào', reasonEn: 'the report has no values' });
    if (errors.length > 0) throw new ReportInvalidError(errors);
    const now = new Date();
    await this.step(actor, report, STEPS.submit, { status: 'submitted', late: isLate(report.deadline, now), submittedAt: now });
    return this.detail((await this.repo.findReport(id))!, { form, defs });
  }

  async approve(actor: Actor, id: string): Promise<ReportDetail> {
    const report = await this.decidable(actor, id, STEPS.approve);
    await this.step(actor, report, STEPS.approve, { status: 'approved', approvedAt: new Date(), approvedBy: actor.userId });
    return this.detail((await this.repo.findReport(id))!);
  }

  async returnReport(actor: Actor, id: string, comment: string): Promise<ReportDetail> {
    const report = await this.decidable(actor, id, STEPS.return);
    await this.step(actor, report, STEPS.return, { status: 'returned', returnComment: comment }, { comment });
    return this.detail((await this.repo.findReport(id))!);
  }

  /** Tenant administrators only (the route says so): an approved report goes back to the unit, audited with the reason. */
  async reopen(actor: Actor, id: string, reason: string): Promise<ReportDetail> {
    if (!hasRole(actor, 'tenant_admin')) throw new ForbiddenError();
    const report = await this.visibleReport(actor, id);
    if (!STEPS.reopen.from.includes(report.status)) throw new ReportStatusConflictError(report.status, STEPS.reopen.vi, STEPS.reopen.en);
    await this.step(actor, report, STEPS.reopen, { status: 'returned', returnComment: reason, approvedAt: null, approvedBy: null }, { reason });
    return this.detail((await this.repo.findReport(id))!);
  }

  /** Approve and return: the parent level decides, i.e. a manager or administrator of a STRICT ancestor. */
  private async decidable(actor: Actor, id: string, step: Step): Promise<ReportRow> {
    const report = await this.visibleReport(actor, id);
    if (!hasRole(actor, 'unit_manager', 'tenant_admin') || !(await this.repo.canDecide(actor.userId, report.unitId))) {
      throw new ForbiddenError(
        `Chỉ cấp trên của đơn vị báo cáo mới được ${step.vi} báo cáo`,
        `Only a manager of a unit above the reporting unit may mark the report ${step.en}`,
      );
    }
    if (!step.from.includes(report.status)) throw new ReportStatusConflictError(report.status, step.vi, step.en);
    return report;
  }

  /**
   * One status change: a conditional UPDATE (status and version as read), the outbox row and the audit entry
   * in one transaction; the aggregation job is enqueued after the commit. The loser of a race gets 409.
   */
  private async step(
    actor: Actor,
    report: ReportRow,
    step: Step,
    set: Parameters<ReportRepository['transition']>[3],
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const outboxId = await this.repo.transaction(async (m) => {
      const applied = await this.repo.transition(report.id, step.from, report.version, set, m);
      if (!applied) {
        const now = await this.repo.findReport(report.id, m);
        if (now && !step.from.includes(now.status)) throw new ReportStatusConflictError(now.status, step.vi, step.en);
        throw new ReportVersionConflictError(report.version, now?.version ?? report.version);
      }
      const id = await this.repo.insertOutbox(report.id, report.version + 1, m);
      await this.audit.record(
        {
          action: step.action,
          entity: 'report',
          entityId: report.id,
          unitId: report.unitId,
          before: { status: report.status, version: report.version },
          after: { status: step.to, version: report.version + 1, ...(set.late !== undefined ? { late: set.late } : {}), ...extra },
        },
        m,
      );
      return id;
    });
    await this.queue.enqueueApply(actor.tenantId, [outboxId]);
  }

  /**
   * Who has reported, per level of the reporting units, per child of the unit asked for, and who is missing —
   * set-based over the closure table. Expected = the reports due (instances) in the subtree.
   */
  async completeness(actor: Actor, q: CompletenessQuery): Promise<CompletenessResponse> {
    if (q.unitId) await this.visibleUnit(actor, q.unitId);
    const form = await this.forms.byCode(q.formCode);
    this.forms.assertPeriodKind(form, q.period);
    const scope = q.unitId ? [q.unitId] : actor.unitIds;
    const childrenOf = q.unitId ?? (actor.unitIds.length === 1 ? actor.unitIds[0]! : null);
    const result = await this.repo.completeness(q.period, form.code, scope, childrenOf);
    return { period: q.period, formCode: form.code, ...result };
  }
}
