import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { foldVietnamese, vietnameseSortKey, type UnitKind } from '@sen/contracts';
import { OrgUnitEntity, OrgUnitEventEntity, TenantContext, TenantDataSource, type OrgUnitEventType } from '@sen/db';

export interface NewUnit {
  name: string;
  code: string | null;
  level: string;
  kind: UnitKind;
  parentId: string | null;
  validFrom: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
}

/** mysql2 caps a statement at 65,535 placeholders: bulk statements go in chunks of this many rows. */
const CHUNK = 2000;

/**
 * The unit tree of the current tenant: rows in `org_unit`, paths in the closure table `org_unit_closure`.
 * The only place that touches these tables; every statement carries the context's tenant.
 */
@Injectable()
export class OrgUnitRepository {
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

  findById(id: string, manager?: EntityManager): Promise<OrgUnitEntity | null> {
    return this.data.repository(OrgUnitEntity).withManager(this.m(manager)).findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<OrgUnitEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.data.repository(OrgUnitEntity).query('u').andWhere('u.id IN (:...ids)', { ids }).orderBy('u.sortKey').getMany();
  }

  /** Is `unitId` inside the subtree of one of `scopeUnitIds` (a unit is inside its own subtree)? */
  async isWithin(unitId: string, scopeUnitIds: string[], manager?: EntityManager): Promise<boolean> {
    if (scopeUnitIds.length === 0) return false;
    const rows: unknown[] = await this.m(manager).query(
      `SELECT 1 FROM org_unit_closure WHERE tenant_id = ? AND descendant_id = ? AND ancestor_id IN (?) LIMIT 1`,
      [this.tenantId, unitId, scopeUnitIds],
    );
    return rows.length > 0;
  }

  /** Children of a unit valid on `asOf` (or all, with history), in Vietnamese order. */
  async children(parentId: string, opts: { asOf: string | null; limit: number; offset: number; level?: string }) {
    const qb = this.data
      .repository(OrgUnitEntity)
      .query('u')
      .andWhere('u.parentId = :parentId', { parentId });
    if (opts.level) qb.andWhere('u.level = :level', { level: opts.level });
    if (opts.asOf) qb.andWhere('(u.validTo IS NULL OR u.validTo >= :asOf)', { asOf: opts.asOf });
    const [items, total] = await qb.orderBy('u.sortKey', 'ASC').addOrderBy('u.id', 'ASC').take(opts.limit).skip(opts.offset).getManyAndCount();
    return { items, total };
  }

