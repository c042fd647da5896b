/**
 * Targets (chỉ tiêu): the items of CHỈ TIÊU sections, and numeric targets stated elsewhere ("Hằng năm, phát
 * triển khoảng 2.500 hội viên", "giúp 1.000 hộ nghèo/hộ cận nghèo thoát nghèo", "mỗi cơ sở Hội … ít nhất 01 …").
 *
 * To recognise another unit of measure, add it to UNIT_LEXICON; another comparator phrase, to COMPARATORS.
 */
import type { Comparator, PeriodKind, Target, TargetAggregation, UnitLevel } from '../model/types';
import { capitalizeFirst, foldVietnamese, parseVietnameseNumber } from '../text/vietnamese';
import { levelsIn } from './units';

/** Units of measure: [as written (lower case), unit reported]. Longest phrases are tried first. */
export const UNIT_LEXICON: readonly (readonly [string, string])[] = [
  ['hội viên', 'hội viên'],
  ['mô hình', 'mô hình'],
  ['chi hội', 'chi hội'],
  ['cơ sở hội', 'cơ sở Hội'],
  ['hộ nghèo', 'hộ'],
  ['hộ cận nghèo', 'hộ'],
  ['hộ gia đình', 'hộ'],
  ['hộ', 'hộ'],
  ['phụ nữ', 'phụ nữ'],
  ['người', 'người'],
  ['lượt người', 'lượt người'],
  ['lượt', 'lượt'],
  ['chương trình', 'chương trình'],
  ['sự kiện', 'sự kiện'],
  ['hoạt động', 'hoạt động'],
  ['lớp tập huấn', 'lớp'],
  ['lớp', 'lớp'],
  ['cuộc', 'cuộc'],
  ['đoàn', 'đoàn'],
  ['chính sách', 'chính sách'],
  ['dự thảo', 'dự thảo'],
  ['văn bản', 'văn bản'],
  ['doanh nghiệp', 'doanh nghiệp'],
  ['hợp tác xã', 'hợp tác xã'],
  ['tổ hợp tác', 'tổ hợp tác'],
  ['tổ dân phố', 'tổ dân phố'],
  ['tổ', 'tổ'],
  ['nhóm', 'nhóm'],
  ['câu lạc bộ', 'câu lạc bộ'],
  ['clb', 'câu lạc bộ'],
  ['đại biểu', 'đại biểu'],
  ['cán bộ', 'cán bộ'],
  ['hội nghị', 'hội nghị'],
  ['hội thảo', 'hội thảo'],
  ['tọa đàm', 'tọa đàm'],
  ['toạ đàm', 'tọa đàm'],
  ['tin bài', 'tin bài'],
  ['bài', 'bài'],
  ['sản phẩm', 'sản phẩm'],
  ['công trình', 'công trình'],
  ['phần việc', 'phần việc'],
  ['trẻ em', 'trẻ em'],
  ['học sinh', 'học sinh'],
  ['suất', 'suất'],
  ['triệu đồng', 'triệu đồng'],
  ['tỷ đồng', 'tỷ đồng'],
  ['đồng', 'đồng'],
  ['loại hình', 'loại hình'],
  ['chuyên đề', 'chuyên đề'],
  ['gia đình', 'gia đình'],
  ['điểm', 'điểm'],
  ['phóng sự', 'phóng sự'],
  ['ấn phẩm', 'ấn phẩm'],
  ['ý kiến', 'ý kiến'],
  ['vụ việc', 'vụ việc'],
  ['vụ', 'vụ'],
  ['thành viên', 'thành viên'],
  ['xã', 'xã'],
  ['phường', 'phường'],
  ['huyện', 'huyện'],
  ['quận', 'quận'],
  ['tỉnh', 'tỉnh'],
  ['thôn', 'thôn'],
  ['địa phương', 'địa phương'],
];
const LEXICON = UNIT_LEXICON.map(([w, unit]) => ({ words: foldVietnamese(w).split(' '), unit })).sort((a, b) => b.words.length - a.words.length);

