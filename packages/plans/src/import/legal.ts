/**
 * Legal bases ("Thực hiện Quyết định số 4028/QĐ-UBND ngày 10/8/2023 của Ủy ban nhân dân thành phố Hà Nội về …",
 * "Căn cứ Kế hoạch số 16/KH-BTV ngày 24/01/2024, kế hoạch số 47/KH-BTV … của …") and the main clause that names
 * the issuer ("…, Ban Thường vụ Hội LHPN Hà Nội xây dựng Kế hoạch …").
 *
 * To recognise another kind of document, add its name to DOCUMENT_KIND_NAMES.
 */
import type { LegalBasis } from '../model/types';
import { normalizeDocumentSymbol } from '../numbering/symbol';
import { isoDate } from '../time/dates';
import { capitalizeFirst, foldVietnamese, excerpt } from '../text/vietnamese';

/** Names of document kinds that can be cited (longest first when matched). */
export const DOCUMENT_KIND_NAMES: readonly string[] = [
  'Thông tư liên tịch',
  'Nghị quyết liên tịch',
  'Quyết định',
  'Hướng dẫn',
  'Kế hoạch',
  'Chương trình',
  'Nghị quyết',
  'Chỉ thị',
  'Thông báo',
  'Công văn',
  'Nghị định',
  'Thông tư',
  'Luật',
  'Pháp lệnh',
  'Quy định',
  'Quy chế',
  'Kết luận',
  'Đề án',
  'Thông tri',
  'Văn bản',
  'Tờ trình',
  'Báo cáo',
  'Điều lệ',
  'Chiến lược',
];

const KIND_ALTERNATION = [...DOCUMENT_KIND_NAMES]
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/\s+/g, String.raw`\s+`))
  .join('|');

const REF_SOURCE = String.raw`(?<![\p{L}])(${KIND_ALTERNATION})\s+(?:số\s*:?\s*)?(\d{1,6}(?:\s*[-/]\s*[\p{L}\d&.]+)+)`;

/** A fresh global regular expression for cited documents (kind, number). */
export function referencePattern(): RegExp {
  return new RegExp(REF_SOURCE, 'giu');
}

const MAIN_CLAUSE = new RegExp(
  String.raw`(?:^|[,;.]\s*)((?:Ban\s+Thường\s+vụ|Ban\s+Chấp\s+hành|Đoàn\s+Chủ\s+tịch|Ban\s+Thường\s+trực|Thường\s+trực|Ban\s+Chỉ\s+đạo|Ban\s+Giám\s+đốc|Hội\s+đồng|Hội\s+LHPN|Hội\s+Liên\s+hiệp|Thành\s+hội|Tỉnh\s+hội|Ủy\s+ban|Uỷ\s+ban|UBND)[^,;]{0,160}?)\s+(?:xây\s+dựng|ban\s+hành|triển\s+khai)\s+(?:(?:bản\s+)?kế\s+hoạch|chương\s+trình|đề\s+án|hướng\s+dẫn)`,
  'giu',
);

export interface ReferenceMatch {
  start: number;
  /** End of the kind and number. */
  end: number;
  /** End of the kind, number and the date that follows it. */
  endWithDate: number;
  basis: LegalBasis;
}

/** Canonical kind name: "kế hoạch" → "Kế hoạch". */
function canonicalKind(raw: string): string {
  const folded = foldVietnamese(raw.replace(/\s+/g, ' '));
  const known = DOCUMENT_KIND_NAMES.find((k) => foldVietnamese(k) === folded);
  return known ?? capitalizeFirst(raw.toLocaleLowerCase('vi'));
}

function cleanNumber(raw: string): string {
  return normalizeDocumentSymbol(raw).replace(/[.]+$/, '');
}

/** Date right at the start of a text: "ngày 10/8/2023", ", ngày 20/10/2021", "ngày 24 tháng 01 năm 2024". */
function leadingDate(text: string): { date: string | null; rest: string } {
  let m = /^\s*,?\s*(?:ban\s+hành\s+)?ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu.exec(text);
  if (!m) m = /^\s*,?\s*(?:ban\s+hành\s+)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(text);
  if (!m) return { date: null, rest: text };
  return { date: isoDate(Number(m[3]), Number(m[2]), Number(m[1])), rest: text.slice(m[0].length) };
}

