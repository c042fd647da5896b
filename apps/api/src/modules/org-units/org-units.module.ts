import { Module } from '@nestjs/common';
import { OrgUnitImportService } from './org-unit-import.service';
import { OrgUnitController } from './org-unit.controller';
import { OrgUnitRepository } from './org-unit.repository';
import { OrgUnitService } from './org-unit.service';

@Module({
  controllers: [OrgUnitController],
  providers: [OrgUnitService, OrgUnitImportService, OrgUnitRepository],
  exports: [OrgUnitService, OrgUnitRepository, OrgUnitImportService],
})
export class OrgUnitsModule {}
