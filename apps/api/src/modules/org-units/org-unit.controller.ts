import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  createOrgUnitSchema,
  dissolveOrgUnitSchema,
  splitOrgUnitSchema,
  type DissolveOrgUnit,
  type SplitOrgUnit,
  idParamSchema,
  mergeOrgUnitsSchema,
  orgUnitListQuerySchema,
  updateOrgUnitSchema,
  type CreateOrgUnit,
  type MergeOrgUnits,
  type OrgUnitListQuery,
  type UpdateOrgUnit,
} from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/decorators';
import { readUpload } from '../../core/http/upload';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { OrgUnitImportService } from './org-unit-import.service';
import { OrgUnitService } from './org-unit.service';

@ApiTags('org-units')
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitController {
  constructor(
    private readonly service: OrgUnitService,
    private readonly importer: OrgUnitImportService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query(new ZodPipe(orgUnitListQuerySchema)) q: OrgUnitListQuery) {
    return this.service.list(actor, q);
  }

  @Post('import')
  @ApiConsumes('multipart/form-data')
  async import(@CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    const file = await readUpload(req, ['.csv', '.xlsx', '.txt']);
    return this.importer.import(actor, file.filename, file.content);
  }

  @Post('merge')
  @ApiZodBody(mergeOrgUnitsSchema)
  merge(@CurrentActor() actor: Actor, @Body(new ZodPipe(mergeOrgUnitsSchema)) body: MergeOrgUnits) {
    return this.service.merge(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }) {
    return this.service.get(actor, p.id);
  }

  @Get(':id/history')
  history(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }) {
    return this.service.history(actor, p.id);
  }

  @Post(':id/split')
  @ApiZodBody(splitOrgUnitSchema)
  split(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Body(new ZodPipe(splitOrgUnitSchema)) body: SplitOrgUnit) {
    return this.service.split(actor, p.id, body);
  }

  @Post(':id/dissolve')
  @HttpCode(200)
  @ApiZodBody(dissolveOrgUnitSchema)
  dissolve(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Body(new ZodPipe(dissolveOrgUnitSchema)) body: DissolveOrgUnit) {
    return this.service.dissolve(actor, p.id, body);
  }

  @Post()
  @ApiZodBody(createOrgUnitSchema)
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(createOrgUnitSchema)) body: CreateOrgUnit) {
    return this.service.create(actor, body);
  }

  @Patch(':id')
  @ApiZodBody(updateOrgUnitSchema)
  update(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Body(new ZodPipe(updateOrgUnitSchema)) body: UpdateOrgUnit) {
    return this.service.update(actor, p.id, body);
  }
}
