import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  centralCompletenessQuerySchema,
  centralSeriesQuerySchema,
  comparisonQuerySchema,
  nationalRecomputeSchema,
  periodIdSchema,
  reconcileRequestSchema,
  reconciliationQuerySchema,
  rollupQuerySchema,
  type CentralCompletenessQuery,
  type CentralSeriesQuery,
  type ComparisonQuery,
  type ReconcileRequest,
  type ReconciliationQuery,
  type RollupQuery,
} from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { RollupService } from './rollup.service';

function sendXlsx(reply: FastifyReply, file: { filename: string; content: Buffer }): void {
  void reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.content);
}

const centralPeriodsQuerySchema = z.object({ indicator: z.string().min(1).max(64) }).strict();
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

  /** Full recompute of a period for every active tenant (the nation) in the worker; answers the job id to follow. */
  @Post('national-recompute')
  @Roles('platform_admin', 'central_analyst')
  @ApiZodBody(nationalRecomputeSchema)
  nationalRecompute(@CurrentActor() actor: Actor, @Body(new ZodPipe(nationalRecomputeSchema)) body: { period: string }) {
    return this.service.nationalRecompute(actor, body.period);
  }

  /** A national recompute: the whole and each tenant's progress, and the result once completed. */
  @Get('national-recompute/:jobId')
  @Roles('platform_admin', 'central_analyst')
  nationalProgress(@CurrentActor() actor: Actor, @Param(new ZodPipe(jobParam)) p: { jobId: string }) {
    return this.service.nationalRecomputeStatus(actor, p.jobId);
  }

  /** Reconcile the totals with a full recompute now: the caller's tenant, or (`scope: nation`, platform administrators) every tenant. */
  @Post('reconcile')
  @Roles('tenant_admin', 'platform_admin')
  @ApiZodBody(reconcileRequestSchema)
  reconcile(@CurrentActor() actor: Actor, @Body(new ZodPipe(reconcileRequestSchema)) body: ReconcileRequest) {
    return this.service.reconcile(actor, body);
  }

  /** The last reconciliation of the caller's tenant (`period` optional), or of each tenant (`scope=nation`): counts only. */
  @Get('reconciliation')
  reconciliation(@CurrentActor() actor: Actor, @Query(new ZodPipe(reconciliationQuerySchema)) q: ReconciliationQuery) {
    return this.service.reconciliation(actor, q);
  }
}

@ApiTags('central')
@ApiBearerAuth()
@Roles('central_analyst')
@Controller('central')
export class CentralController {
  constructor(private readonly service: RollupService) {}

  /**
   * Fixed: every province side by side for a national indicator and a period, ranked, with the previous
   * period's value and the change; central analysts only. `view=former` shows a period before the 2025
   * merger by the provinces as they were (a province that absorbed others split by its units' former province).
   */
  @Get('comparison')
  comparison(@Query(new ZodPipe(comparisonQuerySchema)) q: ComparisonQuery) {
    return this.service.comparison(q);
  }

  /** The periods with data of a national indicator, newest first, e.g. `?indicator=TY_LE_TAP_HOP_HOI_VIEN`. */
  @Get('periods')
  periods(@Query(new ZodPipe(centralPeriodsQuerySchema)) q: { indicator: string }) {
    return this.service.periods(q);
  }

  /** The same comparison as an XLSX file for the meeting. */
  @Get('comparison.xlsx')
  async comparisonXlsx(@Query(new ZodPipe(comparisonQuerySchema)) q: ComparisonQuery, @Res() reply: FastifyReply) {
    sendXlsx(reply, await this.service.comparisonWorkbook(q));
  }

  /** A time series of several periods, e.g. `periods=2023S1,2023S2,2024S1&tenants=HN,DN` (optional `view`). */
  @Get('series')
  series(@Query(new ZodPipe(centralSeriesQuerySchema)) q: CentralSeriesQuery) {
    return this.service.series(q);
  }

  /** The time series as an XLSX file: one row per province, one column per period. */
  @Get('series.xlsx')
  async seriesXlsx(@Query(new ZodPipe(centralSeriesQuerySchema)) q: CentralSeriesQuery, @Res() reply: FastifyReply) {
    sendXlsx(reply, await this.service.seriesWorkbook(q));
  }

  /**
   * Reporting completeness of the national forms per province for a period: expected, submitted, approved,
   * late, and the rates; counts only (optional `view` as for the comparison).
   */
  @Get('completeness')
  completeness(@Query(new ZodPipe(centralCompletenessQuerySchema)) q: CentralCompletenessQuery) {
    return this.service.completeness(q);
  }

  /** The completeness comparison as an XLSX file. */
  @Get('completeness.xlsx')
  async completenessXlsx(@Query(new ZodPipe(centralCompletenessQuerySchema)) q: CentralCompletenessQuery, @Res() reply: FastifyReply) {
    sendXlsx(reply, await this.service.completenessWorkbook(q));
  }
}
