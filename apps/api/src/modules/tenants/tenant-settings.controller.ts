import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { tenantSettingsSchema, type TenantSettingsDto } from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { TenantSettingsService } from './tenant-settings.service';

/** The caller's own tenant's settings (tenant administrators; the tenant comes from the token). */
@ApiTags('tenants')
@ApiBearerAuth()
@Roles('tenant_admin')
@Controller('tenants/current/settings')
export class TenantSettingsController {
  constructor(private readonly settings: TenantSettingsService) {}

  /** `{"countSubmitted": false}`: whether submitted (not yet approved) reports count in the totals. */
  @Get()
  get(@CurrentActor() actor: Actor) {
    return this.settings.get(actor);
  }

  /** Saves the settings (audited); a change of `countSubmitted` starts a recompute of every period with reports: `{…, recompute: [{period, jobId}]}`. */
  @Put()
  @ApiZodBody(tenantSettingsSchema)
  update(@CurrentActor() actor: Actor, @Body(new ZodPipe(tenantSettingsSchema)) body: TenantSettingsDto) {
    return this.settings.update(actor, body);
  }
}
