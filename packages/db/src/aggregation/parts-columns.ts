import { emptyParts, type RollupParts } from '@sen/indicators';

/** RollupParts fields and their columns, in one order used by every statement of the aggregation. */
export const PART_FIELDS = [
  ['sum', 'sum'],
  ['count', 'count'],
  ['numerator', 'numerator'],
  ['denominator', 'denominator'],
  ['min', 'min'],
  ['max', 'max'],
  ['weightedSum', 'weighted_sum'],
  ['weight', 'weight'],
  ['meeting', 'meeting'],
  ['eligible', 'eligible'],
  ['latestPeriod', 'latest_period'],
  ['latestValue', 'latest_value'],
] as const satisfies readonly (readonly [keyof RollupParts, string])[];

export const PART_COLUMNS = PART_FIELDS.map(([, c]) => c);

/**
 * How a parent's column is made from its children's in SQL — the same as mergeParts of @sen/indicators:
 * additive columns add, min/max take the extreme, and within one period the latest value is the largest.
 */
export const PART_AGGREGATES: Record<string, string> = {
  sum: 'SUM(uv.sum)',
  count: 'SUM(uv.count)',
  numerator: 'SUM(uv.numerator)',
  denominator: 'SUM(uv.denominator)',
  min: 'MIN(uv.min)',
  max: 'MAX(uv.max)',
  weighted_sum: 'SUM(uv.weighted_sum)',
  weight: 'SUM(uv.weight)',
  meeting: 'SUM(uv.meeting)',
  eligible: 'SUM(uv.eligible)',
  latest_period: 'MAX(uv.latest_period)',
  latest_value: 'MAX(uv.latest_value)',
};

const extreme = (fn: 'LEAST' | 'GREATEST', c: string) => `${fn}(COALESCE(${c}, VALUES(${c})), COALESCE(VALUES(${c}), ${c}))`;

/**
 * How an existing row's column takes in an incoming row's (`INSERT … ON DUPLICATE KEY UPDATE`): the same
 * merge as PART_AGGREGATES, for two rows. NULL (min, max, latest) means "nothing yet" on either side.
 */
export const PART_MERGE: Record<string, string> = Object.fromEntries(
  PART_FIELDS.map(([, c]) => [c, c === 'min' ? extreme('LEAST', c) : c === 'max' || c.startsWith('latest_') ? extreme('GREATEST', c) : `${c} + VALUES(${c})`]),
);

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A database row (snake_case columns, decimals as strings) as RollupParts. */
export function rowToParts(row: Record<string, unknown> | undefined): RollupParts {
  if (!row) return emptyParts();
  return {
    sum: num(row.sum),
    count: num(row.count),
    numerator: num(row.numerator),
    denominator: num(row.denominator),
    min: numOrNull(row.min),
    max: numOrNull(row.max),
    weightedSum: num(row.weighted_sum),
    weight: num(row.weight),
    meeting: num(row.meeting),
    eligible: num(row.eligible),
    latestPeriod: (row.latest_period as string | null) ?? null,
    latestValue: numOrNull(row.latest_value),
  };
}

/** RollupParts as statement parameters in PART_COLUMNS order. */
export function partsToParams(p: RollupParts): (number | string | null)[] {
  return PART_FIELDS.map(([f]) => p[f]);
}

export function sameParts(a: RollupParts, b: RollupParts): boolean {
  return PART_FIELDS.every(([f]) => {
    const x = a[f];
    const y = b[f];
    if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) < 1e-6;
    return x === y;
  });
}

/** mysql2 allows 65,535 placeholders a statement; keep well below. */
export const MAX_ROWS_PER_STATEMENT = 2000;
