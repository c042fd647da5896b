/**
 * Suggested links from plan targets to indicators of a catalogue, with a confidence the user confirms or
 * corrects. A suggestion of AUTO_LINK_CONFIDENCE or more may be pre-filled; the others are only offered.
 *
 * A target is compared with an indicator on what it counts, not on its words alone (diacritics ignored):
 * 1. named: how much of the indicator's name (and keywords) the target's clause says — the clause of the
 *    quantity, so "Chủ trì giám sát ít nhất 01 chính sách; …" is not read with the next sentence;
 * 2. counted: whether the indicator names what the target counts — the unit and the words qualifying it
 *    ("70 chi hội | khó khăn", "268 chi hội | xuất sắc tiêu biểu", "1.000 hộ nghèo | thoát nghèo"), or, when
 *    the unit stands alone, the verb that says how ("hỗ trợ nâng cao năng lực cho | 1.500 phụ nữ"). An
 *    indicator naming none of the qualifiers is a generic count ("Số chi hội") and stays below the
 *    threshold; for a percentage, the indicator's subject ("Tỷ lệ | vụ việc bạo lực …") must be the
 *    target's ("100% | các vụ … bạo lực"), not another ("100% | chi hội …");
 * 3. the unit of measure: agreeing units raise the confidence, clashing ones lower it;
 * 4. the kind of target (DOMAIN.md "Targets are not all sums"): a per-unit minimum ("mỗi cơ sở Hội có ít nhất
 *    01 mô hình") is measured by the coverage indicator of its level, minimum and unit, and a total never is;
 *    a count of the plan's activities ("Cấp Thành phố tổ chức 3 chương trình, sự kiện") is measured by
 *    counting those activities, so no indicator reaches the threshold;
 * 5. flows and stocks: "phát triển / kết nạp / thành lập mới / nhân rộng … N" counts what is new in the
 *    period, a flow ("Số hội viên mới kết nạp"), never the number on the roll, a stock ("Số hội viên").
 * Words weigh by how well they tell the catalogue's indicators apart. The catalogue is passed in; fields it
 * lacks (kind, aggregation, coverage) give no evidence, so pass the whole definitions.
 */
import { PLAN_LINK_PREFILL_CONFIDENCE } from '@sen/contracts';
import { maskReferences } from '../import/derive';
import { findQuantities, targetFromItem, type Quantity } from '../import/targets';
import type { Target, TargetAggregation } from '../model/types';
import { foldVietnamese } from '../text/vietnamese';

/**
 * A suggestion this confident may be pre-filled on the review screen; below it, the user chooses. The value is
 * the contract's (the web and the demo data pre-fill with it); calibration.spec.ts proves it on the five seeds.
 */
export const AUTO_LINK_CONFIDENCE = PLAN_LINK_PREFILL_CONFIDENCE;

/** What the suggester reads of an indicator (an IndicatorDefinition of @sen/indicators fits as it is). */
export interface CatalogueIndicator {
  code: string;
  name: string;
  unit: string;
  /** Other phrases that name what is measured. */
  keywords?: readonly string[];
  /** Flow (counted in the period) or stock (a level at a moment). */
  kind?: 'flow' | 'stock';
  /** The aggregation method id: 'sum', 'ratio', 'coverage', 'average', 'min', 'max', 'latest', … */
  aggregation?: string;
  /** For coverage indicators: the level and the minimum each unit must reach. */
  coverage?: { level: string; minimum: number };
}

export interface IndicatorLink {
  targetIndex: number;
  code: string;
  /** 0..1; AUTO_LINK_CONFIDENCE and over is a confident suggestion. */
  confidence: number;
}

/** One indicator scored for a target, with the parts of its confidence (to explain or to calibrate). */
export interface IndicatorScore {
  code: string;
  confidence: number;
  parts: { named: number; counted: number; unit: number; kind: number; subject: number; margin: number };
}

export interface SuggestOptions {
  /** Links below this confidence are dropped. Default 0.35. */
  minConfidence?: number;
  /** At most this many links per target, best first. Default 3. */
  maxPerTarget?: number;
}

