import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { ReportsModule } from '../reports/reports.module';
import { PlanImportService } from './plan-import.service';
import { PlanController } from './plan.controller';
import { PlanRepository } from './plan.repository';
import { PlanService } from './plan.service';

@Module({
  imports: [OrgUnitsModule, IndicatorsModule, ReportsModule],
  controllers: [PlanController],
  providers: [PlanService, PlanImportService, PlanRepository],
  exports: [PlanService, PlanImportService, PlanRepository],
})
export class PlansModule {}
