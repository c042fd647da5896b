import { Injectable, Logger } from '@nestjs/common';
import type {
  CreateOrgUnit,
  DissolveOrgUnit,
  SplitOrgUnit,
  MergeOrgUnits,
  OrgUnit,
  OrgUnitListItem,
  OrgUnitListQuery,
  OrgUnitListResponse,
  UpdateOrgUnit,
} from '@sen/contracts';
import type { OrgUnitEntity } from '@sen/db';
import { hasRole, type Actor } from '../../core/auth/actor';
import { DomainError, ForbiddenError, NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { TenantDirectory } from '../../core/tenancy/tenant-directory';
import { AggregationQueue } from '../aggregation/aggregation-queue.service';
import { OrgUnitRepository } from './org-unit.repository';

const today = (): string => new Date().toISOString().slice(0, 10);
const dayBefore = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function toListItem(u: OrgUnitEntity): OrgUnitListItem {
  return { id: u.id, name: u.name, level: u.level, kind: u.kind, parentId: u.parentId };
}

/** Use cases of the unit tree. Every unit id from a client is checked against the actor's subtrees. */
@Injectable()
export class OrgUnitService {
  private readonly logger = new Logger('OrgUnitService');

  constructor(
    private readonly units: OrgUnitRepository,
    private readonly queue: AggregationQueue,
    private readonly audit: AuditService,
    private readonly tenants: TenantDirectory,
  ) {}

  /** A unit the actor may see, or 404 — the same answer for another tenant's id and for an id outside the subtree. */
  /**
   * Rollups follow the tree: after a move, merge, split or dissolution, every period with counted values is
   * recomputed in the worker (values of a unit closed before a period move to its successor). A new unit needs
   * none (it has nothing counted yet). Best effort: the change is saved; if the queue is down, the rollups page
   * recomputes a period by hand.
   */
  private async recomputeAfterTreeChange(tenantId: string): Promise<void> {
    try {
      for (const period of await this.units.countedPeriods()) await this.queue.enqueueRecompute(period, tenantId);
    } catch (err) {
      this.logger.warn(`recompute after a change of the unit tree not enqueued: ${(err as Error).message}`);
    }
  }

  async visibleUnit(actor: Actor, id: string): Promise<OrgUnitEntity> {
    const unit = await this.units.findById(id);
    if (!unit || !(await this.units.isWithin(id, actor.unitIds))) throw new NotFoundError('Unit', 'đơn vị');
    return unit;
  }

  private assertCanWrite(actor: Actor): void {
    if (!hasRole(actor, 'tenant_admin', 'unit_manager')) throw new ForbiddenError();
  }

  async list(actor: Actor, q: OrgUnitListQuery): Promise<OrgUnitListResponse> {
    const asOf = today();
    if (q.q) {
      const { items, total } = await this.units.search(q.q, q.parentId ? [q.parentId] : actor.unitIds, { asOf, limit: q.limit, offset: q.offset, level: q.level });
      if (q.parentId) await this.visibleUnit(actor, q.parentId);
      return { items: items.map(toListItem), total };
    }
    if (q.parentId) {
      await this.visibleUnit(actor, q.parentId);
      const { items, total } = await this.units.children(q.parentId, { asOf, limit: q.limit, offset: q.offset, level: q.level });
      return { items: items.map(toListItem), total };
    }
    // No parent: the roots of what the actor sees (the units its roles are bound to).
    const roots = await this.units.findByIds(actor.unitIds);
    return { items: roots.slice(q.offset, q.offset + q.limit).map(toListItem), total: roots.length };
  }

  async get(actor: Actor, id: string): Promise<OrgUnit & { predecessors: { id: string; name: string; validTo: string | null }[] }> {
    const unit = await this.visibleUnit(actor, id);
    const [childCount, path, predecessors] = await Promise.all([this.units.childCount(id), this.units.path(id), this.units.predecessors(id)]);
    return {
      ...toListItem(unit),
      code: unit.code,
      contactName: unit.contactName,
      contactPhone: unit.contactPhone,
      contactEmail: unit.contactEmail,
      validFrom: unit.validFrom,
      validTo: unit.validTo,
      childCount,
      path,
      predecessors: predecessors.map((p) => ({ id: p.id, name: p.name, validTo: p.validTo })),
    };
  }

  async history(actor: Actor, id: string) {
    await this.visibleUnit(actor, id);
    const events = await this.units.events(id);
    return {
      items: events.map((e) => ({ id: e.id, type: e.type, effectiveFrom: e.effectiveFrom, data: e.data, userId: e.userId, createdAt: e.createdAt.toISOString() })),
      total: events.length,
    };
  }

  private async assertLevel(actor: Actor, level: string, field = 'level'): Promise<void> {
    const tenant = await this.tenants.findById(actor.tenantId);
    const levels = tenant?.levels.map((l) => l.code) ?? [];
    if (!levels.includes(level)) {
      throw new ValidationFailedError([
        { field, reason: `cấp "${level}" không có trong các cấp của đơn vị (${levels.join(', ')})`, reasonEn: `level "${level}" is not one of the tenant's levels (${levels.join(', ')})` },
      ]);
    }
  }

  async create(actor: Actor, body: CreateOrgUnit): Promise<OrgUnit> {
    this.assertCanWrite(actor);
    const parent = await this.visibleUnit(actor, body.parentId);
    await this.assertLevel(actor, body.level);
    if (body.code && (await this.units.existingCodes([body.code])).size > 0) {
      throw new DomainError('CONFLICT', 409, 'Mã đơn vị đã tồn tại', 'The unit code is already used', [
        { field: 'code', reason: 'mã đã được dùng cho đơn vị khác', reasonEn: 'already used by another unit' },
      ]);
    }
    const validFrom = body.validFrom ?? today();
    const id = await this.units.transaction(async (m) => {
      const [newId] = await this.units.insertUnits(
        [
          {
            name: body.name,
            code: body.code ?? null,
            level: body.level,
            kind: body.kind,
            parentId: parent.id,
            validFrom,
            contactName: body.contactName ?? null,
            contactPhone: body.contactPhone ?? null,
            contactEmail: body.contactEmail ?? null,
          },
        ],
        m,
      );
      await this.units.recordEvent({ unitId: newId!, type: 'create', effectiveFrom: validFrom, data: { name: body.name, parentId: parent.id } }, m);
      await this.audit.record({ action: 'org-unit.create', entity: 'org_unit', entityId: newId!, unitId: newId!, after: body }, m);
      return newId!;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, body: UpdateOrgUnit): Promise<OrgUnit> {
    this.assertCanWrite(actor);
    const unit = await this.visibleUnit(actor, id);
    const effectiveFrom = body.effectiveFrom ?? today();
    if (body.parentId !== undefined && body.parentId !== unit.parentId) {
      if (actor.unitIds.includes(id)) throw new ForbiddenError('Không thể chuyển đơn vị gốc của bạn', 'You cannot move your own root unit');
      await this.visibleUnit(actor, body.parentId);
      if (await this.units.isWithin(body.parentId, [id])) {
        throw new ValidationFailedError([{ field: 'parentId', reason: 'không thể chuyển một đơn vị vào chính nó hoặc đơn vị con của nó', reasonEn: 'cannot move a unit under itself or its descendants' }]);
      }
    }
    if (body.code && body.code !== unit.code) {
      const existing = await this.units.existingCodes([body.code]);
      if (existing.size > 0) {
        throw new DomainError('CONFLICT', 409, 'Mã đơn vị đã tồn tại', 'The unit code is already used', [{ field: 'code', reason: 'mã đã được dùng cho đơn vị khác', reasonEn: 'already used by another unit' }]);
      }
    }
    await this.units.transaction(async (m) => {
      const before = { name: unit.name, code: unit.code, parentId: unit.parentId, contactName: unit.contactName, contactPhone: unit.contactPhone, contactEmail: unit.contactEmail };
      if (body.name !== undefined && body.name !== unit.name) {
        await this.units.rename(id, body.name, m);
        await this.units.recordEvent({ unitId: id, type: 'rename', effectiveFrom, data: { from: unit.name, to: body.name } }, m);
      }
      if (body.code !== undefined && body.code !== unit.code) await this.units.setCode(id, body.code, m);
      await this.units.setContact(id, body, m);
      if (body.parentId !== undefined && body.parentId !== unit.parentId) {
        await this.units.moveSubtree(id, body.parentId, m);
        await this.units.recordEvent({ unitId: id, type: 'move', effectiveFrom, data: { from: unit.parentId, to: body.parentId } }, m);
      }
      await this.audit.record({ action: 'org-unit.update', entity: 'org_unit', entityId: id, unitId: id, before, after: body }, m);
    });
    if (body.parentId !== undefined && body.parentId !== unit.parentId) await this.recomputeAfterTreeChange(actor.tenantId);
    return this.get(actor, id);
  }

  /**
   * A and B become C from a date: the sources close the day before (their rows and history stay, with C as
   * successor), their current children move under C. Periods before the date still roll up through the
   * old tree; periods after, through C.
   */
  async merge(actor: Actor, body: MergeOrgUnits): Promise<OrgUnit> {
    this.assertCanWrite(actor);
    const sources = await Promise.all(body.sourceIds.map((id) => this.visibleUnit(actor, id)));
    const ids = new Set(body.sourceIds);
    if (ids.size !== body.sourceIds.length) {
      throw new ValidationFailedError([{ field: 'sourceIds', reason: 'có đơn vị bị lặp lại', reasonEn: 'contains duplicates' }]);
    }
    for (const [i, s] of sources.entries()) {
      if (s.validTo) throw new ValidationFailedError([{ field: `sourceIds.${i}`, reason: 'đơn vị đã hết hiệu lực', reasonEn: 'the unit is no longer valid' }]);
      if (actor.unitIds.includes(s.id)) throw new ForbiddenError('Không thể sáp nhập đơn vị gốc của bạn', 'You cannot merge your own root unit');
    }
    const first = sources[0]!;
    if (sources.some((s) => s.level !== first.level)) {
      throw new ValidationFailedError([{ field: 'sourceIds', reason: 'các đơn vị sáp nhập phải cùng cấp', reasonEn: 'merged units must be of the same level' }]);
    }
    let target: OrgUnitEntity | null = null;
    if ('id' in body.into) {
      target = await this.visibleUnit(actor, body.into.id);
      if (target.level !== first.level) {
        throw new ValidationFailedError([{ field: 'into.id', reason: 'đơn vị nhận phải cùng cấp với các đơn vị sáp nhập', reasonEn: 'the receiving unit must be of the same level' }]);
      }
    } else if (body.into.code && (await this.units.existingCodes([body.into.code])).size > 0) {
      throw new DomainError('CONFLICT', 409, 'Mã đơn vị đã tồn tại', 'The unit code is already used', [{ field: 'into.code', reason: 'mã đã được dùng', reasonEn: 'already used' }]);
    }
    const validTo = dayBefore(body.effectiveFrom);
    const targetId = await this.units.transaction(async (m) => {
      let tid: string;
      if (target) {
        tid = target.id;
      } else {
        const into = body.into as { name: string; code?: string };
        [tid] = (await this.units.insertUnits(
          [{ name: into.name, code: into.code ?? null, level: first.level, kind: first.kind, parentId: first.parentId, validFrom: body.effectiveFrom }],
          m,
        )) as [string];
        await this.units.recordEvent({ unitId: tid, type: 'create', effectiveFrom: body.effectiveFrom, data: { name: into.name, by: 'merge' } }, m);
      }
      const closing = sources.filter((s) => s.id !== tid);
      for (const s of closing) {
        for (const childId of await this.units.currentChildIds(s.id, m)) await this.units.moveSubtree(childId, tid, m);
      }
      await this.units.close(closing.map((s) => s.id), validTo, tid, m);
      const data = { sources: sources.map((s) => ({ id: s.id, name: s.name })), into: tid };
      await this.units.recordEvent({ unitId: tid, type: 'merge', effectiveFrom: body.effectiveFrom, data }, m);
      for (const s of closing) await this.units.recordEvent({ unitId: s.id, type: 'merge', effectiveFrom: body.effectiveFrom, data }, m);
      await this.audit.record({ action: 'org-unit.merge', entity: 'org_unit', entityId: tid, unitId: tid, before: sources.map(toListItem), after: data }, m);
      return tid;
    });
    await this.recomputeAfterTreeChange(actor.tenantId);
    return this.get(actor, targetId);
  }

  /** One unit becomes several from a date; the source closes the day before with the first as successor. */
  async split(actor: Actor, id: string, body: SplitOrgUnit): Promise<{ items: OrgUnitListItem[] }> {
    this.assertCanWrite(actor);
    const source = await this.visibleUnit(actor, id);
    if (source.validTo) throw new ValidationFailedError([{ field: 'id', reason: 'đơn vị đã hết hiệu lực', reasonEn: 'the unit is no longer valid' }]);
    if (actor.unitIds.includes(id) || !source.parentId) throw new ForbiddenError('Không thể chia tách đơn vị gốc của bạn', 'You cannot split your own root unit');
    const codes = body.into.map((u) => u.code).filter((c): c is string => !!c);
    if (new Set(codes).size !== codes.length || (codes.length && (await this.units.existingCodes(codes)).size > 0)) {
      throw new DomainError('CONFLICT', 409, 'Mã đơn vị đã tồn tại', 'A unit code is already used', [{ field: 'into', reason: 'mã bị trùng', reasonEn: 'duplicate code' }]);
    }
    const ids = await this.units.transaction(async (m) => {
      const created = await this.units.insertUnits(
        body.into.map((u) => ({ name: u.name, code: u.code ?? null, level: source.level, kind: source.kind, parentId: source.parentId, validFrom: body.effectiveFrom })),
        m,
      );
      for (const childId of await this.units.currentChildIds(id, m)) {
        const index = body.childrenTo?.[childId] ?? 0;
        const target = created[index];
        if (!target) throw new ValidationFailedError([{ field: `childrenTo.${childId}`, reason: 'không có đơn vị mới ở vị trí này', reasonEn: 'no new unit at this index' }]);
        await this.units.moveSubtree(childId, target, m);
      }
      await this.units.close([id], dayBefore(body.effectiveFrom), created[0]!, m);
      const data = { source: { id, name: source.name }, into: created.map((cid, i) => ({ id: cid, name: body.into[i]!.name })) };
      await this.units.recordEvent({ unitId: id, type: 'split', effectiveFrom: body.effectiveFrom, data }, m);
      for (const cid of created) await this.units.recordEvent({ unitId: cid, type: 'split', effectiveFrom: body.effectiveFrom, data }, m);
      await this.audit.record({ action: 'org-unit.split', entity: 'org_unit', entityId: id, unitId: id, before: toListItem(source), after: data }, m);
      return created;
    });
    await this.recomputeAfterTreeChange(actor.tenantId);
    return { items: (await this.units.findByIds(ids)).map(toListItem) };
  }

  /** Closes a unit from a date; its current children move to the successor, which a unit with children needs. */
  async dissolve(actor: Actor, id: string, body: DissolveOrgUnit): Promise<OrgUnit> {
    this.assertCanWrite(actor);
    const unit = await this.visibleUnit(actor, id);
    if (unit.validTo) throw new ValidationFailedError([{ field: 'id', reason: 'đơn vị đã hết hiệu lực', reasonEn: 'the unit is no longer valid' }]);
    if (actor.unitIds.includes(id)) throw new ForbiddenError('Không thể giải thể đơn vị gốc của bạn', 'You cannot dissolve your own root unit');
    if (body.successorId) {
      const successor = await this.visibleUnit(actor, body.successorId);
      if (successor.validTo || (await this.units.isWithin(successor.id, [id]))) {
        throw new ValidationFailedError([{ field: 'successorId', reason: 'đơn vị kế thừa không hợp lệ', reasonEn: 'invalid successor' }]);
      }
    }
    await this.units.transaction(async (m) => {
      const children = await this.units.currentChildIds(id, m);
      if (children.length && !body.successorId) {
        throw new ValidationFailedError([{ field: 'successorId', reason: `đơn vị còn ${children.length} đơn vị trực thuộc: cần chọn đơn vị kế thừa`, reasonEn: `the unit still has ${children.length} children: a successor is required` }]);
      }
      for (const childId of children) await this.units.moveSubtree(childId, body.successorId!, m);
      await this.units.close([id], dayBefore(body.effectiveFrom), body.successorId ?? null, m);
      await this.units.recordEvent({ unitId: id, type: 'dissolve', effectiveFrom: body.effectiveFrom, data: { successorId: body.successorId ?? null } }, m);
      await this.audit.record({ action: 'org-unit.dissolve', entity: 'org_unit', entityId: id, unitId: id, before: toListItem(unit), after: body }, m);
    });
    await this.recomputeAfterTreeChange(actor.tenantId);
    return this.get(actor, id);
  }
}
