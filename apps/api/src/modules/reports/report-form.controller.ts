import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createReportFormSchema,
  createReportInstancesSchema,
  idParamSchema,
  type CreateReportForm,
  type CreateReportInstances,
} from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { ReportFormService } from './report-form.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('report-forms')
export class ReportFormController {
  constructor(private readonly forms: ReportFormService) {}

  /** The tenant's report forms: the national ones (QG-6T, QG-NAM) and its own. */
  @Get()
  list() {
    return this.forms.list();
  }

  @Post()
  @Roles('tenant_admin')
  @ApiZodBody(createReportFormSchema)
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(createReportFormSchema)) body: CreateReportForm) {
    return this.forms.create(actor, body);
  }

  /** Creates the period's draft reports of every unit of the form's level: `{created, existing, deadline}`. */
  @Post(':id/instances')
  @Roles('tenant_admin')
  @ApiZodBody(createReportInstancesSchema)
  instances(
    @CurrentActor() actor: Actor,
    @Param(new ZodPipe(idParamSchema)) p: { id: string },
    @Body(new ZodPipe(createReportInstancesSchema)) body: CreateReportInstances,
  ) {
    return this.forms.createInstances(actor, p.id, body);
  }
}