/** Places: counted in scope phrases ("tại 18 xã của 5 huyện"), not targets on their own. */
const PLACE_UNITS = new Set(['xã', 'phường', 'huyện', 'quận', 'tỉnh', 'thôn', 'địa phương']);
/** Time units: "01 năm", "tổ chức 01 ngày", "01 buổi" are durations. */
const TIME_UNITS = new Set(['nam', 'thang', 'ngay', 'tuan', 'gio', 'phut', 'buoi', 'quy', 'tuoi']);
/**
 * Activity-like units: at province level a count of them is a count of the plan's activities ("Cấp Thành
 * phố tổ chức 3 chương trình, sự kiện"). Policies monitored and drafts commented on are outputs counted by
 * indicators, not activities.
 */
const ACTIVITY_UNITS = new Set(['chương trình', 'sự kiện', 'hoạt động', 'lớp', 'cuộc', 'đoàn', 'hội nghị', 'hội thảo', 'tọa đàm']);

/** Words right before a number that make it a name or a date, not a quantity ("Đề án 938", "năm 2024"). */
const PRE_EXCLUDE_ONE = new Set(['so', 'nam', 'thang', 'quy', 'ngay', 'khoa', 'dieu', 'khoan', 'muc', 'phan', 'dot', 'lan', 'thu', 'tuoi', 'ky']);
const PRE_EXCLUDE_TWO = new Set([
  'giai doan',
  'nhiem ky',
  'de an',
  'du an',
  'chuong trinh',
  'quyet dinh',
  'nghi quyet',
  'chi thi',
  'nghi dinh',
  'ke hoach',
  'thong bao',
  'quy dinh',
  'nhiem vu',
  'chuyen de',
  'lan thu',
  'van ban',
  'cong van',
  'huong dan',
]);

/** Comparator phrases right before the number (folded). "dưới" marks a threshold, not a target. */
const COMPARATORS: readonly [RegExp, Comparator | 'lt'][] = [
  [/(?<![\p{L}])(?:tren duoi|hon kem|khoang|xap xi|gan|chung|uoc)\s*$/u, 'approx'],
  [/(?<![\p{L}])(?:it nhat|toi thieu|khong duoi|khong it hon)\s*$/u, 'gte'],
  [/(?<![\p{L}])(?:toi da|khong qua|khong vuot qua|khong hon)\s*$/u, 'lte'],
  [/(?<![\p{L}])(?:tren|hon|vuot|cao hon|nhieu hon)\s*$/u, 'gt'],
  [/(?<![\p{L}])(?:duoi|it hon|thap hon)\s*$/u, 'lt'],
  [/(?<![\p{L}])(?:dat|bang|dung)\s*$/u, 'eq'],
];

export interface Quantity {
  start: number;
  end: number;
  value: number;
  percent: boolean;
  unit: string | null;
  /** Unit phrase end (for a percentage: the "%"). */
  unitEnd: number;
  comparator: Comparator | null;
  threshold: boolean;
  excluded: boolean;
  place: boolean;
}

const NUMBER = /(?<![\p{L}\d/.,-])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d/]|[.,]\d|\s*[-–]\s*\d)(\s*%)?/gu;

/** True when position `at` lies inside a quotation (“…” or "…"). */
export function insideQuotes(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const curly = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  const straight = (before.match(/"/g) ?? []).length;
  return curly > 0 || straight % 2 === 1;
}

function wordsBefore(text: string, at: number, n: number): string[] {
  const words = foldVietnamese(text.slice(Math.max(0, at - 60), at)).match(/[\p{L}\d]+/gu) ?? [];
  return words.slice(-n);
}

function matchUnit(text: string, from: number): { unit: string; end: number; folded: string } | null {
  const after = text.slice(from, from + 80);
  const re = /[\p{L}]+/gu;
  const words: { w: string; end: number; sepBefore: string }[] = [];
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(after)) !== null && words.length < 4) {
    const sep = after.slice(last, m.index);
    if (words.length === 0 && !/^\s*$/.test(sep)) break;
    if (words.length > 0 && !/^\s+$/.test(sep)) break;
    words.push({ w: foldVietnamese(m[0]), end: m.index + m[0].length, sepBefore: sep });
    last = m.index + m[0].length;
  }
  if (words.length === 0) return null;
  for (const entry of LEXICON) {
    if (entry.words.length > words.length) continue;
    if (entry.words.every((w, i) => words[i]?.w === w)) {
      const endWord = words[entry.words.length - 1];
      return { unit: entry.unit, end: from + (endWord?.end ?? 0), folded: entry.words.join(' ') };
    }
  }
  const first = words[0];
  return first ? { unit: '', end: from + first.end, folded: first.w } : null;
}

