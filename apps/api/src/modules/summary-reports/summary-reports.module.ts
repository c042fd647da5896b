import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { SummaryReportQueue } from './summary-report-queue.service';
import { SummaryReportController } from './summary-report.controller';
import { SummaryReportRepository } from './summary-report.repository';
import { SummaryReportService } from './summary-report.service';

/** Summary reports (báo cáo tổng hợp): requested here, generated as DOCX by the worker, downloaded from the row. */
@Module({
  imports: [OrgUnitsModule],
  controllers: [SummaryReportController],
  providers: [SummaryReportService, SummaryReportRepository, SummaryReportQueue],
})
export class SummaryReportsModule {}
