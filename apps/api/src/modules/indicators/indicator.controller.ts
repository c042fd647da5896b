import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createIndicatorSchema, type CreateIndicator } from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/decorators';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { IndicatorService } from './indicator.service';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorController {
  constructor(private readonly service: IndicatorService) {}

  /** Fixed: `{"items":[{"code","name","unit","valueType","kind","aggregation","national"}],"total"}`. */
  @Get()
  list() {
    return this.service.list();
  }

  @Post()
  @ApiZodBody(createIndicatorSchema)
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(createIndicatorSchema)) body: CreateIndicator) {
    return this.service.create(actor, body);
  }
}