  /** Search ignoring diacritics and case within the subtrees of `scopeUnitIds`. */
  async search(q: string, scopeUnitIds: string[], opts: { asOf: string | null; limit: number; offset: number; level?: string }) {
    const folded = `%${foldVietnamese(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const qb = this.data
      .repository(OrgUnitEntity)
      .query('u')
      .innerJoin('org_unit_closure', 'c', 'c.tenant_id = u.tenant_id AND c.descendant_id = u.id AND c.ancestor_id IN (:...scope)', { scope: scopeUnitIds })
      .andWhere('u.nameFolded LIKE :folded', { folded });
    if (opts.level) qb.andWhere('u.level = :level', { level: opts.level });
    if (opts.asOf) qb.andWhere('(u.validTo IS NULL OR u.validTo >= :asOf)', { asOf: opts.asOf });
    const [items, total] = await qb.orderBy('u.sortKey', 'ASC').addOrderBy('u.id', 'ASC').take(opts.limit).skip(opts.offset).getManyAndCount();
    return { items, total };
  }

  /** Children still valid today (closed units stay in history, not in the count). */
  async childCount(id: string): Promise<number> {
    return this.data
      .repository(OrgUnitEntity)
      .query('u')
      .andWhere('u.parentId = :id', { id })
      .andWhere('(u.validTo IS NULL OR u.validTo >= :today)', { today: new Date().toISOString().slice(0, 10) })
      .getCount();
  }

  /** Ancestors from the root down to the unit itself. */
  async path(id: string): Promise<{ id: string; name: string }[]> {
    const rows: { id: string; name: string }[] = await this.data.dataSource.query(
      `SELECT u.id, u.name FROM org_unit_closure c JOIN org_unit u ON u.tenant_id = c.tenant_id AND u.id = c.ancestor_id
       WHERE c.tenant_id = ? AND c.descendant_id = ? ORDER BY c.depth DESC`,
      [this.tenantId, id],
    );
    return rows.map((r) => ({ id: String(r.id), name: r.name }));
  }

  /** Inserts units (parents before children) and their closure rows, set-based. Returns ids in input order. */
  async insertUnits(units: NewUnit[], manager: EntityManager): Promise<string[]> {
    const tenantId = this.tenantId;
    const ids: string[] = [];
    for (let i = 0; i < units.length; i += CHUNK) {
      const chunk = units.slice(i, i + CHUNK);
      const values = chunk.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?)').join(',');
      const params = chunk.flatMap((u) => [
        tenantId,
        u.parentId,
        u.name,
        foldVietnamese(u.name),
        vietnameseSortKey(u.name),
        u.code,
        u.level,
        u.kind,
        u.validFrom,
        u.contactName ?? null,
        u.contactPhone ?? null,
        u.contactEmail ?? null,
      ]);
      const result: { insertId: number | string; affectedRows: number } = await manager.query(
        `INSERT INTO org_unit (tenant_id, parent_id, name, name_folded, sort_key, code, level, kind, valid_from, contact_name, contact_phone, contact_email) VALUES ${values}`,
        params,
      );
      // One multi-row INSERT normally gets consecutive ids, but the engines do not promise it under concurrent
      // inserts; read the rows back and check them against what was sent, so a surprise aborts the
      // transaction instead of wiring wrong paths.
      const first = BigInt(result.insertId);
      const rows: { id: string; name: string; parent_id: string | null }[] = await manager.query(
        `SELECT id, name, parent_id FROM org_unit WHERE tenant_id = ? AND id >= ? ORDER BY id LIMIT ?`,
        [tenantId, first.toString(), chunk.length],
      );
      const matches =
        rows.length === chunk.length &&
        rows.every((r, k) => r.name === chunk[k]!.name && (r.parent_id === null ? null : String(r.parent_id)) === chunk[k]!.parentId);
      if (!matches) throw new Error('inserted units could not be read back in order; nothing was saved');
      const chunkIds = rows.map((r) => String(r.id));
      ids.push(...chunkIds);
      await manager.query(
        `INSERT INTO org_unit_closure (tenant_id, ancestor_id, descendant_id, depth)
         SELECT ?, u.id, u.id, 0 FROM org_unit u WHERE u.tenant_id = ? AND u.id IN (?)`,
        [tenantId, tenantId, chunkIds],
      );
      await manager.query(
        `INSERT INTO org_unit_closure (tenant_id, ancestor_id, descendant_id, depth)
         SELECT p.tenant_id, p.ancestor_id, u.id, p.depth + 1
         FROM org_unit u JOIN org_unit_closure p ON p.tenant_id = u.tenant_id AND p.descendant_id = u.parent_id
         WHERE u.tenant_id = ? AND u.id IN (?)`,
        [tenantId, chunkIds],
      );
    }
    return ids;
  }

  /** Moves a subtree under a new parent: drop the paths from outside ancestors, add the new ones. */
  async moveSubtree(unitId: string, newParentId: string, manager: EntityManager): Promise<void> {
    const tenantId = this.tenantId;
    await manager.query(
      `DELETE c FROM org_unit_closure c
       JOIN org_unit_closure sub ON sub.tenant_id = c.tenant_id AND sub.descendant_id = c.descendant_id AND sub.ancestor_id = ?
       LEFT JOIN org_unit_closure inside ON inside.tenant_id = c.tenant_id AND inside.ancestor_id = ? AND inside.descendant_id = c.ancestor_id
       WHERE c.tenant_id = ? AND inside.descendant_id IS NULL`,
      [unitId, unitId, tenantId],
    );
    await manager.query(
      `INSERT INTO org_unit_closure (tenant_id, ancestor_id, descendant_id, depth)
       SELECT p.tenant_id, p.ancestor_id, s.descendant_id, p.depth + s.depth + 1
       FROM org_unit_closure p JOIN org_unit_closure s ON s.tenant_id = p.tenant_id AND s.ancestor_id = ?
       WHERE p.tenant_id = ? AND p.descendant_id = ?`,
      [unitId, tenantId, newParentId],
    );
    await manager.query(`UPDATE org_unit SET parent_id = ? WHERE tenant_id = ? AND id = ?`, [newParentId, tenantId, unitId]);
  }

  async rename(unitId: string, name: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE org_unit SET name = ?, name_folded = ?, sort_key = ? WHERE tenant_id = ? AND id = ?`, [
      name,
      foldVietnamese(name),
      vietnameseSortKey(name),
      this.tenantId,
      unitId,
    ]);
  }

  async setCode(unitId: string, code: string | null, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE org_unit SET code = ? WHERE tenant_id = ? AND id = ?`, [code, this.tenantId, unitId]);
  }

  /** Sets the contact fields given (undefined leaves a field as it is, null clears it). */
  async setContact(unitId: string, c: { contactName?: string | null; contactPhone?: string | null; contactEmail?: string | null }, manager: EntityManager): Promise<void> {
    const sets = (['contactName', 'contactPhone', 'contactEmail'] as const).filter((k) => c[k] !== undefined);
    if (sets.length === 0) return;
    const column = { contactName: 'contact_name', contactPhone: 'contact_phone', contactEmail: 'contact_email' } as const;
    await manager.query(`UPDATE org_unit SET ${sets.map((k) => `${column[k]} = ?`).join(', ')} WHERE tenant_id = ? AND id = ?`, [
      ...sets.map((k) => c[k] ?? null),
      this.tenantId,
      unitId,
    ]);
  }

  /** Ends a unit's validity and names its successor (merge, dissolution). */
  async close(unitIds: string[], validTo: string, successorId: string | null, manager: EntityManager): Promise<void> {
    if (unitIds.length === 0) return;
    await manager.query(`UPDATE org_unit SET valid_to = ?, successor_id = ? WHERE tenant_id = ? AND id IN (?)`, [
      validTo,
      successorId,
      this.tenantId,
      unitIds,
    ]);
  }

  /** Current (still valid) children of a unit. */
  async currentChildIds(parentId: string, manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM org_unit WHERE tenant_id = ? AND parent_id = ? AND valid_to IS NULL`,
      [this.tenantId, parentId],
    );
    return rows.map((r) => String(r.id));
  }

  /** The periods in which the tenant has counted values (what a change of the tree makes stale). */
  async countedPeriods(): Promise<string[]> {
    const rows: { period: string }[] = await this.data.dataSource.query('SELECT DISTINCT period FROM unit_value WHERE tenant_id = ? ORDER BY period', [this.tenantId]);
    return rows.map((r) => String(r.period));
  }

  async existingCodes(codes: string[]): Promise<Map<string, { id: string; level: string }>> {
    const found = new Map<string, { id: string; level: string }>();
    for (let i = 0; i < codes.length; i += CHUNK) {
      const chunk = codes.slice(i, i + CHUNK);
      if (chunk.length === 0) continue;
      const rows: { id: string; code: string; level: string }[] = await this.data.dataSource.query(
        `SELECT id, code, level FROM org_unit WHERE tenant_id = ? AND code IN (?)`,
        [this.tenantId, chunk],
      );
      for (const r of rows) found.set(r.code, { id: String(r.id), level: r.level });
    }
    return found;
  }

  async recordEvent(
    e: { unitId: string; type: OrgUnitEventType; effectiveFrom: string; data: Record<string, unknown> },
    manager: EntityManager,
  ): Promise<void> {
    const ctx = TenantContext.current();
    await this.data.repository(OrgUnitEventEntity).withManager(manager).insertMany([{ ...e, userId: ctx.userId }]);
  }

  async events(unitId: string): Promise<OrgUnitEventEntity[]> {
    return this.data.repository(OrgUnitEventEntity).find({ where: { unitId }, order: { effectiveFrom: 'ASC', id: 'ASC' } });
  }

  /** Units (ids) that were merged into `unitId`, for history that rolls up into the successor. */
  async predecessors(unitId: string): Promise<OrgUnitEntity[]> {
    return this.data.repository(OrgUnitEntity).find({ where: { successorId: unitId }, order: { sortKey: 'ASC' } });
  }
}