/** Cuts at the first ";" outside quotes. */
function cutAtSemicolon(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“' || ch === '«') depth++;
    else if ((ch === '”' || ch === '»') && depth > 0) depth--;
    else if (ch === ';' && depth === 0) return text.slice(0, i);
  }
  return text;
}

const TRAILING_JUNK = /[\s;,]*(?:(?:và|cùng|Thực\s+hiện|thực\s+hiện|Căn\s+cứ|căn\s+cứ)[\s;,]*)*$/u;

function tidy(s: string): string {
  return s.replace(TRAILING_JUNK, '').replace(/\s+/g, ' ').trim();
}

/** Issuer and title from what follows a reference's number and date. */
function issuerAndTitle(rest: string, sentenceMode: boolean): { issuer: string | null; title: string | null; empty: boolean } {
  let text = cutAtSemicolon(rest);
  if (sentenceMode) text = text.split(/(?<=[.!?])\s+(?=\p{Lu})|:\s/u)[0] ?? text;
  const trimmed = tidy(text);
  if (trimmed.length === 0) return { issuer: null, title: null, empty: true };
  let issuer: string | null = null;
  let remainder = trimmed;
  const iss = /^(?:của|do)\s+(.+?)(?=\s+(?:về\s+việc|về|v\/v|V\/v|quy\s+định|nhằm|trong)\s|[;,]|\.\s|\.$|$)/u.exec(remainder);
  if (iss && iss[1] !== undefined) {
    issuer = tidy(iss[1]);
    remainder = remainder.slice(iss[0].length);
  }
  let title: string | null = null;
  const t = /^\s*,?\s*(?:về\s+việc|về|v\/v|V\/v)\s+(.+)$/su.exec(remainder);
  if (t && t[1] !== undefined) {
    title = tidy(t[1]);
    if (sentenceMode && title.length > 200) title = `${title.slice(0, 200).replace(/\s+\S*$/u, '')}…`;
  }
  return { issuer: issuer || null, title: title || null, empty: false };
}

/** Every cited document in a text, with issuer, date and title when they follow it. */
export function findReferences(text: string, options: { sentenceMode?: boolean } = {}): ReferenceMatch[] {
  const re = referencePattern();
  const raw: { start: number; end: number; kind: string; number: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const number = cleanNumber(m[2] ?? '');
    if (!/\p{L}/u.test(number)) continue;
    const before = text.slice(0, m.index);
    const opens = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
    if (opens > 0) continue; // inside a quoted title
    raw.push({ start: m.index, end: m.index + m[0].length, kind: canonicalKind(m[1] ?? ''), number });
  }
  const out: ReferenceMatch[] = [];
  const emptyTail: boolean[] = [];
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k];
    if (!r) continue;
    const next = raw[k + 1];
    const segment = text.slice(r.end, next ? next.start : text.length);
    const { date, rest } = leadingDate(segment);
    const { issuer, title, empty } = issuerAndTitle(rest, options.sentenceMode ?? false);
    const prevTail = text.slice(k > 0 ? (raw[k - 1]?.end ?? 0) : 0, r.start);
    const verb = /Căn\s+cứ\s*$/iu.test(prevTail) ? 'Căn cứ' : /Thực\s+hiện\s*$/iu.test(prevTail) ? 'Thực hiện' : null;
    const endWithDate = r.end + (segment.length - rest.length);
    out.push({ start: r.start, end: r.end, endWithDate, basis: { kind: r.kind, number: r.number, date, issuer, title, introducedBy: verb } });
    emptyTail.push(empty && /^[\s,]*(?:và\s*)?$/u.test(rest));
  }
  // "Kế hoạch số 16/KH-BTV ngày 24/01/2024, kế hoạch số 47/KH-BTV ngày 09/4/2024 của … về …": the first shares the tail.
  for (let k = out.length - 2; k >= 0; k--) {
    const cur = out[k];
    const next = out[k + 1];
    if (cur && next && emptyTail[k]) {
      cur.basis.issuer ??= next.basis.issuer;
      cur.basis.title ??= next.basis.title;
    }
  }
  for (let k = 1; k < out.length; k++) {
    const cur = out[k];
    const prev = out[k - 1];
    if (cur && prev && cur.basis.introducedBy === null) cur.basis.introducedBy = prev.basis.introducedBy;
  }
  return out;
}

