/**
 * Pure helpers between a plan's content (the ImportedPlan structure) and the columns and rows derived from it.
 */
import { foldVietnamese, type FieldError, type PlanContent, type PlanPeriodKind } from '@sen/contracts';
import { makePeriodId } from '@sen/indicators';
import { normalizeDocumentSymbol, parseDocumentSymbol } from '@sen/plans';
import type { ActivityRow } from './plan.repository';

export interface PlanColumns {
  number: number | null;
  symbol: string | null;
  kind: string;
  issuingBody: string;
  year: number;
  title: string;
  titleFolded: string;
  programme: string | null;
  programmeFolded: string | null;
  issuedOn: string | null;
}

export const DEFAULT_ISSUING_BODY = 'BTV';

/** The year a plan is for: the last "năm 2024" of its title, else the year of its date, else this year. */
export function planYear(content: Pick<PlanContent, 'title' | 'issuedOn'>, today = new Date()): number {
  const years = [...content.title.matchAll(/năm\s+(\d{4})/giu)].map((m) => Number(m[1])).filter((y) => y >= 1900 && y <= 2200);
  if (years.length > 0) return years[years.length - 1]!;
  if (content.issuedOn) return Number(content.issuedOn.slice(0, 4));
  return today.getUTCFullYear();
}

/**
 * The columns of a plan from its content. A number and symbol must be well formed ("31/KH-BTV"); the
 * content's `number` is normalised ("31 /KH - BTV" → "31/KH-BTV"). Field errors name `plan.number`.
 */
export function planColumns(content: PlanContent, errors: FieldError[], year?: number): PlanColumns {
  let number: number | null = null;
  let symbol: string | null = null;
  let kind: string = content.kind ?? 'KH';
  let issuingBody = DEFAULT_ISSUING_BODY;
  if (content.number !== null && content.number.trim() !== '') {
    const parsed = parseDocumentSymbol(content.number);
    if (!parsed || parsed.style !== 'state' || !parsed.body) {
      errors.push({
        field: 'plan.number',
        reason: `số, ký hiệu "${content.number}" không đúng dạng (ví dụ 31/KH-BTV)`,
        reasonEn: `"${content.number}" is not a document number and symbol such as 31/KH-BTV`,
      });
    } else {
      number = parsed.number;
      symbol = normalizeDocumentSymbol(content.number);
      kind = parsed.kind ?? kind;
      issuingBody = parsed.body.slice(0, 32);
    }
  }
  const title = content.title.trim();
  return {
    number,
    symbol,
    kind: kind.slice(0, 8),
    issuingBody,
    year: year ?? planYear(content),
    title: title.slice(0, 1000),
    titleFolded: foldVietnamese(`${title} ${symbol ?? ''}`).slice(0, 1100),
    programme: content.programme ? content.programme.slice(0, 500) : null,
    programmeFolded: content.programme ? foldVietnamese(content.programme).slice(0, 500) : null,
    issuedOn: content.issuedOn,
  };
}

/** Content with its number normalised ("31 /KH - BTV" → "31/KH-BTV") and an empty number as null. */
export function normaliseContent(content: PlanContent): PlanContent {
  const raw = content.number?.trim() ?? '';
  return { ...content, number: raw === '' ? null : parseDocumentSymbol(raw) ? normalizeDocumentSymbol(raw) : raw };
}

/**
 * The calendar rows of a plan's activities. The level is the activity's own (the importer reads "Cấp Thành
 * phố tổ chức …" as province) when it has one, else the level of the plan's unit. A status written in the
 * content is where a row starts; statuses recorded on an issued plan are carried by replaceActivities.
 */
export function activityRows(content: PlanContent, unitLevel: string | null): ActivityRow[] {
  return content.activities.map((a, idx) => ({
    idx,
    name: a.name.slice(0, 1000),
    timeText: a.time.text ? a.time.text.slice(0, 255) : null,
    dateFrom: a.time.from,
    dateTo: a.time.to ?? a.time.from,
    level: a.level ?? unitLevel,
    leadUnits: a.leadUnits,
    cooperating: a.cooperatingUnits,
    status: a.status ?? 'planned',
  }));
}

/** What identifies an activity across versions of a plan: its name (folded, spaces squeezed) and first day. */
export function activityKey(a: { name: string; dateFrom: string | null }): string {
  return `${foldVietnamese(a.name).replace(/\s+/g, ' ').trim()}|${a.dateFrom ?? ''}`;
}

/** Who an obligation binds, read from the words of its reporter ("Hội LHPN các huyện, thị xã"). */
export interface ObligatedUnits {
  /** Unions of these levels below the plan's unit. */
  levels: string[];
  /**
   * Per level, the kinds of place the text names when it names some and not others ("các huyện, thị xã":
   * district → huyện, thị xã — the urban quận are not bound). A level absent here is not narrowed.
   */
  places: Record<string, string[]>;
  /** "đơn vị trực thuộc", "tổ chức thành viên": the affiliates below the plan's unit. */
  affiliates: boolean;
  /** "các cấp Hội", "Hội LHPN các …" without a level: the child unions of the plan's unit. */
  childUnions: boolean;
}

