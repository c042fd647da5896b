import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { periodIdSchema, putReportValuesSchema, tenantSettingsSchema } from '@sen/contracts';
import { CONTRACT_MESSAGES_VI, toFieldErrors } from './zod';

/** The field errors of parsing `input` with `schema`, as the api answers them (prefix body). */
function errorsOf(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  return toFieldErrors(r.error, 'body', input);
}

/** A reason is Vietnamese when it has a Vietnamese letter and no English word of zod's messages. */
const ENGLISH = /\b(Invalid|expected|received|must|Too|small|big|input|string|number|option|Unrecognized)\b/;
const expectVietnamese = (reason: string) => {
  expect(reason).not.toMatch(ENGLISH);
  expect(reason).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
};

describe('zod issues as field errors (Vietnamese reason, English reasonEn)', () => {
  const schema = z
    .object({
      value: z.number().min(-5).max(1e15),
      name: z.string().min(1).max(5),
      code: z.string().min(3),
      tags: z.array(z.string()).min(1).max(2),
      kind: z.enum(['sum', 'ratio']),
      flag: z.literal(true),
      email: z.string().email(),
      step: z.number().multipleOf(5),
      period: periodIdSchema,
      nested: z.object({ count: z.number().int() }),
    })
    .strict();
  const valid = { value: 1, name: 'a', code: 'abc', tags: ['x'], kind: 'sum', flag: true, email: 'a@b.vn', step: 10, period: '2024S1', nested: { count: 1 } };
  const one = (patch: Record<string, unknown>, drop?: string) => {
    const input: Record<string, unknown> = { ...valid, ...patch };
    if (drop) delete input[drop];
    const errors = errorsOf(schema, input);
    expect(errors).toHaveLength(1);
    return errors[0]!;
  };

  it('tells a missing field from a field of the wrong type (invalid_type)', () => {
    expect(one({}, 'value')).toEqual({ field: 'body.value', reason: 'bắt buộc phải có', reasonEn: 'is required' });
    expect(one({ value: 'abc' })).toEqual({ field: 'body.value', reason: 'sai kiểu dữ liệu: cần số, nhận chuỗi ký tự', reasonEn: 'wrong type: expected a number, got a string' });
    expect(one({ value: null })).toEqual({ field: 'body.value', reason: 'sai kiểu dữ liệu: cần số, nhận null', reasonEn: 'wrong type: expected a number, got null' });
    expect(one({ nested: { count: '2' } })).toMatchObject({ field: 'body.nested.count', reason: 'sai kiểu dữ liệu: cần số, nhận chuỗi ký tự' });
    expect(one({ nested: {} })).toMatchObject({ field: 'body.nested.count', reason: 'bắt buộc phải có' });
    expect(one({ flag: 'yes' })).toMatchObject({ field: 'body.flag', reason: 'phải là true', reasonEn: 'must be true' });
  });

  it('a body that is a list, not an object, says so — and names the body', () => {
    expect(errorsOf(schema, [])).toEqual([{ field: 'body', reason: 'sai kiểu dữ liệu: cần đối tượng JSON, nhận danh sách (mảng JSON)', reasonEn: 'wrong type: expected a JSON object, got a list (JSON array)' }]);
  });

  it('the settings flag as a string is a type error, not a missing one', () => {
    const [e] = errorsOf(tenantSettingsSchema, { countSubmitted: 'yes' });
    expect(e).toEqual({ field: 'body.countSubmitted', reason: 'sai kiểu dữ liệu: cần true hoặc false, nhận chuỗi ký tự', reasonEn: 'wrong type: expected true or false, got a string' });
  });

  it('too_big and too_small, for numbers, strings and lists, in Vietnamese numbers', () => {
    expect(one({ value: 2e15 })).toEqual({ field: 'body.value', reason: 'quá lớn: tối đa 1.000.000.000.000.000', reasonEn: 'too big: at most 1,000,000,000,000,000' });
    expect(one({ value: -6 })).toEqual({ field: 'body.value', reason: 'quá nhỏ: tối thiểu -5', reasonEn: 'too small: at least -5' });
    expect(one({ name: 'abcdef' })).toEqual({ field: 'body.name', reason: 'quá dài: tối đa 5 ký tự', reasonEn: 'too long: at most 5 characters' });
    expect(one({ name: '' })).toEqual({ field: 'body.name', reason: 'không được để trống', reasonEn: 'must not be empty' });
    expect(one({ code: 'ab' })).toEqual({ field: 'body.code', reason: 'quá ngắn: tối thiểu 3 ký tự', reasonEn: 'too short: at least 3 characters' });
    expect(one({ tags: [] })).toEqual({ field: 'body.tags', reason: 'cần ít nhất một phần tử', reasonEn: 'needs at least one item' });
    expect(one({ tags: ['a', 'b', 'c'] })).toEqual({ field: 'body.tags', reason: 'quá dài: tối đa 2 phần tử', reasonEn: 'too long: at most 2 items' });
    expect(errorsOf(z.object({ n: z.number().gt(0) }), { n: 0 })[0]).toMatchObject({ reason: 'phải lớn hơn 0', reasonEn: 'must be greater than 0' });
    expect(errorsOf(z.object({ n: z.number().lt(10) }), { n: 10 })[0]).toMatchObject({ reason: 'phải nhỏ hơn 10', reasonEn: 'must be less than 10' });
  });

  it('invalid_value, invalid_format, not_multiple_of, unrecognized_keys, invalid_union and custom', () => {
    expect(one({ kind: 'avg' })).toEqual({ field: 'body.kind', reason: 'giá trị không được chấp nhận; chọn một trong: "sum", "ratio"', reasonEn: 'not an accepted value; one of: "sum", "ratio"' });
    expect(one({ email: 'x' })).toEqual({ field: 'body.email', reason: 'sai định dạng: cần địa chỉ email', reasonEn: 'invalid format: expected an e-mail address' });
    expect(one({ step: 7 })).toEqual({ field: 'body.step', reason: 'phải là bội số của 5', reasonEn: 'must be a multiple of 5' });
    expect(errorsOf(schema, { ...valid, extra: 1, passwordHash: 'x' })).toEqual([
      { field: 'body.extra', reason: 'trường không được phép', reasonEn: 'unknown property' },
      { field: 'body.passwordHash', reason: 'trường không được phép', reasonEn: 'unknown property' },
    ]);
    // Without a prefix (a pipe on the whole body), an empty or odd key is still named: "" and ?.
    const strict = z.object({ text: z.string() }).strict();
    const r = strict.safeParse({ text: 'x', '': 1, ']': true });
    expect(r.success).toBe(false);
    expect(toFieldErrors(r.error!).map((e) => e.field)).toEqual(['""', '?']);
    expect(errorsOf(z.object({ v: z.union([z.number(), z.boolean()]) }), { v: 'x' })[0]).toMatchObject({ reason: 'không khớp với dạng nào được chấp nhận', reasonEn: 'matches none of the accepted shapes' });
    expect(errorsOf(z.object({ v: z.string().regex(/^a/) }), { v: 'b' })[0]).toMatchObject({ reason: 'sai định dạng', reasonEn: 'does not have the expected format' });
    expect(errorsOf(z.object({ v: z.number().refine((n) => n > 1) }), { v: 0 })[0]).toMatchObject({ reason: 'không hợp lệ', reasonEn: 'is not valid' });
  });

  it("a contract's own message is answered as reasonEn, with its Vietnamese as reason (no half-English)", () => {
    expect(one({ period: '2024H1' })).toEqual({
      field: 'body.period',
      reason: 'phải là mã kỳ báo cáo như 2024, 2024S1, 2024Q2 hoặc 202406',
      reasonEn: 'must be a period such as 2024, 2024S1, 2024Q2 or 202406',
    });
  });

  it('report values: a value that is not a number, and a value too big', () => {
    expect(errorsOf(putReportValuesSchema, { values: [{ indicator: 'HOI_VIEN', value: 1 }], version: 'x' })).toEqual([
      { field: 'body.version', reason: 'sai kiểu dữ liệu: cần số, nhận chuỗi ký tự', reasonEn: 'wrong type: expected a number, got a string' },
    ]);
    const big = errorsOf(z.object({ value: z.number().max(1e15) }), { value: 1e16 })[0]!;
    expectVietnamese(big.reason);
    expect(big.reasonEn).not.toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễđ]/);
  });

  it('every message a contract schema gives its checks has its Vietnamese', () => {
    // The quoted message after a check (regex, refine, min, max, …) or in `message:` — in every contract source file.
    const root = join(__dirname, '..', '..', '..', '..', '..', 'packages', 'contracts', 'src');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('.spec.ts')) files.push(p);
      }
    };
    walk(root);
    const found = new Set<string>();
    const patterns = [/\.(?:regex|refine|min|max|length|gt|lt|gte|lte)\((?:[^'()]|\([^()]*\))*,\s*'([^']+)'\s*\)/g, /message:\s*'([^']+)'/g];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.add(m[1]!);
    }
    expect(found.size).toBeGreaterThan(10);
    expect([...found].filter((m) => !CONTRACT_MESSAGES_VI[m])).toEqual([]);
    for (const vi of Object.values(CONTRACT_MESSAGES_VI)) expectVietnamese(vi);
  });
});
