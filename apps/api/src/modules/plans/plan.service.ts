import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ACTIVITY_STATUS_LABELS,
  foldVietnamese,
  planContentSchema,
  type CreatePlan,
  type DerivePlan,
  type FieldError,
  type PlanAllocations,
  type PlanAllocationsResult,
  type PlanCalendarQuery,
  type PlanCalendarResponse,
  type PlanChange,
  type PlanContent,
  type PlanDetail,
  type PlanListItem,
  type PlanListQuery,
  type PlanListResponse,
  type PlanObligationsQuery,
  type PlanObligationsResponse,
  type PlanStatus,
  type PlanTransition,
  type PlanVersionList,
  type SetActivityStatus,
  type UpdatePlan,
  type PlanActivityProgress,
  type PlanPeriodKind,
} from '@sen/contracts';
import type { PlanEntity } from '@sen/db';
import { TenantContext, type DeadlineRuleJson } from '@sen/db';
import { parsePeriod } from '@sen/indicators';
import {
  allowedTransitions,
  canTransition,
  derivePlan,
  diffPlans,
  exportPlanDocx,
  formatDocumentSymbol,
  formatVietnameseNumber,
  isEditable,
  PlanTransitionError,
  validateAllocation,
  type ImportedPlan,
} from '@sen/plans';
import { hasRole, type Actor } from '../../core/auth/actor';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { buildWorkbook } from '../../core/http/spreadsheet';
import { AuditService } from '../audit/audit.service';
import { IndicatorService } from '../indicators/indicator.service';
import { OrgUnitRepository } from '../org-units/org-unit.repository';
import { nationalForms } from '../reports/national-forms';
import { reportDeadline } from '../reports/report-deadline';
import { ReportRepository } from '../reports/report.repository';
import {
  activityRows,
  contentDisposition,
  DOCX_CONTENT_TYPE,
  exportFilename,
  fitsPlaces,
  normaliseContent,
  obligatedUnitsOf,
  PLAN_REPORT_SECTIONS,
  planColumns,
  planFormSpecs,
  type PlanColumns,
} from './plan-content';
import {
  PlanActivityNotFoundError,
  PlanNotIssuedError,
  PlanNumberTakenError,
  PlanReadOnlyError,
  PlanRevisionExistsError,
  PlanTransitionNotAllowedError,
  PlanVersionConflictError,
} from './plan.exceptions';
import { PlanRepository, type CandidateUnit, type ObligationRow, type PlanScope } from './plan.repository';

const today = (): string => new Date().toISOString().slice(0, 10);

/** The reporting_obligation rows: each obligation for each unit it binds that is valid during the plan's year. */
function obligationRows(content: PlanContent, bound: Map<number, CandidateUnit[]>, year: number): ObligationRow[] {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return content.reportingObligations.flatMap((o, idx) =>
    (bound.get(idx) ?? [])
      .filter((u) => (u.validFrom === null || u.validFrom <= to) && (u.validTo === null || u.validTo >= from))
      .map((u) => ({
        idx,
        unitId: u.id,
        periodKind: o.periodKind,
        deadline: o.deadline,
        reportTo: o.reportTo ? o.reportTo.slice(0, 500) : null,
        reporter: o.reporter ? o.reporter.slice(0, 500) : null,
      })),
  );
}
const WRITERS = ['tenant_admin', 'unit_manager'] as const;
/** Who records the progress of activities (of plans of units their own units cover). */
const RECORDERS = ['tenant_admin', 'unit_manager', 'reporter'] as const;

const asImported = (c: PlanContent | Record<string, unknown>): ImportedPlan => c as unknown as ImportedPlan;
const changes = (a: PlanContent | Record<string, unknown>, b: PlanContent | Record<string, unknown>): PlanChange[] =>
  diffPlans(asImported(a), asImported(b)) as PlanChange[];

/** MariaDB/MySQL "Deadlock found": the transaction was rolled back and can simply run again. */
function isDeadlock(e: unknown): boolean {
  const err = e as { errno?: number; code?: string; driverError?: { errno?: number; code?: string } } | null;
  return err?.errno === 1213 || err?.code === 'ER_LOCK_DEADLOCK' || err?.driverError?.errno === 1213 || err?.driverError?.code === 'ER_LOCK_DEADLOCK';
}