/** Words of a reporter other than kinds of place → what they bind. */
const REPORTER_WORDS: readonly [RegExp, (o: ObligatedUnits, named: Map<string, Set<string>>) => void][] = [
  [/^(?:cấp huyện)$/u, (_o, n) => generic(n, 'district')],
  [/^(?:cấp xã|cấp cơ sở|cơ sở)$/u, (_o, n) => generic(n, 'grassroots')],
  [/^chi hội$/u, (_o, n) => generic(n, 'branch')],
  [/^tổ phụ nữ$/u, (_o, n) => generic(n, 'group')],
  [/^(?:đơn vị trực thuộc|tổ chức thành viên)$/u, (o) => void (o.affiliates = true)],
  [/^(?:các cấp hội)$/u, (o) => void (o.childUnions = true)],
];
/** Every word that names who reports; longer phrases first ("thị xã" before "xã"). */
const REPORTER_RE =
  /(?<![\p{L}])(cấp huyện|cấp xã|cấp cơ sở|cơ sở|thị xã|thị trấn|thành phố|quận|huyện|phường|xã(?! hội)|chi hội(?! trưởng)|tổ phụ nữ|đơn vị trực thuộc|tổ chức thành viên|các cấp hội)(?![\p{L}])/gu;
/** The kinds of place of each level, as unit names start ("Hội LHPN huyện Đông Anh"). */
export const PLACE_KINDS: Readonly<Record<string, readonly string[]>> = {
  district: ['quận', 'huyện', 'thị xã'],
  grassroots: ['xã', 'phường', 'thị trấn'],
};
const GENERIC = '*';

function generic(named: Map<string, Set<string>>, level: string): void {
  const set = named.get(level) ?? new Set<string>();
  set.add(GENERIC);
  named.set(level, set);
}

const lower = (text: string): string => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');

/**
 * Reads an obligation's reporter: the levels it names (quận/huyện/thị xã → district; cơ sở/xã/phường →
 * grassroots; chi hội → branch), the kinds of place when only some are named, and the affiliates ("đơn vị
 * trực thuộc"). Null when it names none of them (a department, the issuing unit itself).
 */
export function obligatedUnitsOf(reporter: string | null | undefined): ObligatedUnits | null {
  if (!reporter) return null;
  const text = lower(reporter);
  const out: ObligatedUnits = { levels: [], places: {}, affiliates: false, childUnions: false };
  const named = new Map<string, Set<string>>();
  for (const m of text.matchAll(REPORTER_RE)) {
    const word = m[1]!;
    if (word === 'thành phố') continue; // the province itself ("Hội LHPN thành phố Hà Nội")
    const level = Object.entries(PLACE_KINDS).find(([, kinds]) => kinds.includes(word))?.[0];
    if (level) {
      const set = named.get(level) ?? new Set<string>();
      set.add(word);
      named.set(level, set);
      continue;
    }
    REPORTER_WORDS.find(([re]) => re.test(word))?.[1](out, named);
  }
  if (named.size === 0 && !out.affiliates && /(?<![\p{L}])hội (?:lhpn|liên hiệp phụ nữ|phụ nữ) các(?![\p{L}])/u.test(text)) out.childUnions = true;
  for (const [level, words] of named) {
    out.levels.push(level);
    if (words.has(GENERIC)) continue;
    const kinds = PLACE_KINDS[level] ?? [];
    // "xã" names the rural communes, of which thị trấn are the small towns: "phường, xã" is every commune.
    // "quận, huyện" is how the whole district level is named (thị xã included); "huyện, thị xã" without
    // "quận" leaves the urban districts out on purpose.
    const covered = new Set([...words, ...(words.has('xã') ? ['thị trấn'] : []), ...(words.has('quận') && words.has('huyện') ? ['thị xã'] : [])]);
    if (!kinds.every((k) => covered.has(k))) out.places[level] = kinds.filter((k) => covered.has(k));
  }
  if (out.levels.length === 0 && !out.affiliates && !out.childUnions) return null;
  return out;
}

/** The kind of place a unit's name says ("Hội LHPN thị xã Sơn Tây" → thị xã), or null. */
export function placeKindOf(name: string): string | null {
  const m = /(?<![\p{L}])(thị xã|thị trấn|thành phố|quận|huyện|phường|xã)(?![\p{L}])/u.exec(lower(name));
  return m ? m[1]! : null;
}

