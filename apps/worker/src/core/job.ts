import type { Job } from 'bullmq';
import type { z } from 'zod';

/** One class per job: a payload schema (from @sen/contracts) and `handle`, which must be idempotent. */
export interface JobHandler<S extends z.ZodType = z.ZodType> {
  readonly queue: string;
  readonly name: string;
  readonly schema: S;
  handle(data: z.output<S>, job?: Job): Promise<unknown>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