/** A target as the suggester needs it: its text and unit; the other fields are read from the text when absent. */
export type SuggestTarget = Pick<Target, 'text' | 'unit'> & Partial<Pick<Target, 'value' | 'level' | 'levels' | 'aggregation'>>;

/**
 * Words that say nothing about what is measured, as written: folding would confuse them with words that do
 * ("về" and "vệ" in "bảo vệ", "mỗi" and "môi" in "môi trường", "phấn đấu" and "phân loại").
 */
const STOPWORDS = new Set([
  'số', 'lượng', 'tỷ', 'tỉ', 'lệ', 'của', 'các', 'và', 'được', 'có', 'trong', 'cho', 'về', 'với', 'những', 'là', 'một', 'tại',
  'theo', 'trên', 'đến', 'từ', 'để', 'ít', 'nhất', 'khoảng', 'mỗi', 'hằng', 'hàng', 'năm', 'tháng', 'quý', 'cấp', 'tối', 'thiểu',
  'phấn', 'đấu', 'đạt', 'do', 'như', 'hơn', 'không', 'dưới', 'hoặc', 'này', 'khi', 'sau', 'trước', 'đối',
]);
/** "mới" (new) folds like "môi" (in "môi trường"): it gets its own token. */
const NEW = 'moinew';

/** Verbs by which a target counts what is new in the period: the thing counted is a flow. */
const CREATION_VERBS = /(?:^| )(?:phat trien|ket nap|thanh lap|nhan rong|xay dung moinew)(?: |$)/u;
/** The words of those verbs (not qualifiers of what is counted: the indicator's kind answers them). */
const CREATION_VERB_WORDS = new Set(['phat', 'trien', 'ket', 'nap', 'thanh', 'lap', 'nhan', 'rong', 'xay', 'dung', NEW]);
/** An indicator's name says it counts new things ("mới", "kết nạp", "thành lập"), with these words. */
const NAMES_CREATION = /(?:^| )(?:moinew|ket nap|thanh lap)(?: |$)/u;
const CREATION_WORDS = new Set([NEW, 'ket', 'nap', 'thanh', 'lap']);