/** Does the unit fit the kinds of place the obligation names for its level? */
export function fitsPlaces(spec: ObligatedUnits, unit: { name: string; level: string; kind: string }): boolean {
  if (unit.kind !== 'union') return true;
  const places = spec.places[unit.level];
  if (!places) return true;
  const kind = placeKindOf(unit.name);
  return kind !== null && places.includes(kind);
}

const PERIOD_WORDS: Record<PlanPeriodKind, { vi: string; code: string; count: number }> = {
  month: { vi: 'tháng', code: 'T', count: 12 },
  quarter: { vi: 'quý', code: 'Q', count: 4 },
  half: { vi: '6 tháng', code: '6T', count: 2 },
  year: { vi: 'năm', code: 'NAM', count: 1 },
};

/** What a plan's report form is made of (the form of one reporting obligation). */
export interface PlanFormSpec {
  idx: number;
  code: string;
  name: string;
  periodKind: PlanPeriodKind;
  /** The rule of `reportDeadline` (reports module): the plan's "trước ngày 13/6", else the default of the kind. */
  deadlineRule: { day: number; month: number } | { daysAfterEnd: number };
  /** The periods of the plan's year it asks a report for ("2024S1", "2024"). */
  periods: string[];
}

/** The headings of a plan report's narrative (the usual parts of a "Báo cáo kết quả thực hiện Kế hoạch"). */
export { PLAN_REPORT_HEADINGS as PLAN_REPORT_SECTIONS } from '@sen/contracts';

/**
 * The report form of each reporting obligation of an issued plan, e.g. 13/KH-BTV of 2024, "báo cáo 6 tháng
 * (trước ngày 13/6)" → code "KH13-BTV-2024-6T", name "Báo cáo 6 tháng kết quả thực hiện Kế hoạch 13/KH-BTV: …",
 * periods ["2024S1"], rule {day 13, month 6}.
 *
 * - Periods: every period of the plan's year of the obligation's kind — but a 6-month report beside a
 *   yearly one is the report of the first six months only: the yearly report covers the rest (the union's
 *   reporting year closes before the calendar one, DOMAIN "Periods and deadlines").
 * - Deadline: the plan's ("13/06"); a plan that sets none gets the union's usual ones for half-year and
 *   yearly reports (13/6 and 30/10, as the national forms), and the end of the period for the others.
 */
export function planFormSpecs(
  plan: { symbol: string | null; kind: string; number: number | null; issuingBody: string; year: number; title: string },
  obligations: readonly { periodKind: PlanPeriodKind; deadline: string | null }[],
  defaults: Partial<Record<PlanPeriodKind, { day: number; month: number } | { daysAfterEnd: number }>>,
): PlanFormSpec[] {
  const hasYearly = obligations.some((o) => o.periodKind === 'year');
  const used = new Set<string>();
  const label = plan.symbol ?? `${plan.kind} ${plan.year}`;
  return obligations.map((o, idx) => {
    const words = PERIOD_WORDS[o.periodKind];
    let code = `${plan.kind}${plan.number ?? ''}-${plan.issuingBody.slice(0, 12)}-${plan.year}-${words.code}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'D')
      .replace(/[^A-Za-z0-9-]+/g, '');
    if (used.has(code)) code = `${code}-${idx + 1}`;
    used.add(code);
    const m = o.deadline ? /^(\d{2})\/(\d{2})$/.exec(o.deadline) : null;
    const deadlineRule = m ? { day: Number(m[1]), month: Number(m[2]) } : (defaults[o.periodKind] ?? { daysAfterEnd: 0 });
    const count = o.periodKind === 'half' && hasYearly ? 1 : words.count;
    const periods = Array.from({ length: count }, (_, i) => makePeriodId(o.periodKind, plan.year, i + 1));
    const name = `Báo cáo ${words.vi} kết quả thực hiện ${plan.kind === 'KH' ? 'Kế hoạch' : plan.kind} ${label}: ${plan.title}`;
    return { idx, code: code.slice(0, 32), name: name.length > 255 ? `${name.slice(0, 254)}…` : name, periodKind: o.periodKind, deadlineRule, periods };
  });
}

/** "31/KH-BTV" issued in 2024 → "KH-31-BTV-2024.docx"; a draft without number → "KH-du-thao-12.docx". */
export function exportFilename(p: { id: string; symbol: string | null; kind: string; issuedOn: string | null; year: number }): string {
  const parsed = p.symbol ? parseDocumentSymbol(p.symbol) : null;
  const year = p.issuedOn ? p.issuedOn.slice(0, 4) : String(p.year);
  const parts = parsed ? [parsed.kind ?? p.kind, String(parsed.number), parsed.body, year] : [p.kind, 'du-thao', p.id];
  return `${parts.filter(Boolean).join('-').replace(/[/\\\s"]+/g, '-')}.docx`;
}

/** `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266 / RFC 5987). */
export function contentDisposition(filename: string): string {
  const ascii =
    filename
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9._-]+/g, '-') || 'ke-hoach.docx';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
