import type { z } from 'zod';
import type { FieldError } from '@sen/contracts';
import { formatNumberEn, formatNumberVi } from '@sen/indicators';
import { ValidationFailedError } from '../errors/domain-error';

/**
 * The Vietnamese of the English messages the contract schemas (@sen/contracts) give their checks: a check with its
 * own message answers that message as `reasonEn` and this as `reason`. zod.spec.ts fails when a contract has a
 * message missing here.
 */
export const CONTRACT_MESSAGES_VI: Readonly<Record<string, string>> = {
  'doneOn is only for status done': 'chỉ ghi ngày hoàn thành khi trạng thái là đã hoàn thành',
  'must be a period such as 2024, 2024S1, 2024Q2 or 202406': 'phải là mã kỳ báo cáo như 2024, 2024S1, 2024Q2 hoặc 202406',
  'must be a positive whole-number id': 'phải là mã số nguyên dương',
  'must be 2–16 letters or digits, e.g. HN': 'phải gồm 2–16 chữ cái hoặc chữ số, ví dụ HN',
  'must be a date YYYY-MM-DD': 'phải là ngày dạng YYYY-MM-DD',
  'must be a real date between 1900-01-01 and 2200-12-31': 'phải là một ngày có thật, từ 01/01/1900 đến 31/12/2200',
  'must be a day and month DD/MM, e.g. 13/06': 'phải là ngày và tháng dạng DD/MM, ví dụ 13/06',
  'from must not be after to': 'ngày bắt đầu (from) không được sau ngày kết thúc (to)',
  'must be UPPER_SNAKE_CASE, e.g. CLB_KHOI_NGHIEP': 'phải viết HOA, nối bằng gạch dưới, ví dụ CLB_KHOI_NGHIEP',
  'must be a level code such as grassroots': 'phải là mã cấp, ví dụ grassroots',
  'must be a phone number such as 0912 345 678 or +84 24 3825 1234': 'phải là số điện thoại, ví dụ 0912 345 678 hoặc +84 24 3825 1234',
  'nothing to change: give name, code, parentId or a contact field': 'không có gì để thay đổi: cần name, code, parentId hoặc một trường liên hệ',
  'must be 2–64 lower-case letters, digits, dot, dash or underscore': 'phải gồm 2–64 chữ thường, chữ số, dấu chấm, gạch ngang hoặc gạch dưới',
  'level codes must be unique': 'mã các cấp không được trùng nhau',
  'must be 2–32 upper-case letters, digits, "-" or "_", e.g. HN-QUY': 'phải gồm 2–32 chữ HOA, chữ số, "-" hoặc "_", ví dụ HN-QUY',
  'must be at least 10 characters': 'phải có ít nhất 10 ký tự',
};

/** zod's own English messages start so; anything else is a message the schema gave its check. */
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized key)/;

/** The kinds of value zod expects or meets, named for users. */
const TYPE_NAMES: Record<string, [vi: string, en: string]> = {
  string: ['chuỗi ký tự', 'a string'],
  number: ['số', 'a number'],
  int: ['số nguyên', 'a whole number'],
  bigint: ['số nguyên', 'a whole number'],
  boolean: ['true hoặc false', 'true or false'],
  array: ['danh sách (mảng JSON)', 'a list (JSON array)'],
  tuple: ['danh sách (mảng JSON)', 'a list (JSON array)'],
  object: ['đối tượng JSON', 'a JSON object'],
  record: ['đối tượng JSON', 'a JSON object'],
  map: ['đối tượng JSON', 'a JSON object'],
  date: ['ngày', 'a date'],
  null: ['null', 'null'],
  nan: ['NaN', 'NaN'],
};
const typeName = (t: string, lang: 0 | 1): string => TYPE_NAMES[t]?.[lang] ?? t;

/** What the client actually sent, as a type name of TYPE_NAMES. */
function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'nan';
  return typeof v;
}

/** The value at `path` in the parsed input, and whether the key is there at all (missing ≠ wrong type). */
function at(input: unknown, path: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) return { present: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { present: current !== undefined, value: current };
}

const num = (n: number | bigint, lang: 0 | 1): string => (typeof n === 'bigint' ? n.toString() : lang === 0 ? formatNumberVi(n, 4) : formatNumberEn(n, 4));

/** How much of what: "5 ký tự", "3 phần tử", "1.000". */
function amount(origin: string, n: number | bigint, lang: 0 | 1): string {
  const units: Record<string, [string, string]> = { string: ['ký tự', 'characters'], array: ['phần tử', 'items'], set: ['phần tử', 'items'], file: ['byte', 'bytes'] };
  const unit = units[origin]?.[lang];
  return unit ? `${num(n, lang)} ${unit}` : num(n, lang);
}

