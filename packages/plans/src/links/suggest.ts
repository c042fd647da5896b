/**
 * Suggested links from plan targets to indicators of a catalogue, by diacritic-insensitive token matching
 * ("phát triển khoảng 2.500 hội viên" ↔ "Số hội viên mới" with keyword "phát triển hội viên"). Agreeing
 * units raise the confidence, clashing ones lower it. The catalogue is passed in.
 */
import type { Target } from '../model/types';
import { foldVietnamese, tokenize } from '../text/vietnamese';

export interface CatalogueIndicator {
  code: string;
  name: string;
  unit: string;
  keywords?: string[];
}

export interface IndicatorLink {
  targetIndex: number;
  code: string;
  /** 0..1. */
  confidence: number;
}

export interface SuggestOptions {
  /** Links below this confidence are dropped. Default 0.35. */
  minConfidence?: number;
  /** At most this many links per target, best first. Default 3. */
  maxPerTarget?: number;
}

/** Words that say nothing about what is measured. */
const STOPWORDS = new Set(
  ['so', 'luong', 'ty', 'le', 'cua', 'cac', 'va', 'duoc', 'co', 'trong', 'cho', 've', 'voi', 'nhung', 'la', 'mot', 'tai', 'theo', 'tren', 'den', 'tu', 'de', 'it', 'nhat', 'khoang', 'moi', 'hang', 'nam', 'thang', 'quy', 'cap', 'toi', 'thieu', 'phan', 'dau', 'dat'].map((w) => w),
);

/** Unit families: units of one family agree. */
const UNIT_FAMILIES: readonly string[][] = [
  ['%', 'phan tram', 'ty le'],
  ['nguoi', 'hoi vien', 'phu nu', 'can bo', 'dai bieu', 'luot nguoi', 'thanh vien', 'hoc sinh', 'tre em'],
  ['ho', 'ho ngheo', 'ho gia dinh', 'gia dinh'],
  ['mo hinh', 'cau lac bo', 'clb', 'to', 'nhom', 'to hop tac'],
  ['chi hoi', 'co so hoi', 'co so', 'don vi'],
  ['chuong trinh', 'su kien', 'hoat dong', 'hoi nghi', 'hoi thao', 'toa dam', 'cuoc', 'lop', 'doan'],
  ['dong', 'trieu dong', 'ty dong', 'vnd'],
  ['doanh nghiep', 'hop tac xa'],
  ['chinh sach', 'du thao', 'van ban'],
];

function family(unit: string): number {
  const u = foldVietnamese(unit).trim();
  return UNIT_FAMILIES.findIndex((f) => f.includes(u));
}

function contentTokens(text: string): string[] {
  return tokenize(text).filter((t) => !STOPWORDS.has(t) && !/^\d+$/.test(t));
}

function bigrams(tokens: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}

/** How well a phrase is covered by the target's words: unigrams and bigrams, 0..1. */
function phraseScore(phrase: string, targetTokens: Set<string>, targetBigrams: Set<string>): number {
  const tokens = contentTokens(phrase);
  if (tokens.length === 0) return 0;
  const uni = tokens.filter((t) => targetTokens.has(t)).length / tokens.length;
  const bi = bigrams(tokens);
  if (bi.size === 0) return uni * 0.8;
  const biHits = [...bi].filter((b) => targetBigrams.has(b)).length / bi.size;
  return 0.5 * uni + 0.5 * biHits;
}

function unitAgreement(targetUnit: string | null, indicatorUnit: string): number {
  if (!targetUnit || !indicatorUnit) return 0;
  if (foldVietnamese(targetUnit) === foldVietnamese(indicatorUnit)) return 0.2;
  const a = family(targetUnit);
  const b = family(indicatorUnit);
  if (a >= 0 && a === b) return 0.12;
  const percent = (u: string): boolean => family(u) === 0;
  if (percent(targetUnit) !== percent(indicatorUnit)) return -0.25;
  return -0.05;
}

/** Suggests indicators for each target, best first. Never throws; an empty catalogue gives no links. */
export function suggestIndicatorLinks(
  targets: Pick<Target, 'text' | 'unit'>[],
  catalogue: CatalogueIndicator[],
  options: SuggestOptions = {},
): IndicatorLink[] {
  const min = options.minConfidence ?? 0.35;
  const max = options.maxPerTarget ?? 3;
  const links: IndicatorLink[] = [];
  targets.forEach((target, targetIndex) => {
    const tokens = contentTokens(`${target.text} ${target.unit ?? ''}`);
    const set = new Set(tokens);
    const bi = bigrams(tokens);
    const scored: IndicatorLink[] = [];
    for (const ind of catalogue) {
      const phrases = [ind.name, ...(ind.keywords ?? [])];
      const text = Math.max(0, ...phrases.map((p) => phraseScore(p, set, bi)));
      if (text === 0) continue;
      const confidence = Math.max(0, Math.min(1, 0.85 * text + unitAgreement(target.unit, ind.unit)));
      if (confidence >= min) scored.push({ targetIndex, code: ind.code, confidence: Math.round(confidence * 1000) / 1000 });
    }
    scored.sort((a, b) => b.confidence - a.confidence || a.code.localeCompare(b.code));
    links.push(...scored.slice(0, max));
  });
  return links;
}
