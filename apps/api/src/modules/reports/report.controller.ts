import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  bulkGridQuerySchema,
  bulkImportQuerySchema,
  bulkValuesSchema,
  idParamSchema,
  putReportValuesSchema,
  reopenReportSchema,
  reportListQuerySchema,
  returnReportSchema,
  type BulkGridQuery,
  type BulkImportQuery,
  type BulkValues,
  type PutReportValues,
  type ReportListQuery,
} from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { readUpload } from '../../core/http/upload';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { ReportBulkService } from './report-bulk.service';
import { ReportValuesPipe } from './report-values.pipe';
import { ReportService } from './report.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportController {
  constructor(
    private readonly reports: ReportService,
    private readonly bulkEntry: ReportBulkService,
  ) {}

  /** Fixed: `{"items":[{"id","unitId","period","formCode","status","deadline"}],"total"}` — reports in the actor's subtree. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(reportListQuerySchema)) q: ReportListQuery) {
    return this.reports.list(actor, q);
  }

  // GET completeness and completeness.xlsx: CompletenessController.

  /** The bulk-entry grid: the form's indicators and, per child unit the caller manages, its report's status and values. */
  @Get('bulk-values')
  @Roles('unit_manager', 'tenant_admin')
  grid(@CurrentActor() actor: Actor, @Query(new ZodPipe(bulkGridQuerySchema)) q: BulkGridQuery) {
    return this.bulkEntry.grid(actor, q);
  }

  /** The XLSX to fill in for `bulk-values/import`: unit code and name, one column per indicator, the open reports' current values. */
  @Get('bulk-values/template.xlsx')
  @Roles('unit_manager', 'tenant_admin')
  async template(@CurrentActor() actor: Actor, @Query(new ZodPipe(bulkGridQuerySchema)) q: BulkGridQuery, @Res() reply: FastifyReply) {
    const file = await this.bulkEntry.template(actor, q);
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.content);
  }

  /** A parent unit enters its child units' values: all rows or none. */
  @Put('bulk-values')
  @Roles('unit_manager', 'tenant_admin')
  @ApiZodBody(bulkValuesSchema)
  bulk(@CurrentActor() actor: Actor, @Body(new ReportValuesPipe(bulkValuesSchema)) body: BulkValues) {
    return this.bulkEntry.bulk(actor, body);
  }

  /** The same from an XLSX file (`?period=2024S1&formCode=QG-6T`, multipart field `file`). */
  @Post('bulk-values/import')
  @HttpCode(200)
  @Roles('unit_manager', 'tenant_admin')
  @ApiConsumes('multipart/form-data')
  async import(@CurrentActor() actor: Actor, @Query(new ZodPipe(bulkImportQuerySchema)) q: BulkImportQuery, @Req() req: FastifyRequest) {
    const file = await readUpload(req, ['.xlsx']);
    return this.bulkEntry.import(actor, q.period, q.formCode, file.filename, file.content);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }) {
    return this.reports.get(actor, p.id);
  }

  /** Every value change: who, when, old and new. */
  @Get(':id/history')
  history(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }) {
    return this.reports.history(actor, p.id);
  }

  @Put(':id/values')
  @ApiZodBody(putReportValuesSchema)
  values(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Body(new ReportValuesPipe(putReportValuesSchema)) body: PutReportValues) {
    return this.reports.saveValues(actor, p.id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }) {
    return this.reports.submit(actor, p.id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }) {
    return this.reports.approve(actor, p.id);
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiZodBody(returnReportSchema)
  returnReport(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Body(new ZodPipe(returnReportSchema)) body: { comment: string }) {
    return this.reports.returnReport(actor, p.id, body.comment);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('tenant_admin')
  @ApiZodBody(reopenReportSchema)
  reopen(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Body(new ZodPipe(reopenReportSchema)) body: { reason: string }) {
    return this.reports.reopen(actor, p.id, body.reason);
  }
}
