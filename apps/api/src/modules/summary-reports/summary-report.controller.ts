import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  createSummaryReportSchema,
  idParamSchema,
  summaryReportListQuerySchema,
  type CreateSummaryReport,
  type SummaryReportListQuery,
} from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/decorators';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { SummaryReportService } from './summary-report.service';

@ApiTags('summary-reports')
@ApiBearerAuth()
@Controller('summary-reports')
export class SummaryReportController {
  constructor(private readonly service: SummaryReportService) {}

  /** Generates the summary report (báo cáo tổng hợp) of a unit of the caller's subtree for a period, in the worker. */
  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Request a summary report (DOCX) of a unit and period; answers {id, status, progress} and the job runs in the worker' })
  @ApiZodBody(createSummaryReportSchema)
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(createSummaryReportSchema)) body: CreateSummaryReport) {
    return this.service.create(actor, body);
  }

  /** Summary reports of units in the caller's subtrees, newest first; `unitId` and `period` narrow the list. */
  @Get()
  @ApiOperation({ summary: 'List summary reports (newest first), optionally of one unit and period' })
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(summaryReportListQuerySchema)) q: SummaryReportListQuery) {
    return this.service.list(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status, progress (0–100) and error of a summary report' })
  get(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }) {
    return this.service.get(actor, p.id);
  }

  /** The Word file in the official layout (Nghị định 30/2020/NĐ-CP); 409 until the job is done. */
  @Get(':id/file.docx')
  @ApiOperation({ summary: 'Download the generated summary report (.docx); 409 while it is being generated' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  async file(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Res() reply: FastifyReply) {
    const file = await this.service.file(actor, p.id);
    await reply
      .status(200)
      .header('content-type', file.contentType)
      .header('content-disposition', file.disposition)
      .header('cache-control', 'private, no-store')
      .send(file.body);
  }
}
