import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { idSchema, levelCodeSchema, periodIdSchema } from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/decorators';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { DashboardService } from './dashboard.service';

const planProgressSchema = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    planId: idSchema.optional(),
    unitId: idSchema.optional(),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  })
  .strict();

const belowThresholdSchema = z
  .object({
    indicator: z.string().min(1).max(64),
    period: periodIdSchema,
    threshold: z.coerce.number().finite(),
    level: levelCodeSchema.default('grassroots'),
    unitId: idSchema.optional(),
  })
  .strict();

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly service: DashboardService) {}

  /** Every target of the year's issued plans that concern a unit, with actual, achievement and status. */
  @Get('plan-progress')
  planProgress(@CurrentActor() actor: Actor, @Query(new ZodPipe(planProgressSchema)) q: z.infer<typeof planProgressSchema>) {
    return this.service.planProgress(actor, q);
  }

  /** Units of a level under a threshold, e.g. `?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=2024S1&threshold=60`. */
  @Get('below-threshold')
  belowThreshold(@CurrentActor() actor: Actor, @Query(new ZodPipe(belowThresholdSchema)) q: z.infer<typeof belowThresholdSchema>) {
    return this.service.belowThreshold(actor, q);
  }
}
