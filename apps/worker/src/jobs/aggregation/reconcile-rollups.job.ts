import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB_NAMES, QUEUES, reconcileRollupsJobSchema, type ReconcileRollupsPayload } from '@sen/contracts';
import { countingStatuses, reconcileTenantPeriod, recomputeRollups, RollupReconciliationEntity, Tenant, TenantContext, tenantCountsSubmitted, type ReconciliationResult } from '@sen/db';
import { comparePeriods, formatNumberEn, formatNumberVi, formatPeriodEn, formatPeriodVi, isPeriodId } from '@sen/indicators';
import type { JobHandler } from '../../core/job';

export interface ReconcileRollupsResult {
  /** Tenant periods reconciled. */
  checked: number;
  /** Of those, the ones where a difference was found (and recomputed). */
  withMismatches: number;
  /** Of those, the ones the recompute made equal again. */
  repaired: number;
}

/**
 * The reconciliation job: for each tenant and period with counted values, proves that the incremental totals equal
 * a full recompute (reconcileTenantPeriod: counted values rebuilt from the reports, rollups, categories, the central
 * line). A difference is checked again under the tenant's lock (an approval applied in between is no difference),
 * then repaired by recomputing that tenant's period, and the platform administrators get an in-app notification.
 * Every result is recorded (rollup_reconciliation) — the rollups page shows the last one. Writes nothing when all is
 * equal but its record: running it twice is harmless.
 */
@Injectable()
export class ReconcileRollupsJob implements JobHandler<typeof reconcileRollupsJobSchema> {
  private readonly logger = new Logger('ReconcileRollupsJob');
  readonly queue = QUEUES.aggregation;
  readonly name = JOB_NAMES.reconcileRollups;
  readonly schema = reconcileRollupsJobSchema;

  constructor(private readonly dataSource: DataSource) {}

  async handle(data: ReconcileRollupsPayload, job?: Job): Promise<ReconcileRollupsResult> {
    const tenants = data.tenantId
      ? await this.dataSource.getRepository(Tenant).findBy({ id: data.tenantId })
      : await this.dataSource.getRepository(Tenant).find({ where: { status: 'active' }, order: { id: 'ASC' } });
    const work: { tenant: Tenant; period: string }[] = [];
    for (const tenant of tenants) {
      for (const period of data.period ? [data.period] : await this.countedPeriods(tenant)) work.push({ tenant, period });
    }
    const result: ReconcileRollupsResult = { checked: 0, withMismatches: 0, repaired: 0 };
    for (const [i, { tenant, period }] of work.entries()) {
      await TenantContext.run(TenantContext.system(tenant.id, tenant.code, 'job-reconcile-rollups'), async () => {
        const startedAt = new Date();
        let found = await reconcileTenantPeriod(this.dataSource, tenant.id, period);
        // A difference seen while an approval was being applied is checked again with the applies held off.
        if (found.mismatches > 0) found = await reconcileTenantPeriod(this.dataSource, tenant.id, period, { lock: true });
        let repaired = false;
        if (found.mismatches > 0) {
          result.withMismatches++;
          this.logger.warn(`tenant ${tenant.code} ${period}: ${found.mismatches} row(s) differ from a full recompute (${JSON.stringify(found.details)}); recomputing`);
          await recomputeRollups(this.dataSource, { tenantId: tenant.id, period });
          repaired = (await reconcileTenantPeriod(this.dataSource, tenant.id, period)).mismatches === 0;
          if (repaired) result.repaired++;
          await this.notifyPlatformAdministrators(tenant, period, found, repaired);
        }
        await this.dataSource.getRepository(RollupReconciliationEntity).insert({
          tenantId: tenant.id,
          period,
          triggerKind: data.trigger,
          startedAt,
          finishedAt: new Date(),
          rowsChecked: found.checked,
          mismatches: found.mismatches,
          details: found.details,
          repaired,
        });
      });
      result.checked++;
      await job?.updateProgress(Math.round(((i + 1) / work.length) * 100));
    }
    await job?.updateProgress(100);
    return result;
  }

  /** The tenant's periods with anything counted, or a report that should count (a counted value lost is a difference). */
  private async countedPeriods(tenant: Tenant): Promise<string[]> {
    const rows: { period: string }[] = await this.dataSource.query(
      `SELECT period FROM unit_value WHERE tenant_id = ? UNION SELECT period FROM rollup WHERE tenant_id = ?
       UNION SELECT period FROM report WHERE tenant_id = ? AND status IN (?)`,
      [tenant.id, tenant.id, tenant.id, countingStatuses(tenantCountsSubmitted(tenant.settings))],
    );
    return rows.map((r) => r.period).filter(isPeriodId).sort(comparePeriods);
  }

  /** An in-app notification to the unit of every active platform administrator (in their own tenant). */
  private async notifyPlatformAdministrators(tenant: Tenant, period: string, found: ReconciliationResult, repaired: boolean): Promise<void> {
    const { values, rollups, categories, national } = found.details;
    const vi = formatNumberVi;
    const en = formatNumberEn;
    const message =
      `Đối soát số liệu tổng hợp: ${tenant.name}, ${formatPeriodVi(period)} có ${vi(found.mismatches)} sai lệch ` +
      `(số liệu đơn vị ${vi(values)}, tổng hợp ${vi(rollups)}, phân tổ ${vi(categories)}, toàn quốc ${vi(national)}); ` +
      `đã tính lại toàn bộ kỳ — ${repaired ? 'nay đã khớp' : 'vẫn chưa khớp, cần kiểm tra'}`;
    const messageEn =
      `Reconciliation of the totals: ${tenant.name}, ${formatPeriodEn(period)} had ${en(found.mismatches)} difference(s) ` +
      `(unit values ${en(values)}, rollups ${en(rollups)}, categories ${en(categories)}, national ${en(national)}); ` +
      `the period was recomputed — ${repaired ? 'now equal' : 'still not equal, please check'}`;
    await this.dataSource.query(
      `INSERT INTO notification (tenant_id, unit_id, kind, report_id, message, message_en)
       SELECT DISTINCT ra.tenant_id, ra.unit_id, 'reconciliation-mismatch', NULL, ?, ?
       FROM role_assignment ra JOIN app_user u ON u.tenant_id = ra.tenant_id AND u.id = ra.user_id AND u.status = 'active'
       WHERE ra.role = 'platform_admin'`,
      [message.slice(0, 1000), messageEn.slice(0, 1000)],
    );
  }
}
