import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { TenantContext } from '@sen/db';
import type { Actor } from '../../core/auth/actor';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationFailedError } from '../../core/errors/domain-error';
import { TenantDirectory } from '../../core/tenancy/tenant-directory';
import { AuditService } from '../audit/audit.service';
import { hashPassword, verifyPassword } from '../auth/password';
import { tenantTables } from './tenant-tables';

/** How long a confirmation code stays valid. */
export const DELETION_CODE_TTL_MS = 24 * 60 * 60 * 1000;
/** Wrong codes after which the request is void (a new request is needed). */
export const DELETION_MAX_ATTEMPTS = 5;
const REQUEST_ACTION = 'tenant-data.deletion.request';
const CONFIRM_ACTION = 'tenant-data.deletion.confirm';
const REFUSED_ACTION = 'tenant-data.deletion.refused';
const REQUEST_ENTITY = 'tenant-data.deletion-request';
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

interface RequestRecord {
  tenantId: string;
  tenant: string;
  tenantName: string;
  reason: string;
  codeHash: string;
  expiresAt: string;
  requestedBy: { userId: string; username: string };
}

export interface DeletionRequestDto {
  id: string;
  tenant: string;
  reason: string;
  expiresAt: string;
  requestedBy: string;
  /** Shown once, to the requester, who hands it to the confirming administrator. */
  code: string;
  rows: Record<string, number>;
}

/**
 * Deleting a tenant's data, in two audited steps (four eyes). A platform administrator requests it with a reason
 * and gets a confirmation code valid 24 hours; a DIFFERENT platform administrator confirms with that code — the
 * requester can never confirm their own request, however long they wait. Confirmation deletes, in one transaction,
 * every row of every tenant table of that tenant (tables from the entity metadata) and the tenant row itself, so
 * that its code is free for a restore from a backup. Requests, wrong codes and confirmations are written to the
 * central tenant's audit log — the request row IS the request (its id is the request id; only a hash of the code is
 * kept), so it survives restarts and holds across api replicas without a table of its own. Five wrong codes void a
 * request; the central tenant cannot be deleted.
 */
