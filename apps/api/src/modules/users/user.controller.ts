import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createUserSchema, idParamSchema, pageQuerySchema, resetPasswordSchema, updateUserSchema, type CreateUser, type PageQuery, type UpdateUser } from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { UserService } from './user.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('tenant_admin')
@Controller('users')
export class UserController {
  constructor(private readonly users: UserService) {}

  @Get()
  list(@Query(new ZodPipe(pageQuerySchema.strict())) q: PageQuery) {
    return this.users.list(q.limit, q.offset);
  }

  @Get(':id')
  get(@Param(new ZodPipe(idParamSchema)) p: { id: string }) {
    return this.users.get(p.id);
  }

  @Post()
  @ApiZodBody(createUserSchema)
  create(@CurrentActor() actor: Actor, @Body(new ZodPipe(createUserSchema)) body: CreateUser) {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @ApiZodBody(updateUserSchema)
  update(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Body(new ZodPipe(updateUserSchema)) body: UpdateUser) {
    return this.users.update(actor, p.id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(204)
  @ApiZodBody(resetPasswordSchema)
  async reset(@CurrentActor() actor: Actor, @Param(new ZodPipe(idParamSchema)) p: { id: string }, @Body(new ZodPipe(resetPasswordSchema)) body: { password: string }) {
    await this.users.resetPassword(actor, p.id, body.password);
  }
}
