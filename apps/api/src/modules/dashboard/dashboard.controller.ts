import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
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
    // A day that exists (2024-02-30 is refused, not rolled over into March).
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'not a day of the calendar')
      .optional(),
    programme: z.string().trim().min(1).max(1000).optional(),
    departmentId: idSchema.optional(),
    level: levelCodeSchema.optional(),
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

const periodsSchema = z.object({ unitId: idSchema.optional(), indicator: z.string().min(1).max(64).optional() }).strict();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly service: DashboardService) {}

  /**
   * Every target of the year's issued plans that concern a unit (default: the caller's), with actual,
   * achievement and status; `summary` counts the statuses, `children` gives the same counts for each child
   * union (drill down with `unitId`), `options` what `planId`, `programme`, `departmentId` and `level` can filter on.
   */
  @Get('plan-progress')
  planProgress(@CurrentActor() actor: Actor, @Query(new ZodPipe(planProgressSchema)) q: z.infer<typeof planProgressSchema>) {
    return this.service.planProgress(actor, q);
  }

  /** The plan progress table with the same filters as an XLSX file. */
  @Get('plan-progress.xlsx')
  async planProgressXlsx(@CurrentActor() actor: Actor, @Query(new ZodPipe(planProgressSchema)) q: z.infer<typeof planProgressSchema>, @Res() reply: FastifyReply) {
    const file = await this.service.planProgressWorkbook(actor, q);
    void reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.content);
  }

  /** The drill-down table of the plan progress (each child union, its statuses) with the same filters as an XLSX file. */
  @Get('plan-progress/children.xlsx')
  async planProgressChildrenXlsx(@CurrentActor() actor: Actor, @Query(new ZodPipe(planProgressSchema)) q: z.infer<typeof planProgressSchema>, @Res() reply: FastifyReply) {
    const file = await this.service.planProgressChildrenWorkbook(actor, q);
    void reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.content);
  }

  /**
   * The periods with data of a unit (default: the caller's) — counted values (for `indicator`, or any), plan years,
   * per form the periods with reports handed in — newest first, so that pages open on data, not an empty period.
   */
  @Get('periods')
  periods(@CurrentActor() actor: Actor, @Query(new ZodPipe(periodsSchema)) q: z.infer<typeof periodsSchema>) {
    return this.service.periods(actor, q);
  }

  /** Units of a level under a threshold, e.g. `?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=2024S1&threshold=60`. */
  @Get('below-threshold')
  belowThreshold(@CurrentActor() actor: Actor, @Query(new ZodPipe(belowThresholdSchema)) q: z.infer<typeof belowThresholdSchema>) {
    return this.service.belowThreshold(actor, q);
  }

  /** The units under the threshold (then those without data) as an XLSX file. */
  @Get('below-threshold.xlsx')
  async belowThresholdXlsx(@CurrentActor() actor: Actor, @Query(new ZodPipe(belowThresholdSchema)) q: z.infer<typeof belowThresholdSchema>, @Res() reply: FastifyReply) {
    const file = await this.service.belowThresholdWorkbook(actor, q);
    void reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.content);
  }
}
