import { Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../core/auth/actor';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { API_CONFIG, type ApiConfig } from '../../core/config/config';
import { BOARD_COOKIE, BOARD_PATH, signBoardSession } from './queue-board';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('platform_admin')
@Controller('admin')
export class QueueBoardController {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** Opens the queue dashboard (/admin/queues) for 30 minutes in this browser. */
  @Post('queue-session')
  @HttpCode(204)
  session(@CurrentActor() actor: Actor, @Res() reply: FastifyReply): void {
    const secure = this.config.NODE_ENV === 'production' ? '; Secure' : '';
    void reply
      .header('set-cookie', `${BOARD_COOKIE}=${signBoardSession(this.config, actor.userId)}; Path=${BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=1800${secure}`)
      .status(204)
      .send();
  }
}
