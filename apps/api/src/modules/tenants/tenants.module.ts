import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { ReportsModule } from '../reports/reports.module';
import { UsersModule } from '../users/users.module';
import { TenantAbsorptionService } from './tenant-absorption.service';
import { TenantOnboardingService } from './tenant-onboarding.service';
import { TenantSettingsController } from './tenant-settings.controller';
import { TenantSettingsService } from './tenant-settings.service';
import { TenantController } from './tenant.controller';

@Module({
  imports: [OrgUnitsModule, UsersModule, ReportsModule],
  controllers: [TenantSettingsController, TenantController],
  providers: [TenantOnboardingService, TenantAbsorptionService, TenantSettingsService],
  exports: [TenantOnboardingService],
})
export class TenantsModule {}