@Injectable()
export class TenantDeletionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: TenantDirectory,
    private readonly audit: AuditService,
  ) {}

  private async central(): Promise<{ id: string; code: string }> {
    const [central]: { id: string; code: string }[] = await this.dataSource.query('SELECT id, code FROM tenant WHERE is_central = 1 ORDER BY id LIMIT 1');
    if (!central) throw new ConflictError('Hệ thống chưa có Trung ương Hội', 'There is no central tenant');
    return { id: String(central.id), code: central.code };
  }

  private async rowCounts(m: EntityManager, tenantId: string): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of tenantTables(this.dataSource)) {
      const [row]: { n: string }[] = await m.query(`SELECT COUNT(*) AS n FROM \`${t}\` WHERE tenant_id = ?`, [tenantId]);
      if (Number(row?.n ?? 0) > 0) out[t] = Number(row!.n);
    }
    return out;
  }

  async request(actor: Actor, body: { tenant: string; reason: string }): Promise<DeletionRequestDto> {
    const tenant = await this.directory.findByCode(body.tenant);
    if (!tenant) throw new NotFoundError('Tenant', 'đơn vị (tỉnh/thành)');
    if (tenant.isCentral) {
      throw new ValidationFailedError([{ field: 'tenant', reason: 'không thể xoá dữ liệu của Trung ương Hội', reasonEn: 'the central tenant cannot be deleted' }]);
    }
    const central = await this.central();
    const code = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const record: RequestRecord = {
      tenantId: tenant.id,
      tenant: tenant.code,
      tenantName: tenant.name,
      reason: body.reason,
      codeHash: await hashPassword(code),
      expiresAt: new Date(Date.now() + DELETION_CODE_TTL_MS).toISOString(),
      requestedBy: { userId: actor.userId, username: `${actor.tenantCode}/${actor.username}` },
    };
    const rows = await this.rowCounts(this.dataSource.manager, tenant.id);
    const result: { insertId: number | string } = await this.dataSource.query(
      'INSERT INTO audit_log (tenant_id, user_id, action, entity, entity_id, `after`, request_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [central.id, actor.tenantId === central.id ? actor.userId : null, REQUEST_ACTION, 'tenant', tenant.id, JSON.stringify({ ...record, rows }), TenantContext.tryCurrent()?.requestId || null],
    );
    return { id: String(result.insertId), tenant: tenant.code, reason: body.reason, expiresAt: record.expiresAt, requestedBy: record.requestedBy.username, code, rows };
  }

  async confirm(actor: Actor, id: string, code: string): Promise<{ id: string; tenant: string; deleted: Record<string, number>; total: number }> {
    const central = await this.central();
    const inCentral = <T>(fn: () => Promise<T>) =>
      TenantContext.run({ ...TenantContext.system(central.id, central.code, TenantContext.tryCurrent()?.requestId ?? 'system'), userId: actor.tenantId === central.id ? actor.userId : null }, fn);

    type Outcome = { ok: true; tenant: string; deleted: Record<string, number>; total: number } | { ok: false; error: DomainError; refusal?: Record<string, unknown> };
    const outcome: Outcome = await this.dataSource.transaction(async (m): Promise<Outcome> => {
      // The request row is locked: two confirmations of one request run one after the other.
      const [row]: { id: string; after: string | RequestRecord }[] = await m.query(
        'SELECT id, `after` FROM audit_log WHERE tenant_id = ? AND id = ? AND action = ? FOR UPDATE',
        [central.id, id, REQUEST_ACTION],
      );
      if (!row) return { ok: false, error: new NotFoundError('Deletion request', 'yêu cầu xoá dữ liệu') };
      const req = (typeof row.after === 'string' ? JSON.parse(row.after) : row.after) as RequestRecord;
      const outcomes: { action: string; after: string | { reason?: string } | null }[] = await m.query(
        'SELECT action, `after` FROM audit_log WHERE tenant_id = ? AND entity = ? AND entity_id = ?',
        [central.id, REQUEST_ENTITY, id],
      );
      const wrongCodes = outcomes.filter((o) => o.action === REFUSED_ACTION && (typeof o.after === 'string' ? JSON.parse(o.after) : o.after)?.reason === 'wrong code').length;
      if (outcomes.some((o) => o.action === CONFIRM_ACTION)) {
        return { ok: false, error: new DomainError('DELETION_ALREADY_CONFIRMED', 409, 'Yêu cầu này đã được xác nhận và dữ liệu đã bị xoá', 'This request was confirmed already') };
      }
      if (wrongCodes >= DELETION_MAX_ATTEMPTS) {
        return { ok: false, error: new DomainError('DELETION_REQUEST_VOID', 409, 'Yêu cầu đã bị huỷ do nhập sai mã quá nhiều lần; hãy tạo yêu cầu mới', 'The request is void after too many wrong codes; make a new one') };
      }
      if (Date.parse(req.expiresAt) <= Date.now()) {
        return { ok: false, error: new DomainError('DELETION_REQUEST_EXPIRED', 410, 'Mã xác nhận đã hết hạn (24 giờ); hãy tạo yêu cầu mới', 'The confirmation code expired (24 h); make a new request') };
      }
      if (req.requestedBy.userId === actor.userId && actor.tenantId === central.id) {
        return {
          ok: false,
          error: new ForbiddenError('Một quản trị nền tảng khác phải xác nhận yêu cầu xoá này', 'Another platform administrator must confirm this deletion'),
          refusal: { reason: 'same administrator' },
        };
      }
      if (!(await verifyPassword(req.codeHash, code))) {
        return {
          ok: false,
          error: new ValidationFailedError([{ field: 'code', reason: 'mã xác nhận không đúng', reasonEn: 'wrong confirmation code' }]),
          refusal: { reason: 'wrong code' },
        };
      }
      const tenant = await this.directory.findById(req.tenantId);
      if (!tenant || tenant.code !== req.tenant) {
        return { ok: false, error: new DomainError('DELETION_TENANT_GONE', 409, 'Đơn vị không còn trên hệ thống', 'The tenant no longer exists') };
      }
      const deleted: Record<string, number> = {};
      for (const t of tenantTables(this.dataSource)) {
        const res: { affectedRows: number } = await m.query(`DELETE FROM \`${t}\` WHERE tenant_id = ?`, [tenant.id]);
        if (res.affectedRows > 0) deleted[t] = res.affectedRows;
      }
      await m.query('DELETE FROM tenant WHERE id = ?', [tenant.id]);
      deleted.tenant = 1;
      const total = Object.values(deleted).reduce((a, b) => a + b, 0);
      await inCentral(() =>
        this.audit.record(
          {
            action: CONFIRM_ACTION,
            entity: REQUEST_ENTITY,
            entityId: id,
            before: { tenant: req.tenant, tenantId: req.tenantId, name: req.tenantName, reason: req.reason, requestedBy: req.requestedBy.username },
            after: { deleted, total, confirmedBy: `${actor.tenantCode}/${actor.username}` },
          },
          m,
        ),
      );
      return { ok: true, tenant: req.tenant, deleted, total };
    });
    if (!outcome.ok) {
      // Refusals that matter (wrong code, same administrator) are audited, outside the rolled-back work.
      if (outcome.refusal) {
        await inCentral(() => this.audit.record({ action: REFUSED_ACTION, entity: REQUEST_ENTITY, entityId: id, after: { ...outcome.refusal, by: `${actor.tenantCode}/${actor.username}` } }));
      }
      throw outcome.error;
    }
    return { id, tenant: outcome.tenant, deleted: outcome.deleted, total: outcome.total };
  }
}
