import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReportStatus } from '@sen/contracts';
import { COMPLETENESS_COUNTS_SQL, completenessByLevel, completenessCounts, ReportFormEntity, TenantContext, TenantDataSource } from '@sen/db';
import type { FormSpec } from './national-forms';

/** mysql2 caps a statement at 65,535 placeholders: multi-row statements go in chunks of this many rows. */
const CHUNK = 1000;

export interface ReportRow {
  id: string;
  formId: string;
  formCode: string;
  formName: string;
  unitId: string;
  unitName: string;
  period: string;
  status: ReportStatus;
  deadline: string;
  late: boolean;
  narrative: Record<string, string> | null;
  warningComments: Record<string, string> | null;
  returnComment: string | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  version: number;
}

export interface ValueRow {
  reportId: string;
  indicator: string;
  category: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface ValueChangeRow {
  reportId: string;
  indicator: string;
  category: string;
  oldValue: unknown;
  newValue: unknown;
}

export interface CompletenessCounts {
  expected: number;
  submitted: number;
  approved: number;
  late: number;
}

type Raw = Record<string, unknown>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** JSON columns come back parsed from MySQL and as text from MariaDB (where JSON is LONGTEXT). */
const json = <T>(v: unknown): T | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return JSON.parse(v) as T;
  if (Buffer.isBuffer(v)) return JSON.parse(v.toString('utf8')) as T;
  return v as T;
};
/** Completeness is counted one way everywhere (this page, the summary report): the definitions live in @sen/db. */
const counts = completenessCounts;

function toReport(r: Raw): ReportRow {
  return {
    id: String(r.id),
    formId: String(r.form_id),
    formCode: String(r.form_code),
    formName: String(r.form_name ?? ''),
    unitId: String(r.unit_id),
    unitName: String(r.unit_name ?? ''),
    period: String(r.period),
    status: r.status as ReportStatus,
    deadline: String(r.deadline),
    late: Boolean(Number(r.late)),
    narrative: json(r.narrative),
    warningComments: json(r.warning_comments),
    returnComment: str(r.return_comment),
    submittedAt: (r.submitted_at as Date | null) ?? null,
    approvedAt: (r.approved_at as Date | null) ?? null,
    approvedBy: str(r.approved_by),
    version: Number(r.version),
  };
}

function toValue(r: Raw): ValueRow {
  return {
    reportId: String(r.report_id),
    indicator: String(r.indicator_code),
    category: String(r.category ?? ''),
    value: num(r.value),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
  };
}

function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const REPORT_COLUMNS = `r.id, r.form_id, r.form_code, f.name AS form_name, r.unit_id, u.name AS unit_name, r.period, r.status,
  r.deadline, r.late, r.narrative, r.warning_comments, r.return_comment, r.submitted_at, r.approved_at, r.approved_by, r.version`;
const REPORT_FROM = `report r
  JOIN report_form f ON f.tenant_id = r.tenant_id AND f.id = r.form_id
  JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id`;
/** The report's unit lies in the subtree of one of the given units (a unit is in its own subtree). */
const IN_SCOPE = `EXISTS (SELECT 1 FROM org_unit_closure sc WHERE sc.tenant_id = r.tenant_id AND sc.descendant_id = r.unit_id AND sc.ancestor_id IN (?))`;
const COUNTS = COMPLETENESS_COUNTS_SQL;

/**
 * Report forms, reports, their values and value history, and the aggregation outbox of the current tenant.
 * The only place that touches these tables; every statement carries the context's tenant.
 */
@Injectable()
export class ReportRepository {
  constructor(private readonly data: TenantDataSource) {}

