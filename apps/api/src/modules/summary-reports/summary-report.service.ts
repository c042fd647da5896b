import { Injectable } from '@nestjs/common';
import type { CreateSummaryReport, SummaryReportDto, SummaryReportListQuery } from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { ConflictError, DomainError, NotFoundError } from '../../core/errors/domain-error';
import { OrgUnitService } from '../org-units/org-unit.service';
import { contentDisposition, DOCX_CONTENT_TYPE } from '../plans/plan-content';
import { SummaryReportQueue } from './summary-report-queue.service';
import { SummaryReportRepository, type SummaryReportRow } from './summary-report.repository';

function toDto(r: SummaryReportRow): SummaryReportDto {
  return {
    id: r.id,
    unitId: r.unitId,
    unitName: r.unitName,
    period: r.period,
    status: r.status,
    progress: r.progress,
    error: r.error,
    errorEn: r.errorEn,
    fileSize: r.fileSize,
    fileName: r.fileName,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
  };
}

/**
 * Summary reports (báo cáo tổng hợp): the api records the request and enqueues the job, answers the progress the
 * worker writes into the row, and serves the finished DOCX from the row (any replica can). A unit outside the
 * caller's subtrees, or a report of such a unit, answers the same 404 as one that does not exist.
 */
@Injectable()
export class SummaryReportService {
  constructor(
    private readonly repo: SummaryReportRepository,
    private readonly queue: SummaryReportQueue,
    private readonly units: OrgUnitService,
  ) {}

  async create(actor: Actor, body: CreateSummaryReport): Promise<Pick<SummaryReportDto, 'id' | 'status' | 'progress'>> {
    await this.units.visibleUnit(actor, body.unitId);
    const pending = await this.repo.pending(body.unitId, body.period);
    if (pending) return { id: pending.id, status: pending.status, progress: pending.progress };
    const id = await this.repo.create(body.unitId, body.period, actor.userId);
    try {
      await this.queue.enqueue(actor.tenantId, id);
    } catch {
      // Without a job the row would wait forever: say so in the row, and ask the client to try again.
      await this.repo.markFailed(id, 'Hàng đợi tạm thời không sẵn sàng, hãy thử lại.', 'The job queue is unavailable; try again.');
      throw new DomainError('SERVICE_UNAVAILABLE', 503, 'Hàng đợi tạm thời không sẵn sàng, hãy thử lại', 'The job queue is unavailable; try again');
    }
    return { id, status: 'queued', progress: 0 };
  }

  private async visible(actor: Actor, id: string): Promise<SummaryReportRow> {
    const row = await this.repo.find(id);
    if (!row) throw new NotFoundError('Summary report', 'báo cáo tổng hợp');
    try {
      await this.units.visibleUnit(actor, row.unitId);
    } catch (err) {
      // A report of a unit outside the caller's subtrees does not exist for the caller.
      if (err instanceof NotFoundError) throw new NotFoundError('Summary report', 'báo cáo tổng hợp');
      throw err;
    }
    return row;
  }

  async get(actor: Actor, id: string): Promise<SummaryReportDto> {
    return toDto(await this.visible(actor, id));
  }

  async list(actor: Actor, q: SummaryReportListQuery): Promise<{ items: SummaryReportDto[]; total: number }> {
    if (q.unitId) await this.units.visibleUnit(actor, q.unitId);
    const { items, total } = await this.repo.list(actor.unitIds, q);
    return { items: items.map(toDto), total };
  }

  async file(actor: Actor, id: string): Promise<{ body: Buffer; contentType: string; disposition: string }> {
    const row = await this.visible(actor, id);
    if (row.status !== 'done') {
      throw new ConflictError('Báo cáo tổng hợp chưa tạo xong', 'The summary report is not ready yet', [
        { field: 'id', reason: `báo cáo đang ở trạng thái "${row.status}"`, reasonEn: `the report is ${row.status}` },
      ]);
    }
    const body = await this.repo.file(id);
    if (!body) throw new NotFoundError('Summary report file', 'tệp báo cáo tổng hợp');
    return { body, contentType: DOCX_CONTENT_TYPE, disposition: contentDisposition(row.fileName ?? `bao-cao-tong-hop-${row.period}.docx`) };
  }
}
