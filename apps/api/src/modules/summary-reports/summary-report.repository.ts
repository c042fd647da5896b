import { Injectable } from '@nestjs/common';
import { SummaryReportEntity, TenantContext, TenantDataSource } from '@sen/db';

export interface SummaryReportRow extends Omit<SummaryReportEntity, 'file'> {
  unitName: string;
}

type Raw = Record<string, unknown>;

const COLUMNS = `s.id, s.tenant_id, s.unit_id, u.name AS unit_name, s.period, s.status, s.progress, s.error, s.error_en, s.file_name, s.file_size,
  s.requested_by, s.created_at, s.started_at, s.finished_at`;

function toRow(r: Raw): SummaryReportRow {
  return {
    id: String(r.id),
    tenantId: String(r.tenant_id),
    unitId: String(r.unit_id),
    unitName: String(r.unit_name ?? ''),
    period: String(r.period),
    status: r.status as SummaryReportRow['status'],
    progress: Number(r.progress ?? 0),
    error: (r.error as string | null) ?? null,
    errorEn: (r.error_en as string | null) ?? null,
    fileName: (r.file_name as string | null) ?? null,
    fileSize: r.file_size === null || r.file_size === undefined ? null : Number(r.file_size),
    requestedBy: r.requested_by === null || r.requested_by === undefined ? null : String(r.requested_by),
    createdAt: r.created_at as Date,
    startedAt: (r.started_at as Date | null) ?? null,
    finishedAt: (r.finished_at as Date | null) ?? null,
  };
}

/** Summary reports of the current tenant; every statement carries the context's tenant. */
@Injectable()
export class SummaryReportRepository {
  constructor(private readonly data: TenantDataSource) {}

  private get tenantId(): string {
    return TenantContext.current().tenantId;
  }

  async create(unitId: string, period: string, requestedBy: string): Promise<string> {
    const row = await this.data.repository(SummaryReportEntity).save(
      this.data.repository(SummaryReportEntity).create({ unitId, period, status: 'queued', progress: 0, requestedBy }),
    );
    return row.id;
  }

  /** A report of the unit and period still being generated (a second click joins it rather than starting another). */
  async pending(unitId: string, period: string): Promise<SummaryReportRow | null> {
    const [r]: Raw[] = await this.data.dataSource.query(
      `SELECT ${COLUMNS} FROM summary_report s JOIN org_unit u ON u.tenant_id = s.tenant_id AND u.id = s.unit_id
       WHERE s.tenant_id = ? AND s.unit_id = ? AND s.period = ? AND s.status IN ('queued', 'running') ORDER BY s.id DESC LIMIT 1`,
      [this.tenantId, unitId, period],
    );
    return r ? toRow(r) : null;
  }

  async find(id: string): Promise<SummaryReportRow | null> {
    const [r]: Raw[] = await this.data.dataSource.query(
      `SELECT ${COLUMNS} FROM summary_report s JOIN org_unit u ON u.tenant_id = s.tenant_id AND u.id = s.unit_id WHERE s.tenant_id = ? AND s.id = ?`,
      [this.tenantId, id],
    );
    return r ? toRow(r) : null;
  }

  async file(id: string): Promise<Buffer | null> {
    const [r]: { file: Buffer | null }[] = await this.data.dataSource.query('SELECT file FROM summary_report WHERE tenant_id = ? AND id = ?', [this.tenantId, id]);
    return r?.file ?? null;
  }

  /** Newest first, of units in the subtrees of `scopeUnitIds`. */
  async list(scopeUnitIds: string[], q: { unitId?: string; period?: string; limit: number; offset: number }): Promise<{ items: SummaryReportRow[]; total: number }> {
    if (scopeUnitIds.length === 0) return { items: [], total: 0 };
    const where = [
      's.tenant_id = ?',
      'EXISTS (SELECT 1 FROM org_unit_closure sc WHERE sc.tenant_id = s.tenant_id AND sc.descendant_id = s.unit_id AND sc.ancestor_id IN (?))',
    ];
    const params: unknown[] = [this.tenantId, scopeUnitIds];
    if (q.unitId) {
      where.push('s.unit_id = ?');
      params.push(q.unitId);
    }
    if (q.period) {
      where.push('s.period = ?');
      params.push(q.period);
    }
    const from = `FROM summary_report s JOIN org_unit u ON u.tenant_id = s.tenant_id AND u.id = s.unit_id WHERE ${where.join(' AND ')}`;
    const [rows, [count]] = await Promise.all([
      this.data.dataSource.query(`SELECT ${COLUMNS} ${from} ORDER BY s.created_at DESC, s.id DESC LIMIT ? OFFSET ?`, [...params, q.limit, q.offset]) as Promise<Raw[]>,
      this.data.dataSource.query(`SELECT COUNT(*) AS n ${from}`, params) as Promise<{ n: string }[]>,
    ]);
    return { items: rows.map(toRow), total: Number(count?.n ?? 0) };
  }

  async markFailed(id: string, error: string, errorEn: string): Promise<void> {
    await this.data.repository(SummaryReportEntity).update({ id }, { status: 'failed', error, errorEn, finishedAt: new Date() });
  }
}
