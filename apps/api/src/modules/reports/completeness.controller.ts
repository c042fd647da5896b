import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { completenessQuerySchema, type CompletenessQuery } from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/decorators';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { CompletenessService } from './completeness.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class CompletenessController {
  constructor(private readonly completenessService: CompletenessService) {}

  /** Who reported: per level and overall {expected, submitted, approved, late}, the units missing and the units late. */
  @Get('completeness')
  completeness(@CurrentActor() actor: Actor, @Query(new ZodPipe(completenessQuerySchema)) q: CompletenessQuery) {
    return this.completenessService.completeness(actor, q);
  }

  /** The same as an XLSX file (sheets: by level, by child unit, missing, late), e.g. `?period=2024S1&formCode=QG-6T`. */
  @Get('completeness.xlsx')
  async completenessXlsx(@CurrentActor() actor: Actor, @Query(new ZodPipe(completenessQuerySchema)) q: CompletenessQuery, @Res() reply: FastifyReply) {
    const file = await this.completenessService.workbook(actor, q);
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.content);
  }
}
