import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { CompletenessController } from './completeness.controller';
import { CompletenessService } from './completeness.service';
import { ReportBulkService } from './report-bulk.service';
import { ReportFormController } from './report-form.controller';
import { ReportFormService } from './report-form.service';
import { ReportController } from './report.controller';
import { ReportRepository } from './report.repository';
import { ReportService } from './report.service';

/** Report forms, reports (entry, submission, approval), completeness and bulk entry. */
@Module({
  imports: [OrgUnitsModule, IndicatorsModule],
  controllers: [ReportFormController, ReportController, CompletenessController],
  providers: [ReportRepository, ReportFormService, ReportService, ReportBulkService, CompletenessService],
  exports: [ReportRepository, ReportFormService, ReportService],
})
export class ReportsModule {}