  private get tenantId(): string {
    return TenantContext.current().tenantId;
  }

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.data.dataSource.manager;
  }

  transaction<R>(fn: (manager: EntityManager) => Promise<R>): Promise<R> {
    return this.data.transaction(({ manager }) => fn(manager));
  }

  // ── Forms ──

  /** Inserts the forms that do not exist yet (by code); existing ones are left as they are. */
  async ensureForms(specs: FormSpec[], manager?: EntityManager): Promise<void> {
    if (specs.length === 0) return;
    const tenantId = this.tenantId;
    await this.m(manager).query(
      `INSERT IGNORE INTO report_form (tenant_id, code, name, period_kind, indicator_codes, deadline_rule, reporting_level, national)
       VALUES ${specs.map(() => '(?,?,?,?,?,?,?,?)').join(',')}`,
      specs.flatMap((s) => [tenantId, s.code, s.name, s.periodKind, JSON.stringify(s.indicatorCodes), JSON.stringify(s.deadlineRule), s.reportingLevel, s.national ? 1 : 0]),
    );
  }

  listForms(): Promise<ReportFormEntity[]> {
    return this.data.repository(ReportFormEntity).find({ order: { national: 'DESC', code: 'ASC' } });
  }

  findForm(id: string): Promise<ReportFormEntity | null> {
    return this.data.repository(ReportFormEntity).findOneBy({ id });
  }

  findFormByCode(code: string): Promise<ReportFormEntity | null> {
    return this.data.repository(ReportFormEntity).findOneBy({ code });
  }

  async insertForm(spec: FormSpec, manager: EntityManager): Promise<string> {
    const result: { insertId: number | string } = await manager.query(
      `INSERT INTO report_form (tenant_id, code, name, period_kind, indicator_codes, deadline_rule, reporting_level, national)
       VALUES (?,?,?,?,?,?,?,?)`,
      [this.tenantId, spec.code, spec.name, spec.periodKind, JSON.stringify(spec.indicatorCodes), JSON.stringify(spec.deadlineRule), spec.reportingLevel, spec.national ? 1 : 0],
    );
    return String(result.insertId);
  }

  // ── Instances ──

  private static readonly ELIGIBLE = `FROM org_unit u
    WHERE u.tenant_id = ? AND u.level = ? AND (u.valid_from IS NULL OR u.valid_from <= ?) AND (u.valid_to IS NULL OR u.valid_to >= ?)`;

  /** Units of `level` valid at some day of [start, end]. */
  async eligibleUnitCount(level: string, start: string, end: string, manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(`SELECT COUNT(*) AS n ${ReportRepository.ELIGIBLE}`, [this.tenantId, level, end, start])) as Raw[];
    return Number(row?.n ?? 0);
  }

  /**
   * One draft report per unit of the form's level valid during the period, set-based and idempotent: the
   * unique key (tenant, form, unit, period) with INSERT IGNORE skips the units that already have one.
   * Returns how many were created.
   */
  async insertInstances(
    form: { id: string; code: string; reportingLevel: string },
    period: { id: string; start: string; end: string },
    deadline: string,
    manager: EntityManager,
  ): Promise<number> {
    const tenantId = this.tenantId;
    const result: { affectedRows: number } = await manager.query(
      `INSERT IGNORE INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, version)
       SELECT u.tenant_id, ?, ?, u.id, ?, 'draft', ?, 0 ${ReportRepository.ELIGIBLE}`,
      [form.id, form.code, period.id, deadline, tenantId, form.reportingLevel, period.end, period.start],
    );
    return Number(result.affectedRows ?? 0);
  }

  // ── Plan forms (an issued plan's reporting obligations; see PlanService.issue) ──

  /**
   * The form of one reporting obligation of an issued plan (`plan_id` set), created once: the code is unique
   * per tenant, so issuing again finds the same form. Answers its id, or null when the code belongs to a form
   * of something else.
   */
  async ensurePlanForm(spec: FormSpec & { planId: string; narrativeSections: string[] }, manager: EntityManager): Promise<string | null> {
    const tenantId = this.tenantId;
    await manager.query(
      `INSERT IGNORE INTO report_form (tenant_id, code, name, period_kind, indicator_codes, deadline_rule, reporting_level, national, plan_id, narrative_sections)
       VALUES (?,?,?,?,?,?,?,0,?,?)`,
      [tenantId, spec.code, spec.name, spec.periodKind, JSON.stringify(spec.indicatorCodes), JSON.stringify(spec.deadlineRule), spec.reportingLevel, spec.planId, JSON.stringify(spec.narrativeSections)],
    );
    const rows: Raw[] = await manager.query(`SELECT id, plan_id FROM report_form WHERE tenant_id = ? AND code = ?`, [tenantId, spec.code]);
    const row = rows[0];
    return row && String(row.plan_id) === String(spec.planId) ? String(row.id) : null;
  }

  /**
   * One draft report of the form for the period per unit named (the units an obligation binds), with the
   * deadline; idempotent like insertInstances (the unique key skips units that have one). Answers how many
   * were created.
   */
  async insertInstancesForUnits(form: { id: string; code: string }, period: string, deadline: string, unitIds: string[], manager: EntityManager): Promise<number> {
    const tenantId = this.tenantId;
    let created = 0;
    for (const ids of chunks(unitIds)) {
      const result: { affectedRows: number } = await manager.query(
        `INSERT IGNORE INTO report (tenant_id, form_id, form_code, unit_id, period, status, deadline, version)
         VALUES ${ids.map(() => `(?,?,?,?,?,'draft',?,0)`).join(',')}`,
        ids.flatMap((u) => [tenantId, form.id, form.code, u, period, deadline]),
      );
      created += Number(result.affectedRows ?? 0);
    }
    return created;
  }

  /**
   * When a plan is superseded: its reports nobody started (drafts never saved, version 0, so no values and no
   * outbox row) go; every report with something in it stays. Answers how many went.
   */
  async removeUntouchedPlanReports(planId: string, manager: EntityManager): Promise<number> {
    const result: { affectedRows: number } = await manager.query(
      `DELETE r FROM report r JOIN report_form f ON f.tenant_id = r.tenant_id AND f.id = r.form_id
       WHERE r.tenant_id = ? AND f.plan_id = ? AND r.status = 'draft' AND r.version = 0`,
      [this.tenantId, planId],
    );
    return Number(result.affectedRows ?? 0);
  }

  // ── Reports ──

  async findReport(id: string, manager?: EntityManager, forUpdate = false): Promise<ReportRow | null> {
    const rows: Raw[] = await this.m(manager).query(
      `SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} WHERE r.tenant_id = ? AND r.id = ?${forUpdate ? ' FOR UPDATE' : ''}`,
      [this.tenantId, id],
    );
    return rows[0] ? toReport(rows[0]) : null;
  }

  /** Reports of a form and period for these units, locked for the transaction when asked. */
  async reportsOfUnits(formId: string, period: string, unitIds: string[], manager: EntityManager, forUpdate = false): Promise<ReportRow[]> {
    const out: ReportRow[] = [];
    for (const ids of chunks(unitIds)) {
      const rows: Raw[] = await manager.query(
        `SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM}
         WHERE r.tenant_id = ? AND r.form_id = ? AND r.period = ? AND r.unit_id IN (?)${forUpdate ? ' FOR UPDATE' : ''}`,
        [this.tenantId, formId, period, ids],
      );
      out.push(...rows.map(toReport));
    }
    return out;
  }

  async list(
    f: { period?: string; status?: ReportStatus; formCode?: string; limit: number; offset: number },
    scopeUnitIds: string[],
  ): Promise<{ items: { id: string; unitId: string; period: string; formCode: string; status: ReportStatus; deadline: string }[]; total: number }> {
    if (scopeUnitIds.length === 0) return { items: [], total: 0 };
    const where: string[] = ['r.tenant_id = ?', IN_SCOPE];
    const params: unknown[] = [this.tenantId, scopeUnitIds];
    if (f.period) {
      where.push('r.period = ?');
      params.push(f.period);
    }
    if (f.status) {
      where.push('r.status = ?');
      params.push(f.status);
    }
    if (f.formCode) {
      where.push('r.form_code = ?');
      params.push(f.formCode);
    }
    const db = this.data.dataSource;
    const [rows, total] = await Promise.all([
      db.query(
        `SELECT r.id, r.unit_id, r.period, r.form_code, r.status, r.deadline FROM report r
         JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
         WHERE ${where.join(' AND ')} ORDER BY u.sort_key, u.id, r.period DESC, r.form_code LIMIT ? OFFSET ?`,
        [...params, f.limit, f.offset],
      ) as Promise<Raw[]>,
      db.query(`SELECT COUNT(*) AS n FROM report r WHERE ${where.join(' AND ')}`, params) as Promise<Raw[]>,
    ]);
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        unitId: String(r.unit_id),
        period: String(r.period),
        formCode: String(r.form_code),
        status: r.status as ReportStatus,
        deadline: String(r.deadline),
      })),
      total: Number(total[0]?.n ?? 0),
    };
  }

  /**
   * A conditional status change: applies only while the report is in one of `from` and still at `version`,
   * bumping the version. Answers whether it applied (false: someone else changed it first).
   */
  async transition(
    id: string,
    from: ReportStatus[],
    version: number,
    set: { status: ReportStatus; late?: boolean; submittedAt?: Date; approvedAt?: Date | null; approvedBy?: string | null; returnComment?: string | null },
    manager: EntityManager,
  ): Promise<boolean> {
    const assignments: string[] = ['status = ?', 'version = version + 1', 'updated_at = ?'];
    const params: unknown[] = [set.status, new Date()];
    if (set.late !== undefined) {
      assignments.push('late = ?');
      params.push(set.late ? 1 : 0);
    }
    if (set.submittedAt !== undefined) {
      assignments.push('submitted_at = ?');
      params.push(set.submittedAt);
    }
    if (set.approvedAt !== undefined) {
      assignments.push('approved_at = ?');
      params.push(set.approvedAt);
    }
    if (set.approvedBy !== undefined) {
      assignments.push('approved_by = ?');
      params.push(set.approvedBy);
    }
    if (set.returnComment !== undefined) {
      assignments.push('return_comment = ?');
      params.push(set.returnComment);
    }
    const result: { affectedRows: number } = await manager.query(
      `UPDATE report SET ${assignments.join(', ')} WHERE id = ? AND tenant_id = ? AND status IN (?) AND version = ?`,
      [...params, id, this.tenantId, from, version],
    );
    return Number(result.affectedRows) === 1;
  }

  /** After a value save: bump the versions (and set narrative / comments), only while still editable. */
  async markEdited(
    ids: string[],
    manager: EntityManager,
    patch: { narrative?: Record<string, string>; warningComments?: Record<string, string> } = {},
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const assignments: string[] = ['version = version + 1', 'updated_at = ?'];
    const params: unknown[] = [new Date()];
    if (patch.narrative !== undefined) {
      assignments.push('narrative = ?');
      params.push(JSON.stringify(patch.narrative));
    }
    if (patch.warningComments !== undefined) {
      assignments.push('warning_comments = ?');
      params.push(JSON.stringify(patch.warningComments));
    }
    let affected = 0;
    for (const chunk of chunks(ids)) {
      const result: { affectedRows: number } = await manager.query(
        `UPDATE report SET ${assignments.join(', ')} WHERE tenant_id = ? AND id IN (?) AND status IN ('draft', 'returned')`,
        [...params, this.tenantId, chunk],
      );
      affected += Number(result.affectedRows);
    }
    return affected;
  }

  /** Written in the transaction of every status change; the aggregation applies it (see AggregationQueue). */
  async insertOutbox(reportId: string, reportVersion: number, manager: EntityManager): Promise<string> {
    const result: { insertId: number | string } = await manager.query(
      `INSERT INTO aggregation_outbox (tenant_id, report_id, report_version) VALUES (?, ?, ?)`,
      [this.tenantId, reportId, reportVersion],
    );
    return String(result.insertId);
  }

  // ── Values ──

  async values(reportIds: string[], manager?: EntityManager): Promise<ValueRow[]> {
    const out: ValueRow[] = [];
    for (const ids of chunks(reportIds)) {
      const rows: Raw[] = await this.m(manager).query(
        `SELECT report_id, indicator_code, category, value, numerator, denominator FROM report_value
         WHERE tenant_id = ? AND report_id IN (?) ORDER BY report_id, indicator_code, category`,
        [this.tenantId, ids],
      );
      out.push(...rows.map(toValue));
    }
    return out;
  }

  /** Totals of the unit's approved reports of the same form for other periods (the service keeps earlier ones). */
  async approvedHistory(formId: string, unitId: string, excludeReportId: string): Promise<(ValueRow & { period: string })[]> {
    const rows: Raw[] = await this.data.dataSource.query(
      `SELECT r.period, v.report_id, v.indicator_code, v.category, v.value, v.numerator, v.denominator
       FROM report r JOIN report_value v ON v.tenant_id = r.tenant_id AND v.report_id = r.id AND v.category = ''
       WHERE r.tenant_id = ? AND r.form_id = ? AND r.unit_id = ? AND r.status = 'approved' AND r.id <> ?`,
      [this.tenantId, formId, unitId, excludeReportId],
    );
    return rows.map((r) => ({ ...toValue(r), period: String(r.period) }));
  }

  async upsertValues(rows: ValueRow[], manager: EntityManager): Promise<void> {
    const tenantId = this.tenantId;
    const now = new Date();
    for (const chunk of chunks(rows)) {
      await manager.query(
        `INSERT INTO report_value (tenant_id, report_id, indicator_code, category, value, numerator, denominator, updated_at)
         VALUES ${chunk.map(() => '(?,?,?,?,?,?,?,?)').join(',')}
         ON DUPLICATE KEY UPDATE value = VALUES(value), numerator = VALUES(numerator), denominator = VALUES(denominator), updated_at = VALUES(updated_at)`,
        chunk.flatMap((v) => [tenantId, v.reportId, v.indicator, v.category, v.value, v.numerator, v.denominator, now]),
      );
    }
  }

  async deleteValues(rows: { reportId: string; indicator: string; category: string }[], manager: EntityManager): Promise<void> {
    for (const chunk of chunks(rows)) {
      await manager.query(
        `DELETE FROM report_value WHERE tenant_id = ? AND (report_id, indicator_code, category) IN (${chunk.map(() => '(?,?,?)').join(',')})`,
        [this.tenantId, ...chunk.flatMap((v) => [v.reportId, v.indicator, v.category])],
      );
    }
  }

  /** Appends to the value history: who changed what from what to what. */
  async insertChanges(rows: ValueChangeRow[], manager: EntityManager): Promise<void> {
    const ctx = TenantContext.current();
    const now = new Date();
    for (const chunk of chunks(rows)) {
      await manager.query(
        `INSERT INTO report_value_change (tenant_id, report_id, indicator_code, category, old_value, new_value, user_id, created_at)
         VALUES ${chunk.map(() => '(?,?,?,?,?,?,?,?)').join(',')}`,
        chunk.flatMap((c) => [
          ctx.tenantId,
          c.reportId,
          c.indicator,
          c.category,
          c.oldValue === null ? null : JSON.stringify(c.oldValue),
          c.newValue === null ? null : JSON.stringify(c.newValue),
          ctx.userId,
          now,
        ]),
      );
    }
  }

  async changes(reportId: string): Promise<
    { id: string; indicator: string; category: string; oldValue: unknown; newValue: unknown; userId: string | null; username: string | null; createdAt: Date }[]
  > {
    const rows: Raw[] = await this.data.dataSource.query(
      `SELECT c.id, c.indicator_code, c.category, c.old_value, c.new_value, c.user_id, a.username, c.created_at
       FROM report_value_change c LEFT JOIN app_user a ON a.tenant_id = c.tenant_id AND a.id = c.user_id
       WHERE c.tenant_id = ? AND c.report_id = ? ORDER BY c.created_at DESC, c.id DESC`,
      [this.tenantId, reportId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      indicator: String(r.indicator_code),
      category: String(r.category ?? ''),
      oldValue: json(r.old_value),
      newValue: json(r.new_value),
      userId: str(r.user_id),
      username: str(r.username),
      createdAt: r.created_at as Date,
    }));
  }

  // ── Who may decide ──

  /**
   * Does the user hold unit_manager or tenant_admin on a STRICT ancestor of the unit? The parent level
   * approves and returns; nobody decides on the reports of the unit their role is bound to.
   */
  async canDecide(userId: string, unitId: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.m(manager).query(
      `SELECT 1 FROM role_assignment ra
       JOIN org_unit_closure c ON c.tenant_id = ra.tenant_id AND c.ancestor_id = ra.unit_id
       WHERE ra.tenant_id = ? AND ra.user_id = ? AND ra.role IN ('unit_manager', 'tenant_admin') AND c.descendant_id = ? AND c.depth >= 1
       LIMIT 1`,
      [this.tenantId, userId, unitId],
    );
    return rows.length > 0;
  }

  /** Of `unitIds`, those the user manages from a strict ancestor (bulk entry for child units). */
  async managedUnits(userId: string, unitIds: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const ids of chunks(unitIds)) {
      const rows: Raw[] = await this.data.dataSource.query(
        `SELECT DISTINCT c.descendant_id FROM role_assignment ra
         JOIN org_unit_closure c ON c.tenant_id = ra.tenant_id AND c.ancestor_id = ra.unit_id
         WHERE ra.tenant_id = ? AND ra.user_id = ? AND ra.role IN ('unit_manager', 'tenant_admin') AND c.descendant_id IN (?) AND c.depth >= 1`,
        [this.tenantId, userId, ids],
      );
      for (const r of rows) out.add(String(r.descendant_id));
    }
    return out;
  }

  /** Of `unitIds`, those inside the subtrees of `scopeUnitIds`. */
  async visibleUnits(unitIds: string[], scopeUnitIds: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    if (scopeUnitIds.length === 0) return out;
    for (const ids of chunks(unitIds)) {
      const rows: Raw[] = await this.data.dataSource.query(
        `SELECT DISTINCT descendant_id FROM org_unit_closure WHERE tenant_id = ? AND ancestor_id IN (?) AND descendant_id IN (?)`,
        [this.tenantId, scopeUnitIds, ids],
      );
      for (const r of rows) out.add(String(r.descendant_id));
    }
    return out;
  }

  /** Units by code within the subtrees of `scopeUnitIds` (the bulk import names units by code). */
  async unitsByCode(codes: string[], scopeUnitIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (scopeUnitIds.length === 0) return out;
    for (const chunk of chunks(codes)) {
      const rows: Raw[] = await this.data.dataSource.query(
        `SELECT u.id, u.code FROM org_unit u
         WHERE u.tenant_id = ? AND u.code IN (?)
           AND EXISTS (SELECT 1 FROM org_unit_closure sc WHERE sc.tenant_id = u.tenant_id AND sc.descendant_id = u.id AND sc.ancestor_id IN (?))`,
        [this.tenantId, chunk, scopeUnitIds],
      );
      for (const r of rows) out.set(String(r.code), String(r.id));
    }
    return out;
  }

  // ── Bulk entry ──

  /**
   * The reports of a form and period whose units lie strictly below a unit the user manages (unit_manager or
   * tenant_admin): the rows of the bulk-entry grid, in Vietnamese order of the units.
   */
  async managedReports(
    userId: string,
    formId: string,
    period: string,
  ): Promise<{ reportId: string; unitId: string; unitCode: string | null; unitName: string; parentName: string | null; status: ReportStatus; version: number }[]> {
    const rows: Raw[] = await this.data.dataSource.query(
      `SELECT r.id, r.unit_id, u.code, u.name, p.name AS parent_name, r.status, r.version FROM report r
       JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
       LEFT JOIN org_unit p ON p.tenant_id = u.tenant_id AND p.id = u.parent_id
       WHERE r.tenant_id = ? AND r.form_id = ? AND r.period = ?
         AND EXISTS (SELECT 1 FROM role_assignment ra
           JOIN org_unit_closure c ON c.tenant_id = ra.tenant_id AND c.ancestor_id = ra.unit_id
           WHERE ra.tenant_id = r.tenant_id AND ra.user_id = ? AND ra.role IN ('unit_manager', 'tenant_admin') AND c.descendant_id = r.unit_id AND c.depth >= 1)
       ORDER BY u.sort_key, u.id`,
      [this.tenantId, formId, period, userId],
    );
    return rows.map((r) => ({
      reportId: String(r.id),
      unitId: String(r.unit_id),
      unitCode: str(r.code),
      unitName: String(r.name),
      parentName: str(r.parent_name),
      status: r.status as ReportStatus,
      version: Number(r.version),
    }));
  }

  // ── Completeness ──

  async completeness(
    period: string,
    formCode: string,
    scopeUnitIds: string[],
    childrenOf: string | null,
  ): Promise<{
    overall: CompletenessCounts;
    levels: (CompletenessCounts & { level: string })[];
    children: (CompletenessCounts & { unitId: string; name: string })[];
    missing: {
      id: string;
      name: string;
      parentName: string | null;
      reportId: string;
      status: ReportStatus;
      contactName: string | null;
      contactPhone: string | null;
      contactEmail: string | null;
    }[];
  }> {
    const db = this.data.dataSource;
    const base = [this.tenantId, period, formCode, scopeUnitIds];
    const [{ overall, levels: lv }, children, missing] = await Promise.all([
      completenessByLevel(db, { tenantId: this.tenantId, period, formCode, scopeUnitIds }),
      childrenOf
        ? (db.query(
            `SELECT ch.id AS unit_id, ch.name, ${COUNTS} FROM report r
             JOIN org_unit_closure c ON c.tenant_id = r.tenant_id AND c.descendant_id = r.unit_id
             JOIN org_unit ch ON ch.tenant_id = c.tenant_id AND ch.id = c.ancestor_id AND ch.parent_id = ?
             WHERE r.tenant_id = ? AND r.period = ? AND r.form_code = ?
             GROUP BY ch.id, ch.name, ch.sort_key ORDER BY ch.sort_key, ch.id`,
            [childrenOf, this.tenantId, period, formCode],
          ) as Promise<Raw[]>)
        : Promise.resolve([] as Raw[]),
      db.query(
        `SELECT u.id, u.name, p.name AS parent_name, r.id AS report_id, r.status, u.contact_name, u.contact_phone, u.contact_email FROM report r
         JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
         LEFT JOIN org_unit p ON p.tenant_id = u.tenant_id AND p.id = u.parent_id
         WHERE r.tenant_id = ? AND r.period = ? AND r.form_code = ? AND ${IN_SCOPE} AND r.status IN ('draft', 'returned')
         ORDER BY u.sort_key, u.id`,
        base,
      ) as Promise<Raw[]>,
    ]);
    return {
      overall,
      levels: lv,
      children: children.map((r) => ({ unitId: String(r.unit_id), name: String(r.name), ...counts(r) })),
      missing: missing.map((r) => ({
        id: String(r.id),
        name: String(r.name),
        parentName: str(r.parent_name),
        reportId: String(r.report_id),
        status: r.status as ReportStatus,
        contactName: str(r.contact_name),
        contactPhone: str(r.contact_phone),
        contactEmail: str(r.contact_email),
      })),
    };
  }
}
