import type { z } from 'zod';
import type { FieldError } from '@sen/contracts';
import { ValidationFailedError } from '../errors/domain-error';

/** Vietnamese wording of zod's reasons, so that each wrong field is explained in both languages. */
function reasonVi(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'bắt buộc phải có' : `sai kiểu dữ liệu (cần ${issue.expected})`;
    case 'too_small':
      return issue.origin === 'string' ? `quá ngắn (tối thiểu ${String(issue.minimum)} ký tự)` : `quá nhỏ (tối thiểu ${String(issue.minimum)})`;
    case 'too_big':
      return issue.origin === 'string' ? `quá dài (tối đa ${String(issue.maximum)} ký tự)` : `quá lớn (tối đa ${String(issue.maximum)})`;
    case 'invalid_format':
      return 'sai định dạng';
    case 'invalid_value':
      return `giá trị không được chấp nhận (${issue.values.map(String).join(', ')})`;
    case 'unrecognized_keys':
      return `trường không được phép: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'không khớp với dạng nào được chấp nhận';
    default:
      return 'không hợp lệ';
  }
}

/**
 * A path segment as it is echoed back: keys come from the client, so only letters, digits, _ $ - are kept and
 * at most 64 characters (a 300 kB key is not sent back, nor anything that reads like code or a file path).
 */
function safeSegment(segment: PropertyKey): string {
  const text = String(segment);
  const clean = text.replace(/[^\p{L}\p{N}_$-]/gu, '?').slice(0, 64);
  return clean.length < text.length ? `${clean}…` : clean;
}

export function toFieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const path = issue.path.map(safeSegment).join('.');
    if (issue.code === 'unrecognized_keys') {
      // One error per unknown property, named by its own path (body.passwordHash), so clients see which one.
      return issue.keys.map((key) => ({
        field: [prefix, path, safeSegment(key)].filter(Boolean).join('.'),
        reason: 'trường không được phép',
        reasonEn: 'unknown property',
      }));
    }
    const field = [prefix, path].filter(Boolean).join('.') || prefix || '(body)';
    const en = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    const vi = issue.code === 'custom' || (issue.code === 'invalid_format' && issue.message && !issue.message.startsWith('Invalid'))
      ? `${reasonVi(issue)}: ${issue.message}`
      : reasonVi(issue);
    return [{ field, reason: vi, reasonEn: en }];
  });
}

/** Parses `input` with `schema`, or throws a 400 that names each wrong field (prefix: body, query, params). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationFailedError(toFieldErrors(result.error, prefix));
  return result.data;
}