interface NewPlan {
  content: PlanContent;
  unitId: string;
  parentPlanId?: string | null;
  revisionOfId?: string | null;
  version?: number;
  event: 'created' | 'derived' | 'revised';
  diff?: PlanChange[] | null;
  year?: number;
}

/**
 * Use cases of plans. Reading: every role, for plans of the actor's subtrees and of their ancestors (a
 * commune reads the city's plan it must carry out). Writing: tenant_admin and unit_manager, for plans of
 * their subtrees. Unit and plan ids outside what the actor may see answer 404, whatever the reason.
 */
@Injectable()
export class PlanService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly units: OrgUnitRepository,
    private readonly audit: AuditService,
    private readonly reports: ReportRepository,
    private readonly indicators: IndicatorService,
  ) {}

  // ───────────── access ─────────────

  private scope(actor: Actor): PlanScope {
    return { subtreeOf: actor.unitIds, ancestorsOf: actor.unitIds };
  }

  private assertWriter(actor: Actor): void {
    if (!hasRole(actor, ...WRITERS)) throw new ForbiddenError('Bạn không có quyền soạn hoặc ban hành kế hoạch', 'You are not allowed to write plans');
  }

  /** A unit of the actor's subtrees, or 404. */
  private async ownUnit(actor: Actor, id: string, field = 'unitId') {
    const unit = await this.units.findById(id);
    if (!unit || !(await this.units.isWithin(id, actor.unitIds))) {
      throw new NotFoundError('Unit', `đơn vị (${field})`);
    }
    return unit;
  }

  async visiblePlan(actor: Actor, id: string): Promise<PlanEntity> {
    const plan = await this.plans.findById(id);
    if (!plan || !(await this.plans.unitInScope(plan.unitId, this.scope(actor)))) throw new NotFoundError('Plan', 'kế hoạch');
    return plan;
  }

  private async canWrite(actor: Actor, plan: PlanEntity): Promise<boolean> {
    return hasRole(actor, ...WRITERS) && (await this.units.isWithin(plan.unitId, actor.unitIds));
  }

  /** A plan the actor may change: 403 for readers, 404 when it cannot see it, 403 for a plan of a unit above. */
  private async writablePlan(actor: Actor, id: string): Promise<PlanEntity> {
    this.assertWriter(actor);
    const plan = await this.visiblePlan(actor, id);
    if (!(await this.units.isWithin(plan.unitId, actor.unitIds))) {
      throw new ForbiddenError('Kế hoạch của đơn vị cấp trên: bạn chỉ được xem', "A plan of a unit above yours: you may only read it");
    }
    return plan;
  }

  private columns(content: PlanContent, year?: number): PlanColumns {
    const errors: FieldError[] = [];
    const cols = planColumns(content, errors, year);
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return cols;
  }

  private assertTransition(from: PlanStatus, to: PlanStatus): void {
    if (!canTransition(from, to)) {
      const e = new PlanTransitionError(from, to);
      throw new PlanTransitionNotAllowedError(e.message, from, to, allowedTransitions(from));
    }
  }

  private async withDeadlockRetry<R>(fn: () => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (!isDeadlock(e) || attempt >= 4) throw e;
        await new Promise((r) => setTimeout(r, 10 * attempt + Math.floor(Math.random() * 20)));
      }
    }
  }

  // ───────────── reading ─────────────

  private listItem(p: PlanEntity): PlanListItem {
    return { id: p.id, symbol: p.symbol, title: p.title, status: p.status, issuedOn: p.issuedOn, unitId: p.unitId, programme: p.programme, year: Number(p.year) };
  }

  async list(actor: Actor, q: PlanListQuery): Promise<PlanListResponse> {
    let scope = this.scope(actor);
    if (q.unitId) {
      await this.ownUnit(actor, q.unitId);
      scope = { subtreeOf: [q.unitId], ancestorsOf: [] };
    }
    const { items, total } = await this.plans.list(scope, {
      year: q.year,
      status: q.status,
      programme: q.programme ? foldVietnamese(q.programme) : undefined,
      q: q.q ? foldVietnamese(q.q) : undefined,
      limit: q.limit,
      offset: q.offset,
    });
    return { items: items.map((p) => this.listItem(p)), total };
  }

  async get(actor: Actor, id: string): Promise<PlanDetail> {
    return this.detail(actor, await this.visiblePlan(actor, id));
  }

  private async detail(actor: Actor, p: PlanEntity): Promise<PlanDetail> {
    const [names, allocations, revision, canWrite, activityProgress] = await Promise.all([
      this.plans.unitNames([p.unitId]),
      this.plans.allocations(p.id),
      this.plans.revisionOf(p.id),
      this.canWrite(actor, p),
      this.plans.activitiesOf(p.id),
    ]);
    return {
      ...this.listItem(p),
      unitName: names.get(p.unitId) ?? '',
      number: p.number,
      kind: p.kind,
      issuingBody: p.issuingBody,
      parentPlanId: p.parentPlanId,
      revisionOfId: p.revisionOfId,
      revisedById: revision?.id ?? null,
      currentVersion: Number(p.currentVersion),
      content: p.content as PlanContent,
      allocations,
      activityProgress: activityProgress as PlanActivityProgress[],
      canRecordProgress: p.status === 'issued' && hasRole(actor, ...RECORDERS) && (await this.units.isWithin(p.unitId, actor.unitIds)),
      allowedTransitions: allowedTransitions(p.status).filter((s) => s !== 'superseded'),
      editable: isEditable(p.status),
      canWrite,
      createdBy: p.createdBy,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }

  /** Versions of the plan and of the plans it revises, newest first, each with its changes. */
  async versions(actor: Actor, id: string): Promise<PlanVersionList> {
    const plan = await this.visiblePlan(actor, id);
    const lineage = [plan.id];
    let previous = plan.revisionOfId;
    while (previous && lineage.length < 100) {
      const older = await this.plans.findById(previous);
      if (!older) break;
      lineage.push(older.id);
      previous = older.revisionOfId;
    }
    const rows = await this.plans.versions(lineage);
    return {
      items: rows.map((v) => ({
        planId: v.planId,
        version: v.version,
        event: v.event,
        symbol: v.symbol,
        createdBy: v.createdBy,
        createdAt: v.createdAt.toISOString(),
        changes: (v.diff ?? []) as PlanChange[],
      })),
      total: rows.length,
    };
  }

  async calendar(actor: Actor, q: PlanCalendarQuery): Promise<PlanCalendarResponse> {
    const year = new Date().getUTCFullYear();
    const from = q.from ?? `${q.to ? q.to.slice(0, 4) : year}-01-01`;
    const to = q.to ?? `${from.slice(0, 4)}-12-31`;
    let scope = this.scope(actor);
    if (q.unitId) {
      await this.ownUnit(actor, q.unitId);
      scope = { subtreeOf: [q.unitId], ancestorsOf: [q.unitId] };
    }
    const rows = await this.plans.calendar(scope, from, to);
    const recorders = new Set<string>();
    if (hasRole(actor, ...RECORDERS)) {
      for (const unitId of new Set(rows.map((r) => r.unitId))) if (await this.units.isWithin(unitId, actor.unitIds)) recorders.add(unitId);
    }
    const items = rows.map((r) => ({ ...r, canRecord: r.planStatus === 'issued' && recorders.has(r.unitId) })) as PlanCalendarResponse['items'];
    return { from, to, items, total: items.length };
  }

  async obligations(actor: Actor, q: PlanObligationsQuery): Promise<PlanObligationsResponse> {
    if (q.planId && !q.unitId) {
      const plan = await this.visiblePlan(actor, q.planId);
      const items = (await this.plans.obligationsOfPlan(plan.id, actor.unitIds)) as PlanObligationsResponse['items'];
      return { items, total: items.length };
    }
    const unitId = q.unitId ?? actor.unitIds[0];
    if (!unitId) return { items: [], total: 0 };
    await this.ownUnit(actor, unitId);
    const items = (await this.plans.obligationsOf(unitId)) as PlanObligationsResponse['items'];
    return { items, total: items.length };
  }

  async exportDocx(actor: Actor, id: string): Promise<{ filename: string; contentType: string; disposition: string; body: Buffer }> {
    const plan = await this.visiblePlan(actor, id);
    const body = await exportPlanDocx(asImported(plan.content));
    const filename = exportFilename({ id: plan.id, symbol: plan.symbol, kind: plan.kind, issuedOn: plan.issuedOn, year: Number(plan.year) });
    return { filename, contentType: DOCX_CONTENT_TYPE, disposition: contentDisposition(filename), body };
  }

  // ───────────── writing ─────────────

  private async insertNew(p: NewPlan, m: EntityManager): Promise<string> {
    const ctx = TenantContext.current();
    const cols = this.columns(p.content, p.year);
    const version = p.version ?? 1;
    const id = await this.plans.insert(
      {
        ...cols,
        unitId: p.unitId,
        status: 'draft',
        parentPlanId: p.parentPlanId ?? null,
        revisionOfId: p.revisionOfId ?? null,
        currentVersion: version,
        content: p.content,
        createdBy: ctx.userId,
      },
      m,
    );
    await this.plans.insertVersion({ planId: id, version, event: p.event, content: p.content, diff: p.diff ?? null, createdBy: ctx.userId }, m);
    await this.plans.replaceActivities(id, activityRows(p.content, await this.plans.unitLevel(p.unitId, m)), m, p.revisionOfId);
    await this.audit.record(
      { action: `plan.${p.event === 'created' ? 'create' : p.event === 'derived' ? 'derive' : 'revise'}`, entity: 'plan', entityId: id, unitId: p.unitId, after: { title: cols.title, symbol: cols.symbol, version, from: p.parentPlanId ?? p.revisionOfId ?? null } },
      m,
    );
    return id;
  }

  /** Saves a plan (as imported, or edited on the review screen) as a draft of the unit. */
  async create(actor: Actor, body: CreatePlan): Promise<PlanDetail> {
    this.assertWriter(actor);
    const unitId = body.unitId ?? actor.unitIds[0];
    if (!unitId) throw new ValidationFailedError([{ field: 'unitId', reason: 'cần chọn đơn vị ban hành', reasonEn: 'the issuing unit is required' }]);
    await this.ownUnit(actor, unitId);
    const content = normaliseContent(body.plan);
    this.columns(content);
    const id = await this.plans.transaction((m) => this.insertNew({ content, unitId, event: 'created' }, m));
    return this.get(actor, id);
  }

  /** Replaces the content of a draft; every change is a new version with its diff. */
  async update(actor: Actor, id: string, body: UpdatePlan): Promise<PlanDetail> {
    const plan = await this.writablePlan(actor, id);
    if (!isEditable(plan.status)) throw new PlanReadOnlyError(plan.status);
    const content = normaliseContent(body.plan);
    const cols = this.columns(content);
    await this.plans.transaction(async (m) => {
      const locked = (await this.plans.lock(id, m))!;
      if (!isEditable(locked.status)) throw new PlanReadOnlyError(locked.status);
      if (body.expectedVersion !== undefined && body.expectedVersion !== Number(locked.currentVersion)) {
        throw new PlanVersionConflictError(body.expectedVersion, Number(locked.currentVersion));
      }
      const diff = changes(locked.content, content);
      if (diff.length === 0) return;
      const version = Number(locked.currentVersion) + 1;
      const ctx = TenantContext.current();
      await this.plans.update(id, { ...cols, status: locked.status, currentVersion: version, content }, m);
      await this.plans.insertVersion({ planId: id, version, event: 'edited', content, diff, createdBy: ctx.userId }, m);
      await this.plans.replaceActivities(id, activityRows(content, await this.plans.unitLevel(locked.unitId, m)), m, locked.revisionOfId);
      await this.audit.record({ action: 'plan.update', entity: 'plan', entityId: id, unitId: locked.unitId, before: { version: locked.currentVersion }, after: { version, changes: diff.length } }, m);
    });
    return this.get(actor, id);
  }

  async transition(actor: Actor, id: string, body: PlanTransition): Promise<PlanDetail> {
    const plan = await this.writablePlan(actor, id);
    if (body.to === 'issued') {
      await this.issue(plan);
    } else {
      await this.plans.transaction(async (m) => {
        const locked = (await this.plans.lock(id, m))!;
        this.assertTransition(locked.status, body.to);
        await this.plans.setStatus(id, body.to, m);
        await this.audit.record({ action: 'plan.transition', entity: 'plan', entityId: id, unitId: locked.unitId, before: { status: locked.status }, after: { status: body.to } }, m);
      });
    }
    return this.get(actor, id);
  }

  /**
   * Issues a plan: allocates its number (unless it carries one) without gaps or duplicates — the counter row
   * of (tenant, issuing body, kind, year) is locked inside the transaction, so concurrent issues queue up —
   * sets the date, derives the calendar activities and the reporting obligations of the units concerned, and
   * supersedes the plan it revises.
   */
  private async issue(before: PlanEntity): Promise<void> {
    this.assertTransition(before.status, 'issued');
    const beforeContent = before.content as PlanContent;
    // An undated plan is dated the day it is issued — unless it is a plan of a past year (a plan signed on
    // paper, registered now, like Đà Nẵng's 2023 plan of the demo): its date stays unknown rather than
    // invented, and its number is counted in the plan's year.
    const planYearOf = Number(before.year);
    const issuedOn = beforeContent.issuedOn ?? (planYearOf < Number(today().slice(0, 4)) ? null : today());
    const numberYear = issuedOn ? Number(issuedOn.slice(0, 4)) : planYearOf;
    // The indicators the plan's reports ask for: those its targets are linked to that no national form collects
    // (the tenant's own). A national indicator is reported by the grassroots on the national forms and rolled up
    // the tree; asking a district for it again in the plan's report would count it twice in the district's
    // total. Those targets are measured by the rollups (the plan-progress dashboard); the report tells the rest.
    const known = new Set((await this.indicators.definitions()).map((d) => d.code));
    const collected = new Set(nationalForms().flatMap((f) => f.indicatorCodes));
    const indicatorCodes = [...new Set(beforeContent.targets.map((t) => t.indicatorCode).filter((c): c is string => !!c && known.has(c) && !collected.has(c)))];
    await this.plans.ensureCounter(before.issuingBody, before.kind, numberYear);
    await this.withDeadlockRetry(() =>
      this.plans.transaction(async (m) => {
        const plan = await this.plans.lock(before.id, m);
        if (!plan) throw new NotFoundError('Plan', 'kế hoạch');
        this.assertTransition(plan.status, 'issued');
        const content = plan.content as PlanContent;
        const last = await this.plans.lockCounter(plan.issuingBody, plan.kind, numberYear, m);
        let number = plan.number;
        let symbol = plan.symbol;
        if (number !== null && symbol !== null) {
          if (await this.plans.numberTaken(plan.issuingBody, plan.kind, numberYear, number, plan.id, m)) throw new PlanNumberTakenError(symbol, numberYear);
        } else {
          number = last + 1;
          symbol = formatDocumentSymbol({ number, kind: plan.kind, body: plan.issuingBody });
        }
        await this.plans.raiseCounter(plan.issuingBody, plan.kind, numberYear, number, m);

        const issued: PlanContent = { ...content, number: symbol, issuedOn };
        const cols = this.columns(issued, Number(plan.year));
        const version = Number(plan.currentVersion) + 1;
        const ctx = TenantContext.current();
        await this.plans.update(plan.id, { ...cols, status: 'issued', currentVersion: version, content: issued }, m);
        await this.plans.insertVersion({ planId: plan.id, version, event: 'issued', content: issued, diff: changes(content, issued), createdBy: ctx.userId }, m);
        await this.plans.replaceActivities(plan.id, activityRows(issued, await this.plans.unitLevel(plan.unitId, m)), m, plan.revisionOfId);
        const year = Number(plan.year);
        const bound = await this.obligatedUnits(plan.unitId, issued, year, m);
        await this.plans.replaceObligations(plan.id, obligationRows(issued, bound, year), m);
        const reports = await this.createReports({ ...plan, ...cols, symbol, number }, issued, bound, indicatorCodes, m);
        if (plan.revisionOfId) {
          const old = await this.plans.lock(plan.revisionOfId, m);
          if (old && canTransition(old.status, 'superseded')) {
            await this.plans.setStatus(old.id, 'superseded', m);
            const removed = await this.reports.removeUntouchedPlanReports(old.id, m);
            await this.audit.record(
              { action: 'plan.supersede', entity: 'plan', entityId: old.id, unitId: old.unitId, before: { status: old.status }, after: { status: 'superseded', by: plan.id, untouchedReportsRemoved: removed } },
              m,
            );
          }
        }
        await this.audit.record(
          { action: 'plan.issue', entity: 'plan', entityId: plan.id, unitId: plan.unitId, before: { status: plan.status }, after: { status: 'issued', symbol, issuedOn, version, reports } },
          m,
        );
      }),
    );
  }

  /**
   * The units each reporting obligation binds (by its index), with their validity intervals: the units below
   * the plan's unit valid at some day of the plan's year, of the levels the reporter names ("Hội LHPN các
   * huyện, thị xã" → the district unions that are huyện or thị xã — in Hà Nội's 2024 the 17 huyện and Sơn
   * Tây, not the quận, and not the wards of 2025), and the affiliates when it names "đơn vị trực thuộc". An
   * obligation naming none of them (a department, the plan's unit itself) binds the plan's unit.
   */
  private async obligatedUnits(unitId: string, content: PlanContent, year: number, m: EntityManager): Promise<Map<number, CandidateUnit[]>> {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const out = new Map<number, CandidateUnit[]>();
    for (const [idx, o] of content.reportingObligations.entries()) {
      const spec = obligatedUnitsOf(o.reporter);
      if (!spec) {
        out.set(idx, [{ id: unitId, name: '', level: '', kind: 'union', validFrom: null, validTo: null }]);
        continue;
      }
      const candidates = await this.plans.obligationCandidates(unitId, spec, from, to, m);
      out.set(idx, candidates.filter((u) => fitsPlaces(spec, u)));
    }
    return out;
  }

  /**
   * The report instances of an issued plan's obligations: one form per obligation (owned by the plan: its
   * period kind, the indicators its targets link to, the narrative sections of a plan report) and one draft
   * report per bound unit and period of the plan's year, due on the plan's deadline — through the reports
   * module's own instance insertion and deadline rule. Answers how many reports were created.
   */
  private async createReports(
    plan: { id: string; symbol: string | null; kind: string; number: number | null; issuingBody: string; year: number; title: string },
    content: PlanContent,
    bound: Map<number, CandidateUnit[]>,
    indicatorCodes: string[],
    m: EntityManager,
  ): Promise<number> {
    const defaults: Partial<Record<PlanPeriodKind, DeadlineRuleJson>> = {};
    for (const f of nationalForms()) defaults[f.periodKind] ??= f.deadlineRule;
    let created = 0;
    for (const spec of planFormSpecs(plan, content.reportingObligations, defaults as Partial<Record<PlanPeriodKind, { day: number; month: number }>>)) {
      const units = bound.get(spec.idx) ?? [];
      if (units.length === 0) continue;
      const formId = await this.reports.ensurePlanForm(
        {
          code: spec.code,
          name: spec.name,
          periodKind: spec.periodKind,
          indicatorCodes,
          deadlineRule: spec.deadlineRule,
          // The level of the unions it binds (the affiliates beside them report too, through their unit rows).
          reportingLevel: (units.find((u) => u.kind === 'union' && u.level) ?? units.find((u) => u.level))?.level || (await this.plans.unitLevel(units[0]!.id, m)) || 'province',
          national: false,
          planId: plan.id,
          narrativeSections: [...PLAN_REPORT_SECTIONS],
        },
        m,
      );
      if (!formId) continue;
      for (const period of spec.periods) {
        const p = parsePeriod(period);
        const valid = units.filter((u) => (u.validFrom === null || u.validFrom <= p.end) && (u.validTo === null || u.validTo >= p.start)).map((u) => u.id);
        created += await this.reports.insertInstancesForUnits({ id: formId, code: spec.code }, period, reportDeadline(period, spec.deadlineRule), valid, m);
      }
    }
    return created;
  }

  /** A new draft of an issued plan (a revision): it supersedes the plan when it is issued. */
  async revise(actor: Actor, id: string): Promise<PlanDetail> {
    const plan = await this.writablePlan(actor, id);
    const newId = await this.plans.transaction(async (m) => {
      const locked = (await this.plans.lock(id, m))!;
      if (locked.status !== 'issued' && locked.status !== 'closed') throw new PlanNotIssuedError(locked.status, 'sửa đổi', 'revised');
      const open = await this.plans.revisionOf(locked.id, m);
      if (open && (open.status === 'draft' || open.status === 'in_review')) throw new PlanRevisionExistsError(open.id);
      const old = locked.content as PlanContent;
      const content: PlanContent = { ...old, number: null, issuedOn: null };
      return this.insertNew(
        {
          content,
          unitId: plan.unitId,
          parentPlanId: locked.parentPlanId,
          revisionOfId: locked.id,
          version: Number(locked.currentVersion) + 1,
          event: 'revised',
          diff: changes(old, content),
          year: Number(locked.year),
        },
        m,
      );
    });
    return this.get(actor, newId);
  }

  /** A child unit's draft from an issued plan of a unit above it (cascade). */
  async derive(actor: Actor, id: string, body: DerivePlan): Promise<PlanDetail> {
    this.assertWriter(actor);
    const parent = await this.visiblePlan(actor, id);
    const unit = await this.ownUnit(actor, body.unitId);
    if (parent.status !== 'issued' && parent.status !== 'closed') throw new PlanNotIssuedError(parent.status, 'lập kế hoạch cấp dưới từ', 'derived');
    if (!(await this.plans.descendantsAmong(parent.unitId, [unit.id])).has(unit.id)) {
      throw new ValidationFailedError([
        { field: 'unitId', reason: 'đơn vị không trực thuộc đơn vị ban hành kế hoạch', reasonEn: "the unit is not below the plan's issuing unit" },
      ]);
    }
    const derived = derivePlan(asImported(parent.content), unit.name);
    const content = planContentSchema.parse(derived);
    const newId = await this.plans.transaction((m) =>
      this.insertNew({ content, unitId: unit.id, parentPlanId: parent.id, event: 'derived', year: Number(parent.year) }, m),
    );
    return this.get(actor, newId);
  }

  /**
   * Records an activity's progress on an issued plan — its content stays read-only, its execution does not —
   * by a user whose units cover the plan's unit (a commune does not mark the city's events done). Audited.
   */
  async setActivityStatus(actor: Actor, id: string, idx: number, body: SetActivityStatus): Promise<PlanActivityProgress> {
    if (!hasRole(actor, ...RECORDERS)) throw new ForbiddenError('Bạn không có quyền cập nhật tiến độ hoạt động', 'You are not allowed to record the progress of activities');
    const plan = await this.visiblePlan(actor, id);
    if (!(await this.units.isWithin(plan.unitId, actor.unitIds))) {
      throw new ForbiddenError('Hoạt động của kế hoạch cấp trên: đơn vị ban hành cập nhật tiến độ', "An activity of a plan of a unit above yours: its issuing unit records the progress");
    }
    if (plan.status !== 'issued') throw new PlanNotIssuedError(plan.status, 'cập nhật tiến độ hoạt động của', 'have activity progress recorded');
    const ctx = TenantContext.current();
    const doneOn = body.status === 'done' ? (body.doneOn ?? today()) : null;
    const note = body.note ? body.note : null;
    await this.plans.transaction(async (m) => {
      const locked = await this.plans.lock(id, m);
      if (!locked || locked.status !== 'issued') throw new PlanNotIssuedError(locked?.status ?? plan.status, 'cập nhật tiến độ hoạt động của', 'have activity progress recorded');
      const before = (await this.plans.activitiesOf(id, m)).find((a) => a.idx === idx);
      if (!before) throw new PlanActivityNotFoundError(idx, (locked.content as PlanContent).activities.length);
      await this.plans.setActivityProgress(id, idx, { status: body.status, doneOn, note, by: ctx.userId, at: new Date() }, m);
      await this.audit.record(
        { action: 'plan.activity-status', entity: 'plan', entityId: id, unitId: locked.unitId, before: { idx, status: before.status, doneOn: before.doneOn }, after: { idx, status: body.status, doneOn, note } },
        m,
      );
    });
    return (await this.plans.activitiesOf(id)).find((a) => a.idx === idx) as PlanActivityProgress;
  }

  /** The calendar of [from, to] as an XLSX file: each activity with its time, plan, lead units and status. */
  async calendarWorkbook(actor: Actor, q: PlanCalendarQuery): Promise<{ filename: string; content: Buffer }> {
    const cal = await this.calendar(actor, q);
    const d = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
    const rows = cal.items.map((a) => ({
      name: a.name,
      time: a.timeText ?? '',
      from: d(a.dateFrom),
      to: d(a.dateTo),
      plan: `${a.planSymbol ?? ''} ${a.planTitle}`.trim(),
      lead: a.leadUnits.join('; '),
      cooperating: a.cooperatingUnits.join('; '),
      status: ACTIVITY_STATUS_LABELS[a.status as keyof typeof ACTIVITY_STATUS_LABELS]?.vi ?? a.status,
      doneOn: d(a.doneOn),
      note: a.note ?? '',
    }));
    const content = await buildWorkbook(
      'Lịch hoạt động',
      `Lịch hoạt động từ ${d(cal.from)} đến ${d(cal.to)}`,
      [
        { header: 'Hoạt động', key: 'name', width: 60 },
        { header: 'Thời gian', key: 'time', width: 24 },
        { header: 'Từ ngày', key: 'from', width: 12 },
        { header: 'Đến ngày', key: 'to', width: 12 },
        { header: 'Kế hoạch', key: 'plan', width: 50 },
        { header: 'Đơn vị chủ trì', key: 'lead', width: 36 },
        { header: 'Đơn vị phối hợp', key: 'cooperating', width: 36 },
        { header: 'Tình trạng', key: 'status', width: 16 },
        { header: 'Ngày thực hiện', key: 'doneOn', width: 14 },
        { header: 'Ghi chú', key: 'note', width: 30 },
      ],
      rows,
    );
    return { filename: `lich-hoat-dong-${cal.from}-${cal.to}.xlsx`, content };
  }

  /** Splits a target's value between units below the plan's unit; the values must add up to the target. */
  async allocate(actor: Actor, id: string, body: PlanAllocations): Promise<PlanAllocationsResult> {
    const plan = await this.writablePlan(actor, id);
    if (plan.status === 'closed' || plan.status === 'superseded') throw new PlanReadOnlyError(plan.status);
    const content = plan.content as PlanContent;
    const target = content.targets[body.targetIndex];
    if (!target) {
      throw new ValidationFailedError([
        { field: 'targetIndex', reason: `kế hoạch có ${content.targets.length} chỉ tiêu (0–${Math.max(0, content.targets.length - 1)})`, reasonEn: `the plan has ${content.targets.length} targets` },
      ]);
    }
    if (target.value === null) {
      throw new ValidationFailedError([{ field: 'targetIndex', reason: 'chỉ tiêu không có giá trị số để phân bổ', reasonEn: 'the target has no value to allocate' }]);
    }
    if (target.unit === '%' || target.aggregation === 'ratio' || target.aggregation === 'perUnitMinimum') {
      throw new ValidationFailedError([
        { field: 'targetIndex', reason: 'chỉ phân bổ được chỉ tiêu tổng số (không phải tỷ lệ hay mức tối thiểu mỗi đơn vị)', reasonEn: 'only totals can be allocated, not ratios or per-unit minimums' },
      ]);
    }
    const ids = body.allocations.map((a) => a.unitId);
    const below = await this.plans.descendantsAmong(plan.unitId, ids);
    const wrong: FieldError[] = body.allocations.flatMap((a, i) =>
      below.has(a.unitId) ? [] : [{ field: `allocations.${i}.unitId`, reason: 'không phải đơn vị trực thuộc đơn vị ban hành', reasonEn: "not a unit below the plan's unit" }],
    );
    if (wrong.length > 0) throw new ValidationFailedError(wrong);
    const check = validateAllocation(target.value, body.allocations);
    if (!check.valid) {
      const f = formatVietnameseNumber;
      const en =
        check.difference < 0
          ? `allocated ${check.allocated}, target ${check.total}: short by ${-check.difference}`
          : check.difference > 0
            ? `allocated ${check.allocated}, target ${check.total}: over by ${check.difference}`
            : 'invalid allocations';
      throw new ValidationFailedError([{ field: 'allocations', reason: check.errors.join(' ') || `thiếu ${f(-check.difference)}`, reasonEn: en }]);
    }
    await this.plans.transaction(async (m) => {
      await this.plans.replaceAllocations(plan.id, body.targetIndex, body.allocations, m);
      await this.audit.record({ action: 'plan.allocate', entity: 'plan', entityId: plan.id, unitId: plan.unitId, after: { targetIndex: body.targetIndex, allocations: body.allocations.length, total: check.total } }, m);
    });
    return { targetIndex: body.targetIndex, total: check.total, allocated: check.allocated, allocations: body.allocations };
  }
}
