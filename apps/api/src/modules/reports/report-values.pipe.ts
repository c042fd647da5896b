import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { reportValueInputSchema, type FieldError } from '@sen/contracts';
import { ValidationFailedError } from '../../core/errors/domain-error';
import { toFieldErrors } from '../../core/validation/zod';

const [valueBranch, ratioBranch] = reportValueInputSchema.options;

/**
 * Parses a body holding report values with the contract schema. A value that fits neither shape of the
 * (fixed) union would only say "matches no shape"; instead it is re-checked against the shape it meant — the
 * ratio shape when it has numerator or denominator, else the value shape — so the error names the field
 * (`body.values.3.value: sai kiểu dữ liệu: cần số, nhận chuỗi ký tự`).
 */
@Injectable()
export class ReportValuesPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, _metadata: ArgumentMetadata): z.output<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const errors: FieldError[] = [];
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      if (issue.code === 'invalid_union') {
        const item = path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), value);
        if (item && typeof item === 'object') {
          const branch = 'numerator' in item || 'denominator' in item ? ratioBranch : valueBranch;
          const retry = branch.safeParse(item);
          if (!retry.success) {
            errors.push(...toFieldErrors(retry.error, ['body', ...path].join('.'), item));
            continue;
          }
        }
      }
      errors.push(...toFieldErrors(new z.ZodError([issue]), 'body', value ?? {}));
    }
    throw new ValidationFailedError(errors);
  }
}