export interface PreambleInfo {
  legalBases: LegalBasis[];
  issuer: string | null;
  warnings: string[];
}

/** Completes "Ban Thường vụ Hội Liên hiệp Phụ nữ thành phố (LHPN)" into "… thành phố Đà Nẵng" when the name is known. */
function completeIssuer(issuer: string, hints: string[]): string {
  let s = issuer.replace(/\s*\([^)]{1,20}\)\s*/g, ' ').replace(/\s+/g, ' ').trim();
  if (/(?:thành\s+phố|tỉnh|TP\.?)$/iu.test(s)) {
    for (const hint of hints) {
      const m = /(?:thành\s+phố|TP\.?|tỉnh)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})/u.exec(hint);
      if (m && m[1]) {
        s = `${s} ${m[1]}`;
        break;
      }
    }
  }
  return s;
}

const VERB_KIND = new RegExp(String.raw`^\s*(?:Thực\s+hiện|Căn\s+cứ)\s+(${KIND_ALTERNATION})(?![\p{L}])\s*(.*)$`, 'iu');

/** Parses the preamble (the text between the title and the first section). */
export function parsePreamble(text: string, hints: string[]): PreambleInfo {
  const warnings: string[] = [];
  let issuer: string | null = null;
  let legalPart = text;
  let last: RegExpExecArray | null = null;
  MAIN_CLAUSE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MAIN_CLAUSE.exec(text)) !== null) {
    last = m;
    if (m[0].length === 0) MAIN_CLAUSE.lastIndex++;
  }
  if (last && last[1] !== undefined) {
    issuer = completeIssuer(last[1].trim(), hints);
    legalPart = text.slice(0, last.index + last[0].indexOf(last[1]));
  }

  const refs = findReferences(legalPart);
  const legalBases = refs.map((r) => r.basis);

  // Clauses citing a document without a number: "Căn cứ Điều lệ Hội LHPN Việt Nam".
  let offset = 0;
  for (const clause of legalPart.split(';')) {
    const start = offset;
    const end = offset + clause.length;
    offset = end + 1;
    if (refs.some((r) => r.start < end && r.end > start)) continue;
    const vk = VERB_KIND.exec(clause);
    if (vk && vk[1] !== undefined) {
      const { date, rest } = leadingDate(vk[2] ?? '');
      const { issuer: by, title } = issuerAndTitle(rest, false);
      const plainTitle = title ?? (tidy(rest.replace(/^(?:của|do)\s+.*$/u, '')) || null);
      const verb = /^\s*Căn/iu.test(clause) ? 'Căn cứ' : 'Thực hiện';
      const basis: LegalBasis = { kind: canonicalKind(vk[1]), number: null, date, issuer: by, title: plainTitle, introducedBy: verb };
      const at = legalBases.findIndex((_, i) => (refs[i]?.start ?? Infinity) > start);
      legalBases.splice(at < 0 ? legalBases.length : at, 0, basis);
      refs.splice(at < 0 ? refs.length : at, 0, { start, end, endWithDate: end, basis });
    } else if (tidy(clause).length > 0 && /^\s*(?:Thực\s+hiện|Căn\s+cứ)\s/iu.test(clause)) {
      warnings.push(`Không nhận diện được văn bản căn cứ: "${excerpt(tidy(clause), 120)}".`);
    }
  }
  if (legalBases.length === 0) warnings.push('Không tìm thấy căn cứ ban hành ("Thực hiện …", "Căn cứ …").');
  return { legalBases, issuer, warnings };
}