/** The reason of one issue in Vietnamese (lang 0) or English (lang 1), from its shape and the input. */
function describe(issue: z.core.$ZodIssue, input: { present: boolean; value: unknown }, lang: 0 | 1): string {
  const [vi, en] = [lang === 0, lang === 1];
  switch (issue.code) {
    case 'invalid_type':
      if (!input.present) return vi ? 'bắt buộc phải có' : 'is required';
      return vi
        ? `sai kiểu dữ liệu: cần ${typeName(issue.expected, 0)}, nhận ${typeName(typeOf(input.value), 0)}`
        : `wrong type: expected ${typeName(issue.expected, 1)}, got ${typeName(typeOf(input.value), 1)}`;
    case 'too_small': {
      const min = amount(issue.origin, issue.minimum, lang);
      const sized = ['string', 'array', 'set', 'file'].includes(issue.origin);
      if (issue.origin === 'string' && Number(issue.minimum) === 1 && issue.inclusive !== false) return vi ? 'không được để trống' : 'must not be empty';
      if (issue.origin === 'array' && Number(issue.minimum) === 1 && issue.inclusive !== false) return vi ? 'cần ít nhất một phần tử' : 'needs at least one item';
      if (issue.exact) return vi ? `phải có đúng ${min}` : `must have exactly ${min}`;
      if (issue.inclusive === false) return vi ? `phải lớn hơn ${min}` : `must be greater than ${min}`;
      if (sized) return vi ? `quá ngắn: tối thiểu ${min}` : `too short: at least ${min}`;
      return vi ? `quá nhỏ: tối thiểu ${min}` : `too small: at least ${min}`;
    }
    case 'too_big': {
      const max = amount(issue.origin, issue.maximum, lang);
      const sized = ['string', 'array', 'set', 'file'].includes(issue.origin);
      if (issue.exact) return vi ? `phải có đúng ${max}` : `must have exactly ${max}`;
      if (issue.inclusive === false) return vi ? `phải nhỏ hơn ${max}` : `must be less than ${max}`;
      if (sized) return vi ? `quá dài: tối đa ${max}` : `too long: at most ${max}`;
      return vi ? `quá lớn: tối đa ${max}` : `too big: at most ${max}`;
    }
    case 'invalid_format': {
      const formats: Record<string, [string, string]> = {
        email: ['địa chỉ email', 'an e-mail address'],
        url: ['địa chỉ URL', 'a URL'],
        uuid: ['mã UUID', 'a UUID'],
        date: ['ngày dạng YYYY-MM-DD', 'a date YYYY-MM-DD'],
        datetime: ['thời điểm ISO 8601', 'an ISO 8601 date-time'],
        time: ['giờ dạng HH:MM', 'a time HH:MM'],
      };
      const f = formats[issue.format];
      if (f) return vi ? `sai định dạng: cần ${f[0]}` : `invalid format: expected ${f[1]}`;
      return vi ? 'sai định dạng' : 'does not have the expected format';
    }
    case 'invalid_value': {
      const list = issue.values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ');
      if (issue.values.length === 1) return vi ? `phải là ${list}` : `must be ${list}`;
      return vi ? `giá trị không được chấp nhận; chọn một trong: ${list}` : `not an accepted value; one of: ${list}`;
    }
    case 'not_multiple_of':
      return vi ? `phải là bội số của ${num(issue.divisor, 0)}` : `must be a multiple of ${num(issue.divisor, 1)}`;
    case 'unrecognized_keys':
      return vi ? 'trường không được phép' : 'unknown property';
    case 'invalid_union':
      return vi ? 'không khớp với dạng nào được chấp nhận' : 'matches none of the accepted shapes';
    case 'invalid_key':
      return vi ? 'tên khoá không hợp lệ' : 'invalid key';
    case 'invalid_element':
      return vi ? 'phần tử không hợp lệ' : 'invalid element';
    case 'custom':
    default:
      return en ? 'is not valid' : 'không hợp lệ';
  }
}

/**
 * A path segment as it is echoed back: keys come from the client, so only letters, digits, _ $ - are kept (others
 * become ?) and at most 64 characters (a 300 kB key is not sent back, nor anything that reads like code or a file path).
 */
function safeSegment(segment: PropertyKey): string {
  const text = String(segment);
  // A key may be the empty string ({"": 1}); it is still named, as "" — an error always says which field.
  if (text === '') return '""';
  const clean = text.replace(/[^\p{L}\p{N}_$-]/gu, '?').slice(0, 64);
  return clean.length < text.length ? `${clean}…` : clean;
}

/**
 * Each issue as a field error: the field (prefix + path), why in Vietnamese (`reason`) and in English (`reasonEn`).
 * `input` is what was parsed: it tells a missing field from one of the wrong type (zod 4 issues carry no input).
 * A check that gives its own (English) message answers it, with its Vietnamese from CONTRACT_MESSAGES_VI.
 */
export function toFieldErrors(error: z.ZodError, prefix?: string, input?: unknown): FieldError[] {
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
    const value = at(input, issue.path);
    const own = issue.message && !ZOD_DEFAULT.test(issue.message) ? issue.message : null;
    return [{ field, reason: (own && CONTRACT_MESSAGES_VI[own]) || describe(issue, value, 0), reasonEn: own ?? describe(issue, value, 1) }];
  });
}

/** Parses `input` with `schema`, or throws a 400 that names each wrong field (prefix: body, query, params). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationFailedError(toFieldErrors(result.error, prefix, input));
  return result.data;
}
