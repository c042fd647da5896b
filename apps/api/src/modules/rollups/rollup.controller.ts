import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { comparisonQuerySchema, periodIdSchema, rollupQuerySchema, type RollupQuery } from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { RollupService } from './rollup.service';

const seriesSchema = z
  .object({
    indicator: z.string().min(1).max(64),
    periods: z
      .string()
      .transform((v) => v.split(',').map((p) => p.trim()).filter(Boolean))
      .pipe(z.array(periodIdSchema).min(1).max(24)),
    tenants: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean) : undefined)),
  })
  .strict();

const recomputeSchema = z.object({ period: periodIdSchema }).strict();
const jobParam = z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) });

@ApiTags('rollups')
@ApiBearerAuth()
@Controller('rollups')
export class RollupController {
  constructor(private readonly service: RollupService) {}

  /** Fixed: `{"value","numerator","denominator","unitsReporting","unitsExpected","updatedAt"}`. */
  @Get()
  get(@CurrentActor() actor: Actor, @Query(new ZodPipe(rollupQuerySchema)) q: RollupQuery) {
    return this.service.get(actor, q);
  }

  /** Full recompute of the tenant's period in the worker; answers the job id to follow. */
  @Post('recompute')
  @Roles('tenant_admin')
  @ApiZodBody(recomputeSchema)
  recompute(@CurrentActor() actor: Actor, @Body(new ZodPipe(recomputeSchema)) body: { period: string }) {
    return this.service.recompute(actor, body.period);
  }

  @Get('recompute/:jobId')
  @Roles('tenant_admin')
  progress(@CurrentActor() actor: Actor, @Param(new ZodPipe(jobParam)) p: { jobId: string }) {
    return this.service.recomputeProgress(actor, p.jobId);
  }
}

@ApiTags('central')
@ApiBearerAuth()
@Roles('central_analyst')
@Controller('central')
export class CentralController {
  constructor(private readonly service: RollupService) {}

  /** Fixed: every province side by side for a national indicator and a period; central analysts only. */
  @Get('comparison')
  comparison(@Query(new ZodPipe(comparisonQuerySchema)) q: { indicator: string; period: string }) {
    return this.service.comparison(q);
  }

  /** The same comparison as an XLSX file for the meeting. */
  @Get('comparison.xlsx')
  async comparisonXlsx(@Query(new ZodPipe(comparisonQuerySchema)) q: { indicator: string; period: string }, @Res() reply: FastifyReply) {
    const file = await this.service.comparisonWorkbook(q);
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.content);
  }

  /** A time series of several periods, e.g. `periods=2023S1,2023S2,2024S1&tenants=HN,DN`. */
  @Get('series')
  series(@Query(new ZodPipe(seriesSchema)) q: z.infer<typeof seriesSchema>) {
    return this.service.series(q);
  }
}