/** Every quantity in a text with its unit and comparator. */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(text)) !== null) {
    const raw = m[1] ?? '';
    const value = parseVietnameseNumber(raw);
    if (value === null) continue;
    const start = m.index;
    const numberEnd = start + raw.length;
    const percent = m[2] !== undefined;
    const end = start + m[0].length;
    const before = wordsBefore(text, start, 2);
    const prefix = foldVietnamese(text.slice(Math.max(0, start - 30), start));
    let excluded = false;
    const one = before[before.length - 1] ?? '';
    const two = before.slice(-2).join(' ');
    if ((PRE_EXCLUDE_ONE.has(one) && !(percent && one === 'muc')) || PRE_EXCLUDE_TWO.has(two)) excluded = true;
    if (text[start - 1] === '(' && text[numberEnd] === ')') excluded = true;
    if (insideQuotes(text, start)) excluded = true;
    if (!percent && !raw.includes('.') && value >= 1900 && value <= 2100) excluded = true;
    let comparator: Comparator | null = null;
    let threshold = false;
    for (const [re, c] of COMPARATORS) {
      if (re.test(prefix)) {
        if (c === 'lt') threshold = true;
        else comparator = c === 'eq' ? null : c;
        break;
      }
    }
    let unit: string | null = null;
    let unitEnd = end;
    let place = false;
    if (percent) {
      unit = '%';
    } else {
      const u = matchUnit(text, numberEnd);
      if (u) {
        if (TIME_UNITS.has(u.folded.split(' ')[0] ?? '')) excluded = true;
        unit = u.unit || null;
        unitEnd = u.end;
        if (unit && PLACE_UNITS.has(unit)) place = true;
        if (!unit) unit = null;
      }
      const after = foldVietnamese(text.slice(unitEnd, unitEnd + 40));
      if (/^[^.;]{0,25}tro len/u.test(after) && comparator === null) comparator = 'gte';
    }
    out.push({ start, end, value, percent, unit, unitEnd, comparator, threshold, excluded, place });
  }
  return out;
}

/** First words of a fallback unit (when the lexicon does not know it). */
function fallbackUnit(text: string, from: number): string | null {
  const m = /^\s*([\p{L}]+)/u.exec(text.slice(from));
  return m && m[1] ? m[1].toLocaleLowerCase('vi') : null;
}

function periodOf(text: string): PeriodKind | null {
  const f = foldVietnamese(text);
  if (/(?:hang|moi) nam/u.test(f)) return 'year';
  if (/(?:hang|moi) quy/u.test(f)) return 'quarter';
  if (/(?:hang|moi) thang/u.test(f)) return 'month';
  return null;
}

function aggregationOf(unit: string | null, level: UnitLevel | null, percent: boolean): TargetAggregation {
  if (percent) return 'ratio';
  if (level && level !== 'province') return 'perUnitMinimum';
  if (level === 'province' && unit && ACTIVITY_UNITS.has(unit)) return 'activityCount';
  return 'total';
}

/** The percentage's subject: "90% cán bộ, hội viên phụ nữ được …" → "cán bộ, hội viên phụ nữ". */
function subjectAfter(text: string, from: number): string | null {
  const rest = text.slice(from).replace(/^\s+/, '');
  const words = rest.split(/\s+/).slice(0, 10).join(' ');
  const cut = words.split(/\s+(?:được|tham gia|có|đạt|triển khai|thực hiện|giám sát|về|trong|đối với)\s|[;.:(]/u)[0] ?? '';
  const s = cut.replace(/[,\s]+$/u, '').trim();
  return s.length > 0 ? s : null;
}

/** Quoted names are not levels: "Chương trình “Hướng về Chi hội …”". */
function unquoted(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/gu, (m) => ' '.repeat(m.length));
}

