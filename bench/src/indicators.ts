import { defineIndicator, NATIONAL_INDICATORS, type IndicatorDefinition } from '@sen/indicators';

/**
 * The 60 indicators of the bench's national report. Branches report them, so every one must give a branch a
 * counted value: the 42 national indicators that do (the 5 coverage indicators of the catalogue count only at
 * the grassroots level — a branch's coverage value is empty parts, which the engine does not store), plus 18
 * synthetic additive ones (sum, flow), stored as tenant indicators of every tenant.
 */
export type BenchKind = 'int' | 'ratio' | 'min' | 'average';

export interface BenchIndicator {
  /** 0–59: feeds the pseudo-random values. */
  idx: number;
  code: string;
  def: IndicatorDefinition;
  kind: BenchKind;
  /** Integer values: lo + h mod span. */
  lo: number;
  span: number;
  synthetic: boolean;
  /** For the weighted average: the indicator whose value weighs it (its idx, lo, span). */
  weight?: { idx: number; lo: number; span: number };
}

export const BENCH_INDICATOR_COUNT = 60;
export const FORM_CODE = 'BENCH-6T';
/** The indicator whose national count tells how many reports a tenant's total reflects (a sum: +1 per approval). */
export const MARKER_INDICATOR = 'HOI_VIEN_MOI';

/** Plausible per-branch ranges of a few national indicators (the rest: 0–50). */
const RANGES: Record<string, [number, number]> = {
  HOI_VIEN: [40, 121],
  PHU_NU_TU_18_TUOI: [60, 200],
  CHI_HOI: [1, 1],
  CO_SO_HOI: [0, 1],
  HOI_PHI_DA_THU: [0, 3_000_001],
  VON_VAY_GIAI_NGAN: [0, 500_000_001],
  DU_NO_VON_UY_THAC: [0, 900_000_001],
};

function kindOf(def: IndicatorDefinition): BenchKind {
  switch (def.aggregation) {
    case 'sum':
      return 'int';
    case 'ratio':
      return 'ratio';
    case 'min':
      return 'min';
    case 'average':
      return 'average';
    default:
      throw new Error(`bench: no value generator for aggregation "${def.aggregation}" (${def.code})`);
  }
}

export function syntheticDefinition(n: number): IndicatorDefinition {
  const nn = String(n).padStart(2, '0');
  return defineIndicator({
    code: `BENCH_CHI_SO_${nn}`,
    name: `Chỉ số thử tải ${nn}`,
    nameEn: `Synthetic benchmark indicator ${nn}`,
    unit: 'lượt',
    valueType: 'integer',
    kind: 'flow',
    aggregation: 'sum',
    national: false,
    description: 'Chỉ số cộng dồn tổng hợp, chỉ dùng cho bộ đo hiệu năng (bench).',
  });
}

let cached: BenchIndicator[] | undefined;

export function benchIndicators(): BenchIndicator[] {
  if (cached) return cached;
  const national = NATIONAL_INDICATORS.filter((d) => d.aggregation !== 'coverage');
  const synthetic = Array.from({ length: BENCH_INDICATOR_COUNT - national.length }, (_, i) => syntheticDefinition(i + 1));
  const list: BenchIndicator[] = [...national, ...synthetic].map((def, idx) => {
    const [lo, span] = RANGES[def.code] ?? [0, 51];
    return { idx, code: def.code, def, kind: kindOf(def), lo, span, synthetic: !def.national };
  });
  for (const ind of list) {
    if (ind.kind !== 'average') continue;
    const w = list.find((x) => x.code === ind.def.weightIndicator);
    if (!w || w.kind !== 'int') throw new Error(`bench: ${ind.code} is weighted by ${ind.def.weightIndicator ?? '?'}, which the bench does not generate`);
    ind.weight = { idx: w.idx, lo: w.lo, span: w.span };
  }
  if (list.length !== BENCH_INDICATOR_COUNT) throw new Error(`bench: ${list.length} indicators instead of ${BENCH_INDICATOR_COUNT}`);
  if (!list.some((i) => i.code === MARKER_INDICATOR && i.kind === 'int')) throw new Error(`bench: the marker ${MARKER_INDICATOR} must be a sum`);
  cached = list;
  return list;
}

/**
 * Values are pseudo-random but deterministic: h = CRC32("<unit id>:<indicator idx>"), so a run is
 * reproducible and the SQL that writes counted values and the SQL that writes report values agree
 * (a numerator never exceeds its denominator, an average's weight is the unit's own value of the weight
 * indicator). Expressions over `i` = a row of the helper table bench_indicator.
 */
export function valueSql(unit: string): { h: string; int: string; den: string; num: string; pct: string; avg: string; weight: string } {
  const h = `CRC32(CONCAT(${unit}, ':', i.idx))`;
  const den = `(20 + ${h} % 281)`;
  return {
    h,
    int: `(i.lo + ${h} % i.span)`,
    den,
    num: `FLOOR(${den} * ((${h} DIV 1000) % 1001) / 1000)`,
    pct: `((${h} % 10001) / 100)`,
    avg: `((${h} % 311) / 10)`,
    weight: `(i.weight_lo + CRC32(CONCAT(${unit}, ':', i.weight_idx)) % i.weight_span)`,
  };
}

/** The counted value (the parts columns, in PART_COLUMNS order) of a branch's report, as partsOf gives it. */
export function partsSql(unit: string): string[] {
  const v = valueSql(unit);
  return [
    `IF(i.kind = 'int', ${v.int}, 0)`, // sum
    '1', // count
    `IF(i.kind = 'ratio', ${v.num}, 0)`, // numerator
    `IF(i.kind = 'ratio', ${v.den}, 0)`, // denominator
    `IF(i.kind = 'min', ${v.pct}, NULL)`, // min
    'NULL', // max
    `IF(i.kind = 'average', ${v.avg} * ${v.weight}, 0)`, // weighted_sum
    `IF(i.kind = 'average', ${v.weight}, 0)`, // weight
    '0', // meeting
    '0', // eligible
    'NULL', // latest_period
    'NULL', // latest_value
  ];
}

/** A report's values (value, numerator, denominator), as a unit would enter them. */
export function reportValueSql(unit: string): string[] {
  const v = valueSql(unit);
  return [
    `CASE i.kind WHEN 'int' THEN ${v.int} WHEN 'ratio' THEN ROUND(100 * ${v.num} / ${v.den}, 4) WHEN 'min' THEN ${v.pct} ELSE ${v.avg} END`,
    `IF(i.kind = 'ratio', ${v.num}, NULL)`,
    `IF(i.kind = 'ratio', ${v.den}, NULL)`,
  ];
}
