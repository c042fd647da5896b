/**
 * Pure helpers between a plan's content (the ImportedPlan structure) and the columns and rows derived from it.
 */
import { foldVietnamese, type FieldError, type PlanContent } from '@sen/contracts';
import { levelsIn, normalizeDocumentSymbol, parseDocumentSymbol } from '@sen/plans';
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

/** The calendar rows of a plan's activities. */
export function activityRows(content: PlanContent, level: string | null): ActivityRow[] {
  return content.activities.map((a, idx) => ({
    idx,
    name: a.name.slice(0, 1000),
    timeText: a.time.text ? a.time.text.slice(0, 255) : null,
    dateFrom: a.time.from,
    dateTo: a.time.to ?? a.time.from,
    level,
    leadUnits: a.leadUnits,
    cooperating: a.cooperatingUnits,
  }));
}

const SUBORDINATE_LEVELS = new Set(['district', 'grassroots', 'branch', 'group']);

/**
 * Does an obligation's reporter ("Hội LHPN các quận, huyện, thị xã") name the subordinate unions (every
 * child union then reports), rather than the issuing unit or one of its departments?
 */
export function targetsSubordinateUnions(reporter: string | null | undefined): boolean {
  if (!reporter) return false;
  if (levelsIn(reporter).some((l) => SUBORDINATE_LEVELS.has(l))) return true;
  return /\b(cac cap hoi|cap co so|hoi lhpn cac|cac co so hoi|hoi phu nu cac)\b/.test(foldVietnamese(reporter));
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
