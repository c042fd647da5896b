import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { GLOBAL_ENTITIES, TenantContext, type Tenant } from '@sen/db';
import { ConflictError, NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { TenantDirectory } from '../../core/tenancy/tenant-directory';
import { AggregationQueue } from '../aggregation/aggregation-queue.service';
import { AuditService } from '../audit/audit.service';
import { OrgUnitRepository } from '../org-units/org-unit.repository';

export interface AbsorbRequest {
  absorbedCode: string;
  effectiveFrom: string;
  /** Keep the absorbed tenant's users (moved, usernames prefixed on clash) or disable them. */
  keepUsers: boolean;
}

/** Tables holding per-tenant counters rather than data. */
const COUNTER_TABLES = ['document_number'];

const dayBefore = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * A tenant absorbs another (merged provinces, 2025): the absorbed tenant's units move under the absorbing
 * root with their whole history (reports, values, events), its root closes the day before the effective
 * date with the absorbing root as successor, and its users are kept or disabled. One transaction; every
 * tenant-owned table is moved, found from the entity metadata so a new table cannot be forgotten.
 */
@Injectable()
export class TenantAbsorptionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: TenantDirectory,
    private readonly audit: AuditService,
    private readonly queue: AggregationQueue,
    private readonly units: OrgUnitRepository,
  ) {}

  private tenantTables(): string[] {
    return this.dataSource.entityMetadatas
      .filter((m) => !GLOBAL_ENTITIES.includes(m.target as never) && m.columns.some((c) => c.propertyName === 'tenantId'))
      .map((m) => m.tableName);
  }

  async absorb(absorbingCode: string, req: AbsorbRequest): Promise<{ movedUnits: number; movedUsers: number; disabledUsers: number }> {
    const absorbing = await this.directory.findByCode(absorbingCode);
    const absorbed = await this.directory.findByCode(req.absorbedCode);
    if (!absorbing) throw new NotFoundError('Tenant', 'đơn vị (tỉnh/thành)');
    if (!absorbed) {
      throw new ValidationFailedError([{ field: 'absorbedCode', reason: `không có đơn vị mã "${req.absorbedCode}"`, reasonEn: `no tenant "${req.absorbedCode}"` }]);
    }
    if (absorbed.id === absorbing.id || absorbed.isCentral || absorbing.isCentral) {
      throw new ValidationFailedError([{ field: 'absorbedCode', reason: 'không thể sáp nhập đơn vị này', reasonEn: 'this tenant cannot be absorbed here' }]);
    }
    if (absorbed.status === 'absorbed') throw new ConflictError('Đơn vị đã được sáp nhập trước đó', 'The tenant was already absorbed');
    if (!absorbing.rootUnitId || !absorbed.rootUnitId) throw new ConflictError('Đơn vị chưa có đơn vị gốc', 'A tenant has no root unit');

    const result = await this.dataSource.transaction(async (m) => {
      const from = absorbed.id;
      const to = absorbing.id;
      // Unique keys that could clash once both tenants share an id: resolve them first.
      await m.query(
        `UPDATE org_unit a JOIN org_unit b ON b.tenant_id = ? AND b.code = a.code SET a.code = CONCAT(?, '-', a.code) WHERE a.tenant_id = ?`,
        [to, absorbed.code, from],
      );
      const users: { id: string; username: string }[] = await m.query('SELECT id, username FROM app_user WHERE tenant_id = ?', [from]);
      const [moved]: { n: string }[] = await m.query('SELECT COUNT(*) AS n FROM org_unit WHERE tenant_id = ?', [from]);
      await m.query(
        `UPDATE app_user a JOIN app_user b ON b.tenant_id = ? AND b.username = a.username SET a.username = CONCAT(LOWER(?), '.', a.username) WHERE a.tenant_id = ?`,
        [to, absorbed.code, from],
      );
      if (!req.keepUsers) await m.query(`UPDATE app_user SET status = 'disabled' WHERE tenant_id = ?`, [from]);
      // Forms and indicators that both tenants have (the national ones) become the absorbing tenant's.
      await m.query(
        `UPDATE report r JOIN report_form fa ON fa.tenant_id = r.tenant_id AND fa.id = r.form_id
         JOIN report_form fb ON fb.tenant_id = ? AND fb.code = fa.code SET r.form_id = fb.id WHERE r.tenant_id = ?`,
        [to, from],
      );
      await m.query(`DELETE fa FROM report_form fa JOIN report_form fb ON fb.tenant_id = ? AND fb.code = fa.code WHERE fa.tenant_id = ?`, [to, from]);
      await m.query(`DELETE a FROM tenant_indicator a JOIN tenant_indicator b ON b.tenant_id = ? AND b.code = a.code WHERE a.tenant_id = ?`, [to, from]);
      // Rollups are derived: the absorbed tenant's are dropped and recomputed under the new tree below.
      await m.query('DELETE FROM rollup WHERE tenant_id = ?', [from]);
      await m.query('DELETE FROM national_rollup WHERE tenant_id = ?', [from]);
      await this.dropCounters(m, from);
      for (const table of this.tenantTables()) {
        if (table === 'rollup') continue;
        await m.query(`UPDATE ${table} SET tenant_id = ? WHERE tenant_id = ?`, [to, from]);
      }
      // The absorbed root goes under the absorbing root: paths from the absorbing root's ancestors.
      await m.query(
        `INSERT INTO org_unit_closure (tenant_id, ancestor_id, descendant_id, depth)
         SELECT ?, p.ancestor_id, s.descendant_id, p.depth + s.depth + 1
         FROM org_unit_closure p JOIN org_unit_closure s ON s.tenant_id = ? AND s.ancestor_id = ?
         WHERE p.tenant_id = ? AND p.descendant_id = ?`,
        [to, to, absorbed.rootUnitId, to, absorbing.rootUnitId],
      );
      await m.query('UPDATE org_unit SET parent_id = ?, valid_to = ?, successor_id = ? WHERE tenant_id = ? AND id = ?', [
        absorbing.rootUnitId,
        dayBefore(req.effectiveFrom),
        absorbing.rootUnitId,
        to,
        absorbed.rootUnitId,
      ]);
      // The absorbed tenant's current units now sit straight under the absorbing root (the closed root keeps
      // the history of the units that closed with it).
      await TenantContext.run(TenantContext.system(absorbing.id, absorbing.code, 'absorb'), async () => {
        for (const childId of await this.units.currentChildIds(String(absorbed.rootUnitId), m)) {
          await this.units.moveSubtree(childId, String(absorbing.rootUnitId), m);
        }
      });
      await m.query(
        `INSERT INTO org_unit_event (tenant_id, unit_id, type, effective_from, data) VALUES (?, ?, 'absorb', ?, ?)`,
        [to, absorbing.rootUnitId, req.effectiveFrom, JSON.stringify({ absorbed: absorbed.code, absorbedRootUnitId: absorbed.rootUnitId })],
      );
      await m.query(`UPDATE tenant SET status = 'absorbed', absorbed_into_id = ? WHERE id = ?`, [to, from]);
      await TenantContext.run(TenantContext.system(absorbing.id, absorbing.code, 'absorb'), () =>
        this.audit.record({ action: 'tenant.absorb', entity: 'tenant', entityId: absorbed.id, before: { code: absorbed.code, status: absorbed.status }, after: { into: absorbing.code, ...req } }, m),
      );
      return { movedUnits: Number(moved?.n ?? 0), movedUsers: req.keepUsers ? users.length : 0, disabledUsers: req.keepUsers ? 0 : users.length };
    });
    await this.recomputeAfterAbsorb(absorbing);
    return result;
  }

  /**
   * Per-tenant counters (document numbers) are not moved: the absorbed tenant's documents keep their numbers
   * and the absorbing tenant's numbering goes on from its own counter.
   */
  private async dropCounters(m: EntityManager, tenantId: string): Promise<void> {
    const tables = this.tenantTables().filter((t) => COUNTER_TABLES.includes(t));
    for (const t of tables) await m.query(`DELETE FROM ${t} WHERE tenant_id = ?`, [tenantId]);
  }

  /** Every period with counted values is recomputed under the new tree. */
  private async recomputeAfterAbsorb(absorbing: Tenant): Promise<void> {
    const periods: { period: string }[] = await this.dataSource.query('SELECT DISTINCT period FROM unit_value WHERE tenant_id = ?', [absorbing.id]);
    for (const { period } of periods) await this.queue.enqueueRecompute(period, absorbing.id);
  }
}