/** Unit families: units of one family agree. */
const UNIT_FAMILIES: readonly string[][] = [
  ['%', 'phan tram', 'ty le'],
  ['nguoi', 'hoi vien', 'phu nu', 'can bo', 'dai bieu', 'luot nguoi', 'thanh vien', 'hoc sinh', 'tre em'],
  ['ho', 'ho ngheo', 'ho gia dinh', 'gia dinh'],
  ['mo hinh', 'cau lac bo', 'clb', 'to', 'nhom', 'to hop tac', 'to, nhom'],
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

/** The words of a text that may say what is measured, folded (diacritics removed) once stopwords are gone. */
function contentTokens(text: string): string[] {
  const words = text.normalize('NFC').toLocaleLowerCase('vi').match(/[\p{L}\p{N}%]+/gu) ?? [];
  return words.filter((w) => !STOPWORDS.has(w) && !/^\d+$/.test(w)).map((w) => (w === 'mới' ? NEW : foldVietnamese(w)));
}

function bigrams(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}

/** How much of a phrase the target's words cover: unigrams and bigrams, 0..1. */
function phraseScore(tokens: string[], targetTokens: Set<string>, targetBigrams: Set<string>): number {
  if (tokens.length === 0) return 0;
  const uni = tokens.filter((t) => targetTokens.has(t)).length / tokens.length;
  const bi = bigrams(tokens);
  if (bi.size === 0) return uni * 0.8;
  const biHits = [...bi].filter((b) => targetBigrams.has(b)).length / bi.size;
  return 0.5 * uni + 0.5 * biHits;
}

function unitAgreement(targetUnit: string | null, indicatorUnit: string): number {
  if (!targetUnit || !indicatorUnit) return 0;
  if (foldVietnamese(targetUnit) === foldVietnamese(indicatorUnit)) return 0.1;
  const a = family(targetUnit);
  const b = family(indicatorUnit);
  if (a >= 0 && a === b) return 0.06;
  const percent = (u: string): boolean => family(u) === 0;
  if (percent(targetUnit) !== percent(indicatorUnit)) return -0.3;
  return -0.08;
}

/** What the suggester knows of a target: the words of its clause and of what it counts, and its kind. */
interface TargetFacts {
  /** Content tokens of the quantity's clause. */
  clause: string[];
  /** Content tokens of the words before the number since the previous quantity (the counting verb). */
  verb: string[];
  /** Content tokens of the counted thing: the unit and the words qualifying it (for a percentage: its subject and what is said of it). */
  object: string[];
  /** Content tokens of the unit of measure ("chi hội" → chi, hoi). */
  unitTokens: string[];
  /** The target counts what is new in the period ("phát triển / kết nạp / thành lập mới … N"). */
  creation: boolean;
  /** False when no quantity of the text is the target's: what it counts is unknown. */
  quantified: boolean;
  percent: boolean;
  unit: string | null;
  value: number | null;
  aggregation: TargetAggregation;
  levels: string[];
}

const LIST_SEPARATOR = /[;,:]\s*|\s+và\s+/gu;
/** Words that end the phrase naming the counted thing ("70 chi hội phụ nữ khó khăn nhất | trong tổ chức …"). */
const OBJECT_END = /[,;:.()“”"]|\s(?:trong|tại|của|cho|để|nhằm|theo|được|có|đối\s+với|do|về|với|trên|ở|thuộc|liên\s+quan|phù\s+hợp|gắn\s+với|và)\s/u;
/** For a percentage, what is said of its subject belongs to it ("90% cán bộ, hội viên được tuyên truyền về …"). */
const RATIO_END = /[;:.()“”"]|\s(?:trong|tại|của|cho|để|nhằm|theo|đối\s+với|do|với|trên|ở|thuộc|liên\s+quan|phù\s+hợp|gắn\s+với)\s/u;

/**
 * A quantity's clause and its own words: the counting verb (the words since the previous quantity of the
 * clause, or the clause start) and the counted thing (the unit and the words qualifying it). Items of a list
 * share the verb before the list: "vận động thành lập mới 01 doanh nghiệp, 01 hợp tác xã, 15 tổ …".
 */
function ownPhrase(text: string, qs: Quantity[], k: number): { clause: string; verb: string; object: string } {
  const q = qs[k] as Quantity;
  const clauseStart = Math.max(text.lastIndexOf(';', q.start), text.lastIndexOf('. ', q.start)) + 1;
  const ends = [text.indexOf(';', q.unitEnd), text.indexOf('. ', q.unitEnd)].filter((i) => i >= 0);
  const clauseEnd = ends.length > 0 ? Math.min(...ends) : text.length;
  let first = k; // the first item of the list the quantity belongs to
  let verbStart = clauseStart;
  for (; first > 0; first--) {
    const prev = qs[first - 1] as Quantity;
    const cur = qs[first] as Quantity;
    if (prev.unitEnd <= clauseStart) break;
    const between = text.slice(prev.unitEnd, cur.start);
    const split = [...between.matchAll(LIST_SEPARATOR)].pop();
    const ownStart = split ? (split.index ?? 0) + split[0].length : 0;
    if (contentTokens(between.slice(ownStart)).length > 0) {
      verbStart = prev.unitEnd + ownStart;
      break;
    }
  }
  const verb = text.slice(verbStart, (qs[first] as Quantity).start);
  const rest = text.slice(q.end, clauseEnd);
  const unitLength = q.unitEnd - q.end;
  const stop = (q.percent ? RATIO_END : OBJECT_END).exec(` ${rest.slice(unitLength)} `);
  const object = rest.slice(0, unitLength + (stop ? Math.max(0, stop.index - 1) : rest.length));
  return { clause: text.slice(clauseStart, clauseEnd), verb, object };
}

/** The facts of a target; `occurrence` tells apart targets of one sentence with the same value and unit. */
function factsOf(target: SuggestTarget, occurrence: number): TargetFacts {
  const read = targetFromItem(target.text, null, maskReferences);
  const unit = target.unit ?? read.unit;
  const aggregation = target.aggregation ?? read.aggregation ?? 'total';
  const levels = target.levels ?? (target.level ? [target.level] : (read.levels ?? []));
  const masked = maskReferences(target.text);
  const qs = findQuantities(masked).filter((q) => !q.excluded && !q.threshold && !q.place && (q.percent || q.unit !== null));
  const same = qs
    .map((q, k) => ({ q, k }))
    .filter(({ q }) => (target.value === undefined || target.value === null || q.value === target.value) && (unit === null || (q.percent ? unit === '%' : q.unit === unit)));
  const match = same[Math.min(occurrence, same.length - 1)];
  const value = target.value ?? match?.q.value ?? read.value;
  const unitTokens = unit && unit !== '%' ? contentTokens(unit) : [];
  const base = { unitTokens, unit, value, aggregation, levels };
  if (!match) {
    // No quantity read: what is counted is unknown (see `score`).
    const tokens = contentTokens(target.text);
    return { ...base, clause: tokens, verb: [], object: [], quantified: false, creation: CREATION_VERBS.test(tokens.join(' ')), percent: unit === '%' };
  }
  const { clause, verb, object } = ownPhrase(masked, qs, match.k);
  const verbTokens = contentTokens(verb).slice(-6);
  return {
    ...base,
    clause: contentTokens(clause),
    verb: verbTokens,
    object: contentTokens(object),
    quantified: true,
    creation: CREATION_VERBS.test(verbTokens.join(' ')),
    percent: match.q.percent,
  };
}

/**
 * What the catalogue's words tell: a word (or word pair) found in few indicators tells them apart and weighs
 * more; a word found in a third of them or more ("hội", "phụ nữ" in a women's union) qualifies nothing; a
 * word found in none is no evidence for any indicator.
 */
interface Vocabulary {
  weight(term: string): number;
  known(term: string): boolean;
  common(term: string): boolean;
}

function vocabulary(catalogue: readonly CatalogueIndicator[]): Vocabulary {
  const df = new Map<string, number>();
  for (const ind of catalogue) {
    const phrases = [ind.name, ...(ind.keywords ?? [])].map(contentTokens);
    for (const t of new Set([...phrases.flat(), ...phrases.flatMap((p) => [...bigrams(p)])])) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(1, catalogue.length);
  return {
    weight: (t) => Math.log(1 + n / (df.get(t) ?? 1)),
    known: (t) => df.has(t),
    common: (t) => (df.get(t) ?? 0) >= Math.max(3, n / 3),
  };
}

/**
 * The terms of some words in the catalogue's vocabulary: the word pairs it knows ("tiêu biểu", "khó khăn",
 * "vụ việc") — Vietnamese words are mostly two syllables, so "xuất sắc" is not "sản xuất" — else the single
 * words it knows.
 */
function knownTerms(words: readonly string[], vocab: Vocabulary): string[] {
  const pairs = [...bigrams(words)].filter((b) => vocab.known(b));
  if (pairs.length > 0) return pairs;
  return [...new Set(words)].filter((t) => vocab.known(t));
}

/** "Tỷ lệ | hội viên | được tuyên truyền về bảo vệ môi trường …": a ratio indicator's subject and what is said of it. */
function ratioParts(name: string): { subject: string[]; predicate: string[] } {
  const m = /^\s*tỷ\s+lệ\s+(.+)$/iu.exec(name);
  if (!m?.[1]) return { subject: [], predicate: [] };
  const cut = /\s(?:được|có|đạt|sử\s+dụng|tổ\s+chức|giám\s+sát|góp\s+ý|xếp|tham\s+gia)\s|,/u.exec(m[1]);
  const subject = cut ? m[1].slice(0, cut.index) : m[1];
  const predicate = cut ? m[1].slice(cut.index) : '';
  return { subject: contentTokens(subject).slice(0, 3), predicate: contentTokens(predicate) };
}

/** The confidence that `ind` measures the target. */
function score(facts: TargetFacts, ind: CatalogueIndicator, vocab: Vocabulary): IndicatorScore | null {
  // Words most indicators share ("hội", "phụ nữ") tell nothing: they are left out of the comparison.
  let phrases = [ind.name, ...(ind.keywords ?? [])].map((p) => contentTokens(p).filter((t) => !vocab.common(t)));
  const namesCreation = phrases.some((p) => NAMES_CREATION.test(p.join(' ')));
  // "phát triển 2.500 hội viên" says "hội viên mới kết nạp": the creation words are what the verb says.
  if (facts.creation && namesCreation) phrases = phrases.map((p) => p.filter((t) => !CREATION_WORDS.has(t)));
  const named = Math.max(0, ...phrases.map((p) => phraseScore(p, new Set(facts.clause), bigrams(facts.clause))));
  if (named === 0) return null;

  const words = new Set(phrases.flat());
  const pairs = new Set(phrases.flatMap((p) => [...bigrams(p)]));
  const says = (term: string): boolean => (term.includes(' ') ? pairs.has(term) : words.has(term));
  const share = (terms: string[]): number => {
    const total = terms.reduce((sum, t) => sum + vocab.weight(t), 0);
    return total === 0 ? 0 : terms.filter(says).reduce((sum, t) => sum + vocab.weight(t), 0) / total;
  };
  const coverage = ind.aggregation === 'coverage';
  const parts = { named, counted: 0, unit: 0, kind: 0, subject: 0, margin: 0 };

  const ratio = facts.percent ? ratioParts(ind.name) : { subject: [], predicate: [] };
  if (!facts.quantified) {
    // Words alone, no quantity: a hint at most, never a confident link.
    parts.counted = Math.min(named, 0.5);
  } else if (ratio.subject.length > 0) {
    // A ratio is of something: "100% chi hội …" is not "Tỷ lệ vụ việc … được chi hội giám sát".
    // And what is said of the subject: "hội viên được tuyên truyền về | chủ trương …" or "| bảo vệ môi trường …".
    const own = facts.object.slice(0, 8);
    const sameSubject = ratio.subject.filter((t) => own.includes(t)).length / ratio.subject.length;
    const predicate = ratio.predicate.filter((t) => !vocab.common(t));
    const said = predicate.length > 0 ? phraseScore(predicate, new Set(facts.clause), bigrams(facts.clause)) : 1;
    parts.counted = sameSubject * said;
    if (sameSubject === 0) parts.subject = -0.25;
  } else {
    const qualifiers = facts.object.filter((t) => !facts.unitTokens.includes(t) && !vocab.common(t)).slice(0, 8);
    let terms = knownTerms(qualifiers, vocab);
    // The unit alone ("1.500 phụ nữ"): the verb says which ("hỗ trợ nâng cao năng lực cho").
    // A creation verb is what the indicator's kind says (see 5. above), not a qualifier.
    if (terms.length === 0) terms = knownTerms(facts.verb.filter((t) => !vocab.common(t) && !(facts.creation && CREATION_VERB_WORDS.has(t))), vocab);
    if (terms.length > 0) parts.counted = Math.max(0.3, share(terms));
    else if (qualifiers.length > 0) parts.counted = 0.3; // qualified in words no indicator uses: a generic match
    else {
      // A plain count ("2.500 hội viên") is an indicator that names little beyond the unit.
      const own = [...words].filter((t) => !vocab.common(t) && !CREATION_WORDS.has(t));
      const unit = facts.unitTokens.filter((t) => !vocab.common(t));
      parts.counted = own.length === 0 ? 1 : own.filter((t) => unit.includes(t)).length / own.length;
    }
    const allWords = new Set([ind.name, ...(ind.keywords ?? [])].flatMap(contentTokens));
    const unitNamed = facts.unitTokens.length === 0 || facts.unitTokens.some((t) => allWords.has(t));
    if (!unitNamed) parts.counted *= 0.3;
  }
  // A per-unit minimum is measured by the coverage indicator of its level, minimum and unit; the words
  // qualifying the unit ("01 mô hình tuyên truyền …") narrow it, they do not make it another indicator.
  const exactCoverage =
    facts.aggregation === 'perUnitMinimum' &&
    coverage &&
    !!ind.coverage &&
    facts.levels.includes(ind.coverage.level) &&
    ind.coverage.minimum === facts.value &&
    facts.unit !== null &&
    foldVietnamese(facts.unit) === foldVietnamese(ind.unit);
  if (exactCoverage) parts.counted = 1;

  parts.unit = coverage && facts.percent ? 0 : unitAgreement(facts.unit, ind.unit);
  if (facts.aggregation === 'perUnitMinimum') {
    if (coverage) {
      const sameLevel = ind.coverage ? facts.levels.includes(ind.coverage.level) : false;
      const sameMinimum = ind.coverage ? ind.coverage.minimum === facts.value : false;
      parts.kind = 0.05 + (sameLevel ? 0.05 : 0) + (sameMinimum ? 0.05 : 0);
    } else parts.kind = ind.aggregation ? -0.25 : 0; // a sum of the units' values is not "each unit has …"
  } else if (coverage) {
    parts.kind = facts.percent ? 0 : -0.35; // a total is never "each unit has at least …"
  } else if (facts.creation && (ind.kind || namesCreation)) {
    parts.kind = ind.kind === 'flow' || namesCreation ? 0.05 : -0.3; // new things, not the number on the roll
  }

  let confidence = 0.4 * parts.named + 0.5 * parts.counted + parts.unit + parts.kind + parts.subject;
  // A count of the plan's activities is measured by counting them; an indicator is at most a hint.
  if (facts.aggregation === 'activityCount') confidence = Math.min(confidence, 0.5);
  return { code: ind.code, confidence: Math.max(0, Math.min(1, confidence)), parts };
}

/** Every indicator of the catalogue scored for one target, best first (`occurrence`: see suggestIndicatorLinks). */
export function scoreIndicators(target: SuggestTarget, catalogue: readonly CatalogueIndicator[], occurrence = 0): IndicatorScore[] {
  return scoreWith(factsOf(target, occurrence), catalogue, vocabulary(catalogue));
}

function scoreWith(facts: TargetFacts, catalogue: readonly CatalogueIndicator[], vocab: Vocabulary): IndicatorScore[] {
  const scored = catalogue
    .map((ind) => score(facts, ind, vocab))
    .filter((s): s is IndicatorScore => s !== null)
    .sort((a, b) => b.confidence - a.confidence || a.code.localeCompare(b.code));
  // A match that names what is counted and stands far ahead of every other indicator is more likely right.
  const [best, second] = scored;
  if (best && best.parts.counted >= 0.6 && facts.aggregation !== 'activityCount') {
    best.parts.margin = 0.15 * Math.max(0, Math.min(1, (best.confidence - (second?.confidence ?? 0) - 0.2) / 0.3));
    best.confidence = Math.min(1, best.confidence + best.parts.margin);
  }
  return scored;
}

/**
 * Suggests indicators for each target, best first; pre-fill only those of AUTO_LINK_CONFIDENCE or more.
 * Never throws; an empty catalogue gives no links.
 */
export function suggestIndicatorLinks(
  targets: readonly SuggestTarget[],
  catalogue: readonly CatalogueIndicator[],
  options: SuggestOptions = {},
): IndicatorLink[] {
  const min = options.minConfidence ?? 0.35;
  const max = options.maxPerTarget ?? 3;
  const vocab = vocabulary(catalogue);
  const links: IndicatorLink[] = [];
  const seen = new Map<string, number>();
  targets.forEach((target, targetIndex) => {
    // Targets read from one sentence share its text ("100% chi hội … đối với 100% các vụ …"): the n-th of
    // them with the same value and unit is the n-th such quantity of the sentence.
    const key = `${target.text}\u0000${target.unit ?? ''}\u0000${target.value ?? ''}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    for (const s of scoreWith(factsOf(target, occurrence), catalogue, vocab).filter((x) => x.confidence >= min).slice(0, max)) {
      links.push({ targetIndex, code: s.code, confidence: Math.round(s.confidence * 1000) / 1000 });
    }
  });
  return links;
}
