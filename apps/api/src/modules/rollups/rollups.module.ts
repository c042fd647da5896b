import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { CentralRepository } from './central.repository';
import { CentralController, RollupController } from './rollup.controller';
import { RollupRepository } from './rollup.repository';
import { RollupService } from './rollup.service';

@Module({
  imports: [OrgUnitsModule, IndicatorsModule],
  controllers: [RollupController, CentralController],
  providers: [RollupService, RollupRepository, CentralRepository],
})
export class RollupsModule {}
