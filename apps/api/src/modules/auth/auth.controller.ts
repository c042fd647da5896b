import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { loginRequestSchema, refreshRequestSchema, type LoginRequest, type LoginResponse, type RefreshRequest } from '@sen/contracts';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor, Public } from '../../core/auth/decorators';
import { ApiZodBody } from '../../core/validation/api-zod-body';
import { ZodPipe } from '../../core/validation/zod-validation.pipe';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiZodBody(loginRequestSchema)
  login(@Body(new ZodPipe(loginRequestSchema)) body: LoginRequest): Promise<LoginResponse> {
    return this.auth.login(body);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiZodBody(refreshRequestSchema)
  refresh(@Body(new ZodPipe(refreshRequestSchema)) body: RefreshRequest): Promise<LoginResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  /** Revokes the session the refresh token belongs to (all its rotated tokens). */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiZodBody(refreshRequestSchema)
  async logout(@Body(new ZodPipe(refreshRequestSchema)) body: RefreshRequest): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }
}
