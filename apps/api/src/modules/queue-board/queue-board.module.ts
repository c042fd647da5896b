import { Module } from '@nestjs/common';
import { QueueBoardController } from './queue-board.controller';

@Module({ controllers: [QueueBoardController] })
export class QueueBoardModule {}
