import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { parseOrThrow } from './zod';

/** `@Body(new ZodPipe(schema))`: controllers parse every input with the contract schema of @sen/contracts. */
@Injectable()
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<S> {
    const prefix = metadata.type === 'custom' ? undefined : metadata.type === 'param' ? (metadata.data ?? 'params') : metadata.type;
    return parseOrThrow(this.schema, value ?? {}, prefix);
  }
}
