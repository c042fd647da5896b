import { Module } from '@nestjs/common';
import { IndicatorController } from './indicator.controller';
import { IndicatorRepository } from './indicator.repository';
import { IndicatorService } from './indicator.service';

@Module({ controllers: [IndicatorController], providers: [IndicatorService, IndicatorRepository], exports: [IndicatorService] })
export class IndicatorsModule {}
