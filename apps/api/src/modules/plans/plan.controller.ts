import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  createPlanSchema,
  derivePlanSchema,
  idParamSchema,
  importPlanTextSchema,
  PLAN_IMPORT_EXTENSIONS,
  planAllocationsSchema,
  planCalendarQuerySchema,
  planListQuerySchema,
  planObligationsQuerySchema,
  planActivityParamSchema,
  planTransitionSchema,
  setActivityStatusSchema,
  suggestLinksSchema,
  updatePlanSchema,
  type CreatePlan,
  type DerivePlan,
  type PlanAllocations,
  type PlanCalendarQuery,
  type PlanListQuery,
  type PlanObligationsQuery,
  type PlanActivityParam,
  type PlanTransition,
  type SetActivityStatus,
  type SuggestLinks,
  type UpdatePlan,
} from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { ValidationFailedError } from '../../core/errors/domain-error';
import { readUpload } from '../../core/http/upload';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { toFieldErrors } from '../../core/validation/zod';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { contentDisposition } from './plan-content';
import { PlanImportService } from './plan-import.service';
import { PlanService } from './plan.service';

/** Those who author plans; readers (reporter, viewer) get 403 on every write. */
const WRITERS = ['tenant_admin', 'unit_manager'] as const;
/** Those who record the progress of activities. */
const RECORDERS = ['tenant_admin', 'unit_manager', 'reporter'] as const;

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlanController {
  constructor(
    private readonly service: PlanService,
    private readonly importer: PlanImportService,
  ) {}

  /**
   * A plan document → its structure, nothing saved. Multipart field `file` (.docx, .txt, .md) or JSON
   * `{"text": "…"}`. Fixed answer: exactly `{"plan": {...}, "warnings": [...]}` (@sen/plans' ImportResult).
   */
  @Post('import')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
        { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
      ],
    },
  })
  async import(@Req() req: FastifyRequest) {
    if (req.isMultipart()) {
      const file = await readUpload(req, [...PLAN_IMPORT_EXTENSIONS]);
      return this.importer.importFile(file.filename, file.content);
    }
    const parsed = importPlanTextSchema.safeParse(req.body ?? {}, { reportInput: true });
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error, undefined, req.body ?? {}).map((e) => {
        if (e.field === '(body)') return { ...e, field: 'text' };
        // {"text": 5}: the text is there but is not text.
        if (e.field === 'text' && (req.body as { text?: unknown } | null)?.text !== undefined && e.reasonEn !== 'is required' && !/too big|at most/i.test(e.reasonEn)) {
          return { field: 'text', reason: 'phải là văn bản (chuỗi ký tự) của kế hoạch', reasonEn: 'must be text (a string holding the plan)' };
        }
        return e;
      });
      throw new ValidationFailedError(errors);
    }
    return this.importer.importText(parsed.data.text);
  }

  /** Indicators suggested for targets: `[{targetIndex, code, confidence}]`, best first per target. */
  @Post('suggest-links')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiZodBody(suggestLinksSchema)
  suggestLinks(@Body(new ZodPipe(suggestLinksSchema)) body: SuggestLinks) {
    return this.importer.suggestLinks(body);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(planListQuerySchema)) q: PlanListQuery) {
    return this.service.list(actor, q);
  }

  /** Activities of issued plans overlapping [from, to] (default: this year), with their plan's symbol. */
  @Get('calendar')
  calendar(@CurrentActor() actor: Actor, @Query(new ZodPipe(planCalendarQuerySchema)) q: PlanCalendarQuery) {
    return this.service.calendar(actor, q);
  }

  /** The calendar of [from, to] as an XLSX file (activities with time, plan, lead units and status; Vietnamese headers). */
  @Get('calendar.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async calendarXlsx(@CurrentActor() actor: Actor, @Query(new ZodPipe(planCalendarQuerySchema)) q: PlanCalendarQuery, @Res() reply: FastifyReply) {
    const file = await this.service.calendarWorkbook(actor, q);
    await reply
      .status(200)
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(file.filename))
      .header('cache-control', 'private, no-store')
      .send(file.content);
  }

  /** What a unit (default: the caller's) must report because of issued plans, and by when. */
  @Get('obligations')
  obligations(@CurrentActor() actor: Actor, @Query(new ZodPipe(planObligationsQuerySchema)) q: PlanObligationsQuery) {
    return this.service.obligations(actor, q);
  }

  /** Saves a plan (the import answer's `plan` as it is) as a draft of `unitId` (default: the caller's unit). */
  @Post()
  @Roles(...WRITERS)
  @ApiZodBody(createPlanSchema)
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(createPlanSchema)) body: CreatePlan) {
    return this.service.create(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }) {
    return this.service.get(actor, p.id);
  }

  /** Drafts only: 409 PLAN_READ_ONLY for a plan in review, issued, closed or superseded. */
  @Put(':id')
  @Roles(...WRITERS)
  @ApiZodBody(updatePlanSchema)
  update(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Body(new ZodPipe(updatePlanSchema)) body: UpdatePlan) {
    return this.service.update(actor, p.id, body);
  }

  @Post(':id/transition')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiZodBody(planTransitionSchema)
  transition(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Body(new ZodPipe(planTransitionSchema)) body: PlanTransition) {
    return this.service.transition(actor, p.id, body);
  }

  /** A new draft version of an issued plan; the plan becomes superseded when the new one is issued. */
  @Post(':id/revise')
  @Roles(...WRITERS)
  revise(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }) {
    return this.service.revise(actor, p.id);
  }

  @Get(':id/versions')
  versions(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }) {
    return this.service.versions(actor, p.id);
  }

  /** The official Word document (Nghị định 30/2020/NĐ-CP layout). */
  @Get(':id/export.docx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  async exportDocx(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Res() reply: FastifyReply) {
    const file = await this.service.exportDocx(actor, p.id);
    await reply
      .status(200)
      .header('content-type', file.contentType)
      .header('content-disposition', file.disposition)
      .header('cache-control', 'private, no-store')
      .send(file.body);
  }

  /**
   * Records the progress of an activity of an issued plan (planned, in progress, done with the day, cancelled;
   * a note): the content stays read-only, the execution does not. For users whose units cover the plan's unit.
   */
  @Put(':id/activities/:idx/status')
  @Roles(...RECORDERS)
  @ApiZodBody(setActivityStatusSchema)
  setActivityStatus(
    @CurrentActor() actor: Actor,
    @Param(new ZodPipe(planActivityParamSchema)) p: PlanActivityParam,
    @Body(new ZodPipe(setActivityStatusSchema)) body: SetActivityStatus,
  ) {
    return this.service.setActivityStatus(actor, p.id, p.idx, body);
  }

  /** A child unit's draft from this (issued) plan. */
  @Post(':id/derive')
  @Roles(...WRITERS)
  @ApiZodBody(derivePlanSchema)
  derive(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Body(new ZodPipe(derivePlanSchema)) body: DerivePlan) {
    return this.service.derive(actor, p.id, body);
  }

  /** A target split between units below the plan's unit; 400 naming the difference when it does not add up. */
  @Post(':id/allocations')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiZodBody(planAllocationsSchema)
  allocate(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Body(new ZodPipe(planAllocationsSchema)) body: PlanAllocations) {
    return this.service.allocate(actor, p.id, body);
  }
}
