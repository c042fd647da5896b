import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TenantSettingsDto, TenantSettingsResult } from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { DomainError, NotFoundError } from '../../core/errors/domain-error';
import { TenantDirectory } from '../../core/tenancy/tenant-directory';
import { AggregationQueue } from '../aggregation/aggregation-queue.service';
import { AuditService } from '../audit/audit.service';

/**
 * The current tenant's own choices. Today one: whether submitted reports count in the totals before they are
 * approved. The aggregation reads it from the tenant row; changing it changes which values count, so every
 * period with reports is recomputed in the worker.
 */
@Injectable()
export class TenantSettingsService {
  private readonly logger = new Logger('TenantSettings');

  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: TenantDirectory,
    private readonly audit: AuditService,
    private readonly queue: AggregationQueue,
  ) {}

  async get(actor: Actor): Promise<TenantSettingsDto> {
    const tenant = await this.directory.findById(actor.tenantId);
    if (!tenant) throw new NotFoundError('Tenant', 'đơn vị (tỉnh/thành)');
    return { countSubmitted: Boolean(tenant.settings?.countSubmitted) };
  }

  async update(actor: Actor, body: TenantSettingsDto): Promise<TenantSettingsResult> {
    const tenant = await this.directory.findById(actor.tenantId);
    if (!tenant) throw new NotFoundError('Tenant', 'đơn vị (tỉnh/thành)');
    const before: TenantSettingsDto = { countSubmitted: Boolean(tenant.settings?.countSubmitted) };
    const periods = await this.dataSource.transaction(async (m) => {
      // Settings the API does not know (yet) are kept as they are.
      await m.query('UPDATE tenant SET settings = ? WHERE id = ?', [JSON.stringify({ ...(tenant.settings ?? {}), ...body }), tenant.id]);
      await this.audit.record({ action: 'tenant.settings', entity: 'tenant', entityId: tenant.id, before, after: body }, m);
      if (before.countSubmitted === body.countSubmitted) return [];
      const rows: { period: string }[] = await m.query('SELECT DISTINCT period FROM report WHERE tenant_id = ? ORDER BY period', [tenant.id]);
      return rows.map((r) => String(r.period));
    });
    const recompute: TenantSettingsResult['recompute'] = [];
    try {
      for (const period of periods) recompute.push({ period, jobId: await this.queue.enqueueRecompute(period, tenant.id) });
    } catch (err) {
      this.logger.warn(`recompute after a settings change not enqueued: ${(err as Error).message}`);
      throw new DomainError(
        'RECOMPUTE_NOT_STARTED',
        503,
        'Đã lưu cài đặt nhưng chưa khởi động được việc tính lại số liệu tổng hợp; hãy tính lại từng kỳ ở trang Tổng hợp',
        'The settings are saved, but the recompute of the totals could not be started; recompute each period on the rollups page',
      );
    }
    return { ...body, recompute };
  }
}
