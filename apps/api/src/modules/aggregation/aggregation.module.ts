import { Global, Module } from '@nestjs/common';
import { AggregationQueue } from './aggregation-queue.service';

@Global()
@Module({ providers: [AggregationQueue], exports: [AggregationQueue] })
export class AggregationModule {}
