import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { UsersModule } from '../users/users.module';
import { TenantAbsorptionService } from './tenant-absorption.service';
import { TenantOnboardingService } from './tenant-onboarding.service';
import { TenantController } from './tenant.controller';

@Module({ imports: [OrgUnitsModule, UsersModule], controllers: [TenantController], providers: [TenantOnboardingService, TenantAbsorptionService], exports: [TenantOnboardingService] })
export class TenantsModule {}
