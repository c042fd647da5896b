import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB_NAMES, QUEUES, summaryReportJobSchema, type SummaryReportPayload } from '@sen/contracts';
import { SummaryReportEntity, Tenant, TenantContext, TenantDataSource } from '@sen/db';
import { renderOfficialDocx } from '@sen/plans';
import type { JobHandler } from '../../core/job';
import { loadSummaryData, SummaryUnitMissingError } from './summary-data';
import { composeSummaryDocument } from './summary-document';

/** Vietnam's date (UTC+7), ISO: the date the document carries. */
const vietnamToday = (now = new Date()): string => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** "Báo cáo tổng hợp 2024S1 - Hội LHPN thành phố Hà Nội.docx" (the api sends an ASCII fallback too). */
export function summaryFileName(period: string, unitName: string): string {
  return `Báo cáo tổng hợp ${period} - ${unitName.replace(/[/\\:*?"<>|]+/g, '-')}.docx`.slice(0, 255);
}

/** What the user reads when the job failed: a known cause in words, anything else as "try again". */
function readableError(err: unknown): { vi: string; en: string } {
  if (err instanceof SummaryUnitMissingError) return { vi: 'Đơn vị không còn tồn tại.', en: 'The unit no longer exists.' };
  const detail = err instanceof Error ? err.message : String(err);
  return {
    vi: `Không tạo được báo cáo tổng hợp, hãy thử lại (${detail})`.slice(0, 1000),
    en: `The summary report could not be generated; try again (${detail})`.slice(0, 1000),
  };
}

/**
 * Generates one summary report (báo cáo tổng hợp): reads the unit's rollups, the completeness of its subtree and
 * its own narrative, writes the DOCX in the official layout and stores it in the row. Progress goes to the job
 * (BullMQ) and to the row, which is what the api answers. Idempotent: a done row is left as it is, and a retry
 * recomputes the file from the data and overwrites what an interrupted attempt left.
 */
@Injectable()
export class SummaryReportJob implements JobHandler<typeof summaryReportJobSchema> {
  private readonly logger = new Logger('SummaryReportJob');
  readonly queue = QUEUES.documents;
  readonly name = JOB_NAMES.summaryReport;
  readonly schema = summaryReportJobSchema;

  constructor(private readonly dataSource: DataSource) {}

  async handle(data: SummaryReportPayload, job?: Job): Promise<{ status: string; size?: number }> {
    const tenant = await this.dataSource.getRepository(Tenant).findOneBy({ id: data.tenantId });
    if (!tenant) throw new UnrecoverableError(`tenant ${data.tenantId} not found`);
    return TenantContext.run(TenantContext.system(tenant.id, tenant.code, 'job-summary-report'), () => this.generate(data, job));
  }

  private async generate(data: SummaryReportPayload, job?: Job): Promise<{ status: string; size?: number }> {
    const rows = new TenantDataSource(this.dataSource).repository(SummaryReportEntity);
    const row = await rows.findOneBy({ id: data.summaryReportId });
    if (!row) return { status: 'missing' };
    if (row.status === 'done') return { status: 'done' };

    let last = -1;
    const progress = async (p: number): Promise<void> => {
      if (p === last) return;
      last = p;
      await rows.update({ id: row.id }, { progress: p });
      await job?.updateProgress(p);
    };
    await rows.update({ id: row.id }, { status: 'running', progress: 0, startedAt: new Date(), error: null, errorEn: null });
    await job?.updateProgress(0);
    try {
      const summary = await loadSummaryData(this.dataSource.manager, { tenantId: data.tenantId, unitId: row.unitId, period: row.period }, progress);
      const file = await renderOfficialDocx(composeSummaryDocument(summary, vietnamToday()));
      await progress(90);
      await rows.update(
        { id: row.id },
        { status: 'done', progress: 100, file, fileSize: file.length, fileName: summaryFileName(row.period, summary.unit.name), finishedAt: new Date(), error: null, errorEn: null },
      );
      await job?.updateProgress(100);
      return { status: 'done', size: file.length };
    } catch (err) {
      const permanent = err instanceof SummaryUnitMissingError;
      const lastAttempt = !job || permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const message = readableError(err);
      this.logger.warn(`summary report ${row.id} failed${lastAttempt ? '' : ' (will retry)'}: ${err instanceof Error ? err.message : String(err)}`);
      // Until the last attempt the row stays running with the reason, so the page shows why it is slow.
      await rows.update({ id: row.id }, { status: lastAttempt ? 'failed' : 'running', error: message.vi, errorEn: message.en, ...(lastAttempt ? { finishedAt: new Date() } : {}) });
      if (permanent) throw new UnrecoverableError(message.en);
      throw err;
    }
  }
}
