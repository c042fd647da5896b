/**
 * Document numbers and symbols (số, ký hiệu) per Nghị định 30/2020/NĐ-CP: "31/KH-BTV" is number 31 of the
 * kind KH (Kế hoạch) of the body BTV (Ban Thường vụ). Party documents write the kind before the slash:
 * "397-TB/TU". Decrees carry the year: "56/2012/NĐ-CP". Official letters carry no kind: "3186/ĐCT-VP".
 *
 * The database allocates numbers atomically; this module only parses, formats and validates them.
 */

/** Abbreviations of document kinds (Nghị định 30/2020/NĐ-CP, Phụ lục III, plus common Party/State ones). */
export const DOCUMENT_KINDS: Readonly<Record<string, string>> = {
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  CT: 'Chỉ thị',
  QC: 'Quy chế',
  QyĐ: 'Quy định',
  TC: 'Thông cáo',
  TB: 'Thông báo',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
  KH: 'Kế hoạch',
  PA: 'Phương án',
  ĐA: 'Đề án',
  DA: 'Dự án',
  BC: 'Báo cáo',
  BB: 'Biên bản',
  TTr: 'Tờ trình',
  HĐ: 'Hợp đồng',
  CĐ: 'Công điện',
  BGN: 'Bản ghi nhớ',
  BTT: 'Bản thỏa thuận',
  GUQ: 'Giấy ủy quyền',
  GM: 'Giấy mời',
  GGT: 'Giấy giới thiệu',
  GNP: 'Giấy nghỉ phép',
  PG: 'Phiếu gửi',
  PC: 'Phiếu chuyển',
  PB: 'Phiếu báo',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  KL: 'Kết luận',
  QyC: 'Quy chế',
};

export interface DocumentSymbol {
  /** The number: 31. */
  number: number;
  /** The kind abbreviation: 'KH'; null for official letters (công văn). */
  kind: string | null;
  /** The issuing body's abbreviation: 'BTV', 'UBND', 'ĐCT-VP', 'TU'. */
  body: string;
  /** The year written in the symbol ("56/2012/NĐ-CP"), otherwise null. */
  year: number | null;
  /** 'state': "31/KH-BTV"; 'party': "397-TB/TU". */
  style: 'state' | 'party';
}

/** Removes spaces and unifies dashes: "31 /KH - BTV" → "31/KH-BTV". */
export function normalizeDocumentSymbol(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[–—‐‑]/g, '-')
    .replace(/\s+/g, '')
    .replace(/^số:?/iu, '');
}

const STATE = /^(\d{1,6})\/(?:(\d{4})\/)?([\p{L}\d&.]+(?:-[\p{L}\d&.]+)*)$/u;
const PARTY = /^(\d{1,6})-([\p{L}]+)\/([\p{L}\d&.]+(?:-[\p{L}\d&.]+)*)$/u;

/** "31/KH-BTV" → {number: 31, kind: 'KH', body: 'BTV', year: null, style: 'state'}; null when not a symbol. */
export function parseDocumentSymbol(raw: string): DocumentSymbol | null {
  const s = normalizeDocumentSymbol(raw);
  let m = STATE.exec(s);
  if (m && m[1] !== undefined && m[3] !== undefined) {
    const parts = m[3].split('-');
    const first = parts[0] ?? '';
    const isKind = Object.hasOwn(DOCUMENT_KINDS, first) && parts.length > 1;
    const year = m[2] !== undefined ? Number(m[2]) : null;
    return {
      number: Number(m[1]),
      kind: isKind ? first : parts.length === 1 && Object.hasOwn(DOCUMENT_KINDS, first) ? first : null,
      body: isKind ? parts.slice(1).join('-') : parts.length === 1 && Object.hasOwn(DOCUMENT_KINDS, first) ? '' : m[3],
      year,
      style: 'state',
    };
  }
  m = PARTY.exec(s);
  if (m && m[1] !== undefined && m[2] !== undefined && m[3] !== undefined) {
    return { number: Number(m[1]), kind: m[2], body: m[3], year: null, style: 'party' };
  }
  return null;
}

/** {number: 31, kind: 'KH', body: 'BTV'} → "31/KH-BTV" (party style: "397-TB/TU"). */
export function formatDocumentSymbol(sym: {
  number: number;
  kind: string | null;
  body: string;
  year?: number | null;
  style?: 'state' | 'party';
}): string {
  if (!Number.isInteger(sym.number) || sym.number < 1) {
    throw new RangeError(`Số văn bản phải là số nguyên dương (nhận được ${sym.number}).`);
  }
  if (sym.style === 'party') {
    if (!sym.kind) throw new RangeError('Ký hiệu văn bản của Đảng cần tên loại (ví dụ TB, CTr).');
    return `${sym.number}-${sym.kind}/${sym.body}`;
  }
  const year = sym.year ? `${sym.year}/` : '';
  const tail = [sym.kind, sym.body].filter((x): x is string => !!x).join('-');
  return `${sym.number}/${year}${tail}`;
}

/** True when the string is a well-formed number and symbol. */
export function isValidDocumentSymbol(raw: string): boolean {
  return parseDocumentSymbol(raw) !== null;
}

/**
 * The number after the last allocated one. Numbers restart at 1 each year: pass the year of the last
 * allocation and the year of the new document to get 1 across a year change.
 */
export function nextNumber(
  lastAllocated: number | null | undefined,
  years?: { lastYear?: number | null; year?: number | null },
): number {
  if (lastAllocated === null || lastAllocated === undefined) return 1;
  if (!Number.isInteger(lastAllocated) || lastAllocated < 0) {
    throw new RangeError(`Số đã cấp không hợp lệ: ${lastAllocated}.`);
  }
  if (years?.lastYear != null && years.year != null && years.lastYear !== years.year) return 1;
  return lastAllocated + 1;
}

/** The symbol following the last allocated one of the same kind and body: "31/KH-BTV" → "32/KH-BTV". */
export function nextDocumentSymbol(
  lastSymbol: string | null,
  defaults: { kind: string; body: string; style?: 'state' | 'party' },
  years?: { lastYear?: number | null; year?: number | null },
): string {
  const last = lastSymbol ? parseDocumentSymbol(lastSymbol) : null;
  if (lastSymbol && !last) throw new RangeError(`Ký hiệu văn bản không hợp lệ: "${lastSymbol}".`);
  const number = nextNumber(last?.number ?? null, years);
  return formatDocumentSymbol({
    number,
    kind: last?.kind ?? defaults.kind,
    body: last?.body || defaults.body,
    style: last?.style ?? defaults.style ?? 'state',
  });
}

/** Kind name from an abbreviation ("KH" → "Kế hoạch"), or null. */
export function documentKindName(code: string): string | null {
  return Object.hasOwn(DOCUMENT_KINDS, code) ? (DOCUMENT_KINDS[code] ?? null) : null;
}