function buildTarget(text: string, q: Quantity, clause: string, clauseOffset: number, label: string | null, section: string | null): Target {
  let levels: UnitLevel[];
  if (q.percent) {
    const after = clause.slice(q.end - clauseOffset).split(/\s+/).slice(0, 9).join(' ');
    levels = levelsIn(unquoted(after));
  } else {
    levels = levelsIn(unquoted(clause.slice(0, Math.max(0, q.start - clauseOffset))));
    if (levels.length === 0 && label) levels = levelsIn(unquoted(label));
  }
  const level = levels[0] ?? null;
  const unit = q.unit ?? fallbackUnit(text, q.end);
  const target: Target = {
    text: clause.trim().replace(/[;,]$/u, ''),
    value: q.value,
    unit,
    comparator: q.comparator,
    level,
    levels,
    aggregation: aggregationOf(unit, level, q.percent),
    period: periodOf(clause),
    subject: q.percent ? subjectAfter(text, q.end) : null,
    section,
  };
  return target;
}

/** Splits an item into clauses (";" and sentence ends), with offsets. */
function clauses(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /;\s*|(?<=[.!?])\s+(?=\p{Lu})|:\s+(?=\p{Lu})/gu;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // A colon ends a clause only after a long introduction ("…, giai đoạn 2022-2026: Sơ kết …"), not a label.
    if (m[0].startsWith(':') && text.slice(last, m.index).trim().split(/\s+/).length <= 8) continue;
    out.push({ text: text.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  out.push({ text: text.slice(last), start: last });
  return out.filter((c) => c.text.trim().length > 0);
}

/** The leading "Hội LHPN thành phố:" label of an item, if any. */
function itemLabel(text: string): string | null {
  const m = /^([^:;.]{3,60}):\s/u.exec(text);
  return m && m[1] ? m[1] : null;
}

/** Masks spans (document references) with spaces so their numbers are not read as quantities. */
export function maskSpans(text: string, spans: { start: number; end: number }[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

/** A target from an item of a CHỈ TIÊU section: the first quantity is the target's value. */
export function targetFromItem(item: string, section: string | null, mask: (t: string) => string = (t) => t): Target {
  const masked = mask(item);
  const qs = findQuantities(masked).filter((q) => !q.excluded && !q.threshold);
  const q = qs[0];
  if (!q) {
    return { text: item, value: null, unit: null, comparator: null, level: levelsIn(item)[0] ?? null, levels: levelsIn(item), aggregation: 'total', period: periodOf(item), subject: null, section };
  }
  const t = buildTarget(masked, q, masked, 0, itemLabel(item), section);
  t.text = item;
  return t;
}

export interface ScanResult {
  targets: Target[];
  /** Quantities with a strong target cue that were not made targets (for warnings). */
  candidates: string[];
  thresholds: string[];
}

/** Numeric targets stated in free text: quantities with a known unit of measure (or a percentage). */
export function scanTargets(item: string, section: string | null, mask: (t: string) => string = (t) => t): ScanResult {
  const result: ScanResult = { targets: [], candidates: [], thresholds: [] };
  const masked = mask(item);
  const label = itemLabel(item);
  for (const clause of clauses(masked)) {
    const qs = findQuantities(clause.text);
    let previousEnd = -1;
    for (const q of qs) {
      if (q.threshold && !q.excluded) {
        result.thresholds.push(item.slice(clause.start, clause.start + clause.text.length).trim());
        continue;
      }
      if (q.excluded || q.place || (!q.percent && q.unit === null)) continue;
      if (previousEnd >= 0) {
        const between = clause.text.slice(previousEnd, q.start);
        if (!/[,;]|\svà\s/u.test(between) && between.trim().split(/\s+/).length <= 2) continue;
      }
      previousEnd = q.unitEnd;
      const original = item.slice(clause.start, clause.start + clause.text.length);
      const shifted: Quantity = { ...q, start: q.start + clause.start, end: q.end + clause.start, unitEnd: q.unitEnd + clause.start };
      const t = buildTarget(masked, shifted, original, clause.start, label, section);
      t.text = capitalizeFirst(t.text);
      result.targets.push(t);
    }
  }
  return result;
}

/** Strong target cue: a comparator or a percentage. */
export function hasStrongCue(t: Target): boolean {
  return t.comparator === 'gte' || t.comparator === 'gt' || t.comparator === 'approx' || t.unit === '%';
}
