import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanStatus } from '@sen/contracts';
import { PlanEntity, TenantContext, TenantDataSource } from '@sen/db';
import { activityKey } from './plan-content';

/** The columns of `plan` a save writes (content as the whole ImportedPlan structure). */
export interface PlanRow {
  unitId: string;
  number: number | null;
  symbol: string | null;
  kind: string;
  issuingBody: string;
  year: number;
  title: string;
  titleFolded: string;
  status: PlanStatus;
  parentPlanId: string | null;
  revisionOfId: string | null;
  programme: string | null;
  programmeFolded: string | null;
  issuedOn: string | null;
  currentVersion: number;
  content: Record<string, unknown>;
  createdBy: string | null;
}

export interface ActivityRow {
  idx: number;
  name: string;
  timeText: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  level: string | null;
  leadUnits: string[];
  cooperating: string[];
  status: string;
}

/** An activity's recorded progress (PUT /plans/:id/activities/:idx/status). */
export interface ActivityProgress {
  status: string;
  doneOn: string | null;
  note: string | null;
  by: string | null;
  at: Date | null;
}

/** A unit an obligation may bind, with its validity interval. */
export interface CandidateUnit {
  id: string;
  name: string;
  level: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface ObligationRow {
  idx: number;
  unitId: string;
  periodKind: string;
  deadline: string | null;
  reportTo: string | null;
  reporter: string | null;
}

export interface PlanListFilter {
  year?: number;
  status?: PlanStatus;
  /** Folded, without wildcards. */
  programme?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** Which plans a query sees: of the subtrees of `subtreeOf`, and/or of the ancestors of `ancestorsOf`. */
export interface PlanScope {
  subtreeOf: string[];
  ancestorsOf: string[];
}

/** JSON columns come back as strings on MariaDB and as objects on MySQL. */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

const like = (folded: string): string => `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** mysql2 caps a statement at 65,535 placeholders. */
const CHUNK = 2000;

/**
 * Plans of the current tenant: `plan`, `plan_version`, `plan_activity`, `reporting_obligation`,
 * `plan_allocation` and the `document_number` counters. The only place that touches these tables; every
 * statement carries the context's tenant.
 */
@Injectable()
export class PlanRepository {
  constructor(private readonly data: TenantDataSource) {}

  private get tenantId(): string {
    return TenantContext.current().tenantId;
  }

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.data.dataSource.manager;
  }

  transaction<R>(fn: (manager: EntityManager) => Promise<R>): Promise<R> {
    TenantContext.current();
    return this.data.dataSource.transaction(fn);
  }

  findById(id: string, manager?: EntityManager): Promise<PlanEntity | null> {
    return this.data.repository(PlanEntity).withManager(this.m(manager)).findOneBy({ id });
  }

  /** Reads and locks the plan row until the transaction ends (issues of one plan queue up here). */
  async lock(id: string, manager: EntityManager): Promise<PlanEntity | null> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM plan WHERE tenant_id = ? AND id = ? FOR UPDATE`, [this.tenantId, id]);
    if (rows.length === 0) return null;
    return this.findById(id, manager);
  }

  async insert(row: PlanRow, manager: EntityManager): Promise<string> {
    const result: { insertId: number | string } = await manager.query(
      `INSERT INTO plan (tenant_id, unit_id, number, symbol, kind, issuing_body, year, title, title_folded, status, parent_plan_id,
                         revision_of_id, programme, programme_folded, issued_on, current_version, content, created_by)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      [
        this.tenantId,
        row.unitId,
        row.number,
        row.symbol,
        row.kind,
        row.issuingBody,
        row.year,
        row.title,
        row.titleFolded,
        row.status,
        row.parentPlanId,
        row.revisionOfId,
        row.programme,
        row.programmeFolded,
        row.issuedOn,
        row.currentVersion,
        JSON.stringify(row.content),
        row.createdBy,
      ],
    );
    return String(result.insertId);
  }

  /** Writes the columns derived from the content (and the content itself) of a plan. */
  async update(
    id: string,
    patch: Pick<PlanRow, 'number' | 'symbol' | 'kind' | 'issuingBody' | 'year' | 'title' | 'titleFolded' | 'programme' | 'programmeFolded' | 'issuedOn' | 'currentVersion' | 'content' | 'status'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE plan SET number = ?, symbol = ?, kind = ?, issuing_body = ?, year = ?, title = ?, title_folded = ?, programme = ?,
              programme_folded = ?, issued_on = ?, current_version = ?, content = ?, status = ?, updated_at = CURRENT_TIMESTAMP(3)
       WHERE tenant_id = ? AND id = ?`,
      [
        patch.number,
        patch.symbol,
        patch.kind,
        patch.issuingBody,
        patch.year,
        patch.title,
        patch.titleFolded,
        patch.programme,
        patch.programmeFolded,
        patch.issuedOn,
        patch.currentVersion,
        JSON.stringify(patch.content),
        patch.status,
        this.tenantId,
        id,
      ],
    );
  }

  async setStatus(id: string, status: PlanStatus, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE plan SET status = ?, updated_at = CURRENT_TIMESTAMP(3) WHERE tenant_id = ? AND id = ?`, [status, this.tenantId, id]);
  }

  async list(scope: PlanScope, f: PlanListFilter): Promise<{ items: PlanEntity[]; total: number }> {
    const where: string[] = ['p.tenant_id = ?', this.scopeSql('p')];
    const params: unknown[] = [this.tenantId, ...this.scopeParams(scope)];
    if (f.year !== undefined) {
      where.push('p.year = ?');
      params.push(f.year);
    }
    if (f.status) {
      where.push('p.status = ?');
      params.push(f.status);
    }
    if (f.programme) {
      where.push(`p.programme_folded LIKE ?`);
      params.push(like(f.programme));
    }
    if (f.q) {
      where.push(`p.title_folded LIKE ?`);
      params.push(like(f.q));
    }
    const sqlWhere = where.join(' AND ');
    const [{ n }] = (await this.data.dataSource.query(`SELECT COUNT(*) AS n FROM plan p WHERE ${sqlWhere}`, params)) as [{ n: string }];
    const rows: { id: string }[] = await this.data.dataSource.query(
      `SELECT p.id FROM plan p WHERE ${sqlWhere}
       ORDER BY p.year DESC, (p.issued_on IS NULL) DESC, p.issued_on DESC, p.number DESC, p.id DESC LIMIT ? OFFSET ?`,
      [...params, f.limit, f.offset],
    );
    const items = await this.findByIds(rows.map((r) => String(r.id)));
    const byId = new Map(items.map((p) => [p.id, p]));
    return { items: rows.map((r) => byId.get(String(r.id))!).filter(Boolean), total: Number(n) };
  }

  private findByIds(ids: string[]): Promise<PlanEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.data
      .repository(PlanEntity)
      .query('p')
      .select(['p.id', 'p.unitId', 'p.symbol', 'p.title', 'p.status', 'p.issuedOn', 'p.programme', 'p.year', 'p.tenantId'])
      .andWhere('p.id IN (:...ids)', { ids })
      .getMany();
  }

  /** `p.unit_id` is in one of the scope's subtrees or is an ancestor of one of its units. */
  private scopeSql(alias: string): string {
    return `(${alias}.unit_id IN (SELECT c.descendant_id FROM org_unit_closure c WHERE c.tenant_id = ? AND c.ancestor_id IN (?))
             OR ${alias}.unit_id IN (SELECT a.ancestor_id FROM org_unit_closure a WHERE a.tenant_id = ? AND a.descendant_id IN (?)))`;
  }

  private scopeParams(scope: PlanScope): unknown[] {
    // IN (?) of an empty list is a syntax error: 0 is no unit id.
    const or0 = (ids: string[]): string[] => (ids.length > 0 ? ids : ['0']);
    return [this.tenantId, or0(scope.subtreeOf), this.tenantId, or0(scope.ancestorsOf)];
  }

  /** Is the unit in a subtree of `subtreeOf`, or an ancestor of one of `ancestorsOf`? */
  async unitInScope(unitId: string, scope: PlanScope): Promise<boolean> {
    const [tenantId, subtreeOf, , ancestorsOf] = this.scopeParams(scope);
    const rows: unknown[] = await this.data.dataSource.query(
      `SELECT 1 AS ok FROM org_unit_closure WHERE tenant_id = ?
         AND ((descendant_id = ? AND ancestor_id IN (?)) OR (ancestor_id = ? AND descendant_id IN (?))) LIMIT 1`,
      [tenantId, unitId, subtreeOf, unitId, ancestorsOf],
    );
    return rows.length > 0;
  }

  /** Is `unitId` a strict descendant of `ancestorId`? Returns the ids of `unitIds` that are. */
  async descendantsAmong(ancestorId: string, unitIds: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < unitIds.length; i += CHUNK) {
      const chunk = unitIds.slice(i, i + CHUNK);
      if (chunk.length === 0) continue;
      const rows: { id: string }[] = await this.data.dataSource.query(
        `SELECT descendant_id AS id FROM org_unit_closure WHERE tenant_id = ? AND ancestor_id = ? AND depth > 0 AND descendant_id IN (?)`,
        [this.tenantId, ancestorId, chunk],
      );
      for (const r of rows) found.add(String(r.id));
    }
    return found;
  }

  /**
   * Units below `unitId` valid at some day of [from, to] that an obligation may bind: unions of `levels`,
   * affiliates when asked, child unions when asked. In Vietnamese order.
   */
  async obligationCandidates(
    unitId: string,
    want: { levels: string[]; affiliates: boolean; childUnions: boolean },
    from: string,
    to: string,
    manager?: EntityManager,
  ): Promise<CandidateUnit[]> {
    const or: string[] = [];
    const params: unknown[] = [unitId, this.tenantId, to, from];
    if (want.levels.length > 0) {
      or.push(`(u.kind = 'union' AND u.level IN (?))`);
      params.push(want.levels);
    }
    if (want.affiliates) or.push(`u.kind = 'affiliate'`);
    if (want.childUnions) {
      or.push(`(u.kind = 'union' AND u.parent_id = ?)`);
      params.push(unitId);
    }
    if (or.length === 0) return [];
    const rows: { id: string; name: string; level: string; kind: string; valid_from: string | null; valid_to: string | null }[] = await this.m(manager).query(
      `SELECT u.id, u.name, u.level, u.kind, u.valid_from, u.valid_to FROM org_unit u
       JOIN org_unit_closure c ON c.tenant_id = u.tenant_id AND c.descendant_id = u.id AND c.ancestor_id = ? AND c.depth > 0
       WHERE u.tenant_id = ? AND (u.valid_from IS NULL OR u.valid_from <= ?) AND (u.valid_to IS NULL OR u.valid_to >= ?) AND (${or.join(' OR ')})
       ORDER BY u.sort_key, u.id`,
      params,
    );
    return rows.map((r) => ({ id: String(r.id), name: r.name, level: r.level, kind: r.kind, validFrom: r.valid_from, validTo: r.valid_to }));
  }

  async unitLevel(unitId: string, manager?: EntityManager): Promise<string | null> {
    const rows: { level: string }[] = await this.m(manager).query(`SELECT level FROM org_unit WHERE tenant_id = ? AND id = ?`, [this.tenantId, unitId]);
    return rows[0]?.level ?? null;
  }

  async unitNames(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (ids.length === 0) return out;
    const rows: { id: string; name: string }[] = await this.data.dataSource.query(`SELECT id, name FROM org_unit WHERE tenant_id = ? AND id IN (?)`, [
      this.tenantId,
      [...new Set(ids)],
    ]);
    for (const r of rows) out.set(String(r.id), r.name);
    return out;
  }

  // ───────────── versions ─────────────

  async insertVersion(
    v: { planId: string; version: number; event: string; content: Record<string, unknown>; diff: unknown[] | null; createdBy: string | null },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(`INSERT INTO plan_version (tenant_id, plan_id, version, event, content, diff, created_by) VALUES (?,?,?,?,?,?,?)`, [
      this.tenantId,
      v.planId,
      v.version,
      v.event,
      JSON.stringify(v.content),
      v.diff === null ? null : JSON.stringify(v.diff),
      v.createdBy,
    ]);
  }

  /** Versions of the given plans (without their content), newest first. */
  async versions(planIds: string[]): Promise<{ planId: string; version: number; event: string; symbol: string | null; diff: unknown[] | null; createdBy: string | null; createdAt: Date }[]> {
    if (planIds.length === 0) return [];
    const rows: { plan_id: string; version: number; event: string; symbol: string | null; diff: unknown; created_by: string | null; created_at: Date }[] =
      await this.data.dataSource.query(
        `SELECT v.plan_id, v.version, v.event, JSON_UNQUOTE(JSON_EXTRACT(v.content, '$.number')) AS symbol, v.diff, v.created_by, v.created_at
         FROM plan_version v WHERE v.tenant_id = ? AND v.plan_id IN (?) ORDER BY v.version DESC, v.id DESC`,
        [this.tenantId, planIds],
      );
    return rows.map((r) => ({
      planId: String(r.plan_id),
      version: Number(r.version),
      event: r.event,
      symbol: r.symbol && r.symbol !== 'null' ? r.symbol : null,
      diff: r.diff === null ? null : json<unknown[]>(r.diff),
      createdBy: r.created_by === null ? null : String(r.created_by),
      createdAt: r.created_at,
    }));
  }

  /** The latest plan that revises `planId`, if any. */
  async revisionOf(planId: string, manager?: EntityManager): Promise<{ id: string; status: PlanStatus } | null> {
    const rows: { id: string; status: PlanStatus }[] = await this.m(manager).query(
      `SELECT id, status FROM plan WHERE tenant_id = ? AND revision_of_id = ? ORDER BY id DESC LIMIT 1`,
      [this.tenantId, planId],
    );
    return rows[0] ? { id: String(rows[0].id), status: rows[0].status } : null;
  }

  // ───────────── activities and obligations ─────────────

  /**
   * Rebuilds the plan's calendar rows from its content (every save derives them) and keeps the progress
   * recorded on them: an activity that matches one of the rows before — or, for a revision, one of the plan
   * it revises (`carryFrom`) — by name and first day (by name alone when that is unambiguous) keeps its
   * status, day done and note.
   */
  async replaceActivities(planId: string, rows: ActivityRow[], manager: EntityManager, carryFrom?: string | null): Promise<void> {
    const tenantId = this.tenantId;
    const recorded = await this.recordedProgress([planId, ...(carryFrom ? [carryFrom] : [])], manager);
    const byKey = new Map<string, ActivityProgress>();
    const byName = new Map<string, ActivityProgress | null>();
    for (const r of recorded) {
      const key = activityKey(r);
      if (!byKey.has(key)) byKey.set(key, r.progress);
      const name = key.slice(0, key.lastIndexOf('|'));
      byName.set(name, byName.has(name) && byName.get(name) !== r.progress ? null : r.progress);
    }
    await manager.query(`DELETE FROM plan_activity WHERE tenant_id = ? AND plan_id = ?`, [tenantId, planId]);
    for (let i = 0; i < rows.length; i += CHUNK / 10) {
      const chunk = rows.slice(i, i + CHUNK / 10);
      const kept = chunk.map((a) => {
        const key = activityKey(a);
        return byKey.get(key) ?? byName.get(key.slice(0, key.lastIndexOf('|'))) ?? null;
      });
      await manager.query(
        `INSERT INTO plan_activity (tenant_id, plan_id, idx, name, time_text, date_from, date_to, level, lead_units, cooperating, status, done_on, status_note, status_by, status_at)
         VALUES ${chunk.map(() => `(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`).join(',')}`,
        chunk.flatMap((a, j) => {
          const p = kept[j];
          return [
            tenantId,
            planId,
            a.idx,
            a.name,
            a.timeText,
            a.dateFrom,
            a.dateTo,
            a.level,
            JSON.stringify(a.leadUnits),
            JSON.stringify(a.cooperating),
            p?.status ?? a.status,
            p?.doneOn ?? null,
            p?.note ?? null,
            p?.by ?? null,
            p?.at ?? null,
          ];
        }),
      );
    }
  }

  /** Rows whose progress someone recorded (the plans in order: the first plan's rows win). */
  private async recordedProgress(planIds: string[], manager: EntityManager): Promise<{ name: string; dateFrom: string | null; progress: ActivityProgress }[]> {
    const rows: { plan_id: string; name: string; date_from: string | null; status: string; done_on: string | null; status_note: string | null; status_by: string | null; status_at: Date | null }[] =
      await manager.query(
        `SELECT plan_id, name, date_from, status, done_on, status_note, status_by, status_at FROM plan_activity
         WHERE tenant_id = ? AND plan_id IN (?) AND status_at IS NOT NULL`,
        [this.tenantId, planIds],
      );
    const order = (id: string) => planIds.indexOf(String(id));
    return rows
      .sort((a, b) => order(a.plan_id) - order(b.plan_id))
      .map((r) => ({
        name: r.name,
        dateFrom: r.date_from,
        progress: { status: r.status, doneOn: r.done_on, note: r.status_note, by: r.status_by === null ? null : String(r.status_by), at: r.status_at },
      }));
  }

  /** Records an activity's progress; answers whether the row exists. */
  async setActivityProgress(planId: string, idx: number, p: ActivityProgress, manager: EntityManager): Promise<boolean> {
    const result: { affectedRows: number } = await manager.query(
      `UPDATE plan_activity SET status = ?, done_on = ?, status_note = ?, status_by = ?, status_at = ? WHERE tenant_id = ? AND plan_id = ? AND idx = ?`,
      [p.status, p.doneOn, p.note, p.by, p.at, this.tenantId, planId, idx],
    );
    return Number(result.affectedRows) > 0;
  }

  /** The calendar rows of one plan (its activities with level and progress), in the order of the content. */
  async activitiesOf(planId: string, manager?: EntityManager) {
    const rows: { idx: number; level: string | null; status: string; done_on: string | null; status_note: string | null; status_at: Date | null }[] = await this.m(manager).query(
      `SELECT idx, level, status, done_on, status_note, status_at FROM plan_activity WHERE tenant_id = ? AND plan_id = ? ORDER BY idx`,
      [this.tenantId, planId],
    );
    return rows.map((r) => ({
      idx: Number(r.idx),
      level: r.level,
      status: r.status,
      doneOn: r.done_on,
      note: r.status_note,
      updatedAt: r.status_at ? new Date(r.status_at).toISOString() : null,
    }));
  }

  async replaceObligations(planId: string, rows: ObligationRow[], manager: EntityManager): Promise<void> {
    const tenantId = this.tenantId;
    await manager.query(`DELETE FROM reporting_obligation WHERE tenant_id = ? AND plan_id = ?`, [tenantId, planId]);
    for (let i = 0; i < rows.length; i += CHUNK / 10) {
      const chunk = rows.slice(i, i + CHUNK / 10);
      await manager.query(
        `INSERT INTO reporting_obligation (tenant_id, plan_id, idx, unit_id, period_kind, deadline, report_to, reporter)
         VALUES ${chunk.map(() => '(?,?,?,?,?,?,?,?)').join(',')}`,
        chunk.flatMap((o) => [tenantId, planId, o.idx, o.unitId, o.periodKind, o.deadline, o.reportTo, o.reporter]),
      );
    }
  }

  /** Activities of issued or closed plans in the scope that overlap [from, to], by date. */
  async calendar(scope: PlanScope, from: string, to: string, limit = 2000) {
    const rows: {
      id: string;
      plan_id: string;
      idx: number;
      name: string;
      time_text: string | null;
      date_from: string;
      date_to: string;
      level: string | null;
      lead_units: unknown;
      cooperating: unknown;
      status: string;
      done_on: string | null;
      status_note: string | null;
      symbol: string | null;
      title: string;
      plan_status: PlanStatus;
      unit_id: string;
    }[] = await this.data.dataSource.query(
      `SELECT a.id, a.plan_id, a.idx, a.name, a.time_text, a.date_from, a.date_to, a.level, a.lead_units, a.cooperating, a.status,
              a.done_on, a.status_note, p.symbol, p.title, p.status AS plan_status, p.unit_id
       FROM plan_activity a JOIN plan p ON p.tenant_id = a.tenant_id AND p.id = a.plan_id
       WHERE a.tenant_id = ? AND a.date_from IS NOT NULL AND a.date_from <= ? AND COALESCE(a.date_to, a.date_from) >= ?
         AND p.status IN ('issued', 'closed') AND ${this.scopeSql('p')}
       ORDER BY a.date_from, a.date_to, p.id, a.idx LIMIT ?`,
      [this.tenantId, to, from, ...this.scopeParams(scope), limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      planId: String(r.plan_id),
      planSymbol: r.symbol,
      planTitle: r.title,
      planStatus: r.plan_status,
      unitId: String(r.unit_id),
      idx: Number(r.idx),
      name: r.name,
      timeText: r.time_text,
      dateFrom: r.date_from,
      dateTo: r.date_to ?? r.date_from,
      level: r.level,
      leadUnits: json<string[]>(r.lead_units),
      cooperatingUnits: json<string[]>(r.cooperating),
      status: r.status,
      doneOn: r.done_on,
      note: r.status_note,
    }));
  }

  /** What the unit must report because of issued plans. */
  obligationsOf(unitId: string) {
    return this.obligationRows(`o.unit_id = ? AND p.status = 'issued'`, [unitId], 'p.year DESC, p.issued_on DESC, p.id DESC, o.idx');
  }

  /** Whom the plan binds, of the units within the subtrees of `scopeUnitIds`, unit by unit in Vietnamese order. */
  obligationsOfPlan(planId: string, scopeUnitIds: string[]) {
    if (scopeUnitIds.length === 0) return Promise.resolve([]);
    return this.obligationRows(
      `o.plan_id = ? AND EXISTS (SELECT 1 FROM org_unit_closure sc WHERE sc.tenant_id = o.tenant_id AND sc.descendant_id = o.unit_id AND sc.ancestor_id IN (?))`,
      [planId, scopeUnitIds],
      'u.sort_key, u.id, o.idx',
    );
  }

  private async obligationRows(where: string, params: unknown[], order: string) {
    const rows: {
      id: string;
      plan_id: string;
      unit_id: string;
      period_kind: string;
      deadline: string | null;
      report_to: string | null;
      reporter: string | null;
      symbol: string | null;
      title: string;
      year: number;
      unit_name: string;
    }[] = await this.data.dataSource.query(
      `SELECT o.id, o.plan_id, o.unit_id, o.period_kind, o.deadline, o.report_to, o.reporter, p.symbol, p.title, p.year, u.name AS unit_name
       FROM reporting_obligation o
       JOIN plan p ON p.tenant_id = o.tenant_id AND p.id = o.plan_id
       JOIN org_unit u ON u.tenant_id = o.tenant_id AND u.id = o.unit_id
       WHERE o.tenant_id = ? AND ${where}
       ORDER BY ${order}`,
      [this.tenantId, ...params],
    );
    return rows.map((r) => ({
      id: String(r.id),
      planId: String(r.plan_id),
      planSymbol: r.symbol,
      planTitle: r.title,
      planYear: Number(r.year),
      unitId: String(r.unit_id),
      unitName: r.unit_name,
      periodKind: r.period_kind,
      deadline: r.deadline,
      reportTo: r.report_to,
      reporter: r.reporter,
    }));
  }

  // ───────────── allocations ─────────────

  async allocations(planId: string): Promise<{ targetIndex: number; unitId: string; value: number }[]> {
    const rows: { target_index: number; unit_id: string; value: string }[] = await this.data.dataSource.query(
      `SELECT target_index, unit_id, value FROM plan_allocation WHERE tenant_id = ? AND plan_id = ? ORDER BY target_index, unit_id`,
      [this.tenantId, planId],
    );
    return rows.map((r) => ({ targetIndex: Number(r.target_index), unitId: String(r.unit_id), value: Number(r.value) }));
  }

  async replaceAllocations(planId: string, targetIndex: number, rows: { unitId: string; value: number }[], manager: EntityManager): Promise<void> {
    const tenantId = this.tenantId;
    await manager.query(`DELETE FROM plan_allocation WHERE tenant_id = ? AND plan_id = ? AND target_index = ?`, [tenantId, planId, targetIndex]);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await manager.query(
        `INSERT INTO plan_allocation (tenant_id, plan_id, target_index, unit_id, value) VALUES ${chunk.map(() => '(?,?,?,?,?)').join(',')}`,
        chunk.flatMap((a) => [tenantId, planId, targetIndex, a.unitId, a.value]),
      );
    }
  }

  // ───────────── document numbers ─────────────

  /**
   * Makes sure the counter row exists, in its own statement before the issuing transaction: the transaction
   * then only locks an existing row (SELECT … FOR UPDATE), so two issues queue up instead of deadlocking on
   * the insert's shared lock.
   */
  async ensureCounter(issuingBody: string, kind: string, year: number): Promise<void> {
    await this.data.dataSource.query(`INSERT IGNORE INTO document_number (tenant_id, issuing_body, kind, year, last_number) VALUES (?,?,?,?,0)`, [
      this.tenantId,
      issuingBody,
      kind,
      year,
    ]);
  }

  /** The last number given, with the counter row locked until the transaction ends (ensureCounter made the row). */
  async lockCounter(issuingBody: string, kind: string, year: number, manager: EntityManager): Promise<number> {
    const select = (): Promise<{ last_number: number }[]> =>
      manager.query(`SELECT last_number FROM document_number WHERE tenant_id = ? AND issuing_body = ? AND kind = ? AND year = ? FOR UPDATE`, [
        this.tenantId,
        issuingBody,
        kind,
        year,
      ]);
    let rows = await select();
    if (rows.length === 0) {
      // Not made beforehand: insert it here (a concurrent first issue may then deadlock and be retried).
      await manager.query(`INSERT IGNORE INTO document_number (tenant_id, issuing_body, kind, year, last_number) VALUES (?,?,?,?,0)`, [
        this.tenantId,
        issuingBody,
        kind,
        year,
      ]);
      rows = await select();
    }
    return Number(rows[0]?.last_number ?? 0);
  }

  /** Raises the counter to `number` (never lowers it: an imported plan's own number may be below the last one). */
  async raiseCounter(issuingBody: string, kind: string, year: number, number: number, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE document_number SET last_number = GREATEST(last_number, ?) WHERE tenant_id = ? AND issuing_body = ? AND kind = ? AND year = ?`,
      [number, this.tenantId, issuingBody, kind, year],
    );
  }

  async counter(issuingBody: string, kind: string, year: number): Promise<number | null> {
    const rows: { last_number: number }[] = await this.data.dataSource.query(
      `SELECT last_number FROM document_number WHERE tenant_id = ? AND issuing_body = ? AND kind = ? AND year = ?`,
      [this.tenantId, issuingBody, kind, year],
    );
    return rows[0] ? Number(rows[0].last_number) : null;
  }

  /** Another issued (or closed, superseded) document of the same body, kind and year (of issue; an undated one: its plan's) with this number? */
  async numberTaken(issuingBody: string, kind: string, numberYear: number, number: number, exceptId: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 AS x FROM plan WHERE tenant_id = ? AND issuing_body = ? AND kind = ? AND number = ? AND COALESCE(YEAR(issued_on), year) = ?
         AND status IN ('issued', 'closed', 'superseded') AND id <> ? LIMIT 1`,
      [this.tenantId, issuingBody, kind, number, numberYear, exceptId],
    );
    return rows.length > 0;
  }
}
