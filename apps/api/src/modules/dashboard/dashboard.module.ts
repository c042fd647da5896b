import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { DashboardController } from './dashboard.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';

@Module({ imports: [OrgUnitsModule, IndicatorsModule], controllers: [DashboardController], providers: [DashboardService, DashboardRepository] })
export class DashboardModule {}
