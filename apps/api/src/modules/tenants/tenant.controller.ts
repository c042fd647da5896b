import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createTenantSchema, isoDateSchema, tenantCodeSchema, type CreateTenant } from '@sen/contracts';
import { z } from 'zod';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { TenantAbsorptionService } from './tenant-absorption.service';
import { TenantOnboardingService } from './tenant-onboarding.service';

const codeParam = z.object({ code: tenantCodeSchema });
const absorbSchema = z
  .object({ absorbedCode: tenantCodeSchema, effectiveFrom: isoDateSchema, keepUsers: z.boolean() })
  .strict();

/** Platform administrators only: the tenants of the platform. */
@ApiTags('tenants')
@ApiBearerAuth()
@Roles('platform_admin')
@Controller('tenants')
export class TenantController {
  constructor(
    private readonly onboarding: TenantOnboardingService,
    private readonly absorption: TenantAbsorptionService,
  ) {}

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

  /** The tenant :code absorbs another (merged provinces): units and history move, users kept or disabled. */
  @Post(':code/absorb')
  @HttpCode(200)
  @ApiZodBody(absorbSchema)
  absorb(@Param(new ZodPipe(codeParam)) p: { code: string }, @Body(new ZodPipe(absorbSchema)) body: z.infer<typeof absorbSchema>) {
    return this.absorption.absorb(p.code, body);
  }

  @Post(':code/resume')
  @HttpCode(200)
  resume(@Param(new ZodPipe(codeParam)) p: { code: string }) {
    return this.onboarding.setStatus(p.code, 'active');
  }
}
