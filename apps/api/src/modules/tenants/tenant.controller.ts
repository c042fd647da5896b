import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createTenantSchema, tenantCodeSchema, type CreateTenant } from '@sen/contracts';
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { TenantOnboardingService } from './tenant-onboarding.service';

const codeParam = z.object({ code: tenantCodeSchema });

/** Platform administrators only: the tenants of the platform. */
@ApiTags('tenants')
@ApiBearerAuth()
@Roles('platform_admin')
@Controller('tenants')
export class TenantController {
  constructor(private readonly onboarding: TenantOnboardingService) {}

  @Get()
  async list() {
    const items = await this.onboarding.list();
    return { items, total: items.length };
  }

  @Post()
  @ApiZodBody(createTenantSchema)
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(createTenantSchema)) body: CreateTenant) {
    return this.onboarding.onboard(body, actor);
  }

  @Post(':code/suspend')
  @HttpCode(200)
  suspend(@Param(new ZodPipe(codeParam)) p: { code: string }) {
    return this.onboarding.setStatus(p.code, 'suspended');
  }

  @Post(':code/resume')
  @HttpCode(200)
  resume(@Param(new ZodPipe(codeParam)) p: { code: string }) {
    return this.onboarding.setStatus(p.code, 'active');
  }
}
