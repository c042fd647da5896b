import { AggregationError } from '../shared/errors';
import { comparePeriodsByEnd } from '../periods/period';

/**
 * The stored state of a rollup per (tenant, period, unit, indicator). The database has exactly these
 * columns, so every aggregation method keeps its state in them — which is what lets a parent be updated
 * by deltas and keeps a ratio a ratio of sums instead of a mean of percentages.
 */
export interface RollupParts {
  /** Sum of values (sum). */
  sum: number;
  /** Number of unit values contributing (every method). */
  count: number;
  /** Sum of numerators (ratio). */
  numerator: number;
  /** Sum of denominators (ratio). */
  denominator: number;
  /** Smallest value, null when none (min). */
  min: number | null;
  /** Largest value, null when none (max). */
  max: number | null;
  /** Sum of value × weight (average). */
  weightedSum: number;
  /** Sum of weights (average). */
  weight: number;
  /** Units at the coverage level meeting the minimum (coverage). */
  meeting: number;
  /** Units at the coverage level (coverage). */
  eligible: number;
  /** Period of the most recent value, null when none (latest, stocks across periods). */
  latestPeriod: string | null;
  /** The most recent value (latest, stocks across periods). */
  latestValue: number | null;
}

/** One unit's reported input for one indicator and period. */
export interface UnitValue {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  /** For weighted averages: the value of the weight indicator at this unit (e.g. its members). */
  weight?: number | null;
  /** The unit's level (e.g. 'grassroots'); coverage counts only units at its configured level. */
  level?: string;
  /** The period the value belongs to; needed by `latest`. */
  period?: string;
}

/** The neutral element of every method's `combine`. */
export function emptyParts(): RollupParts {
  return {
    sum: 0,
    count: 0,
    numerator: 0,
    denominator: 0,
    min: null,
    max: null,
    weightedSum: 0,
    weight: 0,
    meeting: 0,
    eligible: 0,
    latestPeriod: null,
    latestValue: null,
  };
}

function pickMin(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function pickMax(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/**
 * Which of two (period, value) pairs is the latest: later period end wins; on the same period the
 * larger value wins. The tie-break only has to be deterministic, so that combining stays commutative
 * and associative whatever order the children arrive in.
 */
function pickLatest(a: RollupParts, b: RollupParts): Pick<RollupParts, 'latestPeriod' | 'latestValue'> {
  if (a.latestPeriod === null) return { latestPeriod: b.latestPeriod, latestValue: b.latestValue };
  if (b.latestPeriod === null) return { latestPeriod: a.latestPeriod, latestValue: a.latestValue };
  const order = comparePeriodsByEnd(a.latestPeriod, b.latestPeriod);
  if (order > 0) return { latestPeriod: a.latestPeriod, latestValue: a.latestValue };
  if (order < 0) return { latestPeriod: b.latestPeriod, latestValue: b.latestValue };
  // Same end and start means the same period id.
  return { latestPeriod: a.latestPeriod, latestValue: pickMax(a.latestValue, b.latestValue) };
}

/**
 * Merges two parts column by column: additive columns add, min/max take the extreme, latest takes
 * the more recent. Every method can combine with this: a method only fills its own columns, the
 * others stay neutral, and merging all of them keeps combine commutative and associative.
 */
export function mergeParts(a: RollupParts, b: RollupParts): RollupParts {
  return {
    sum: a.sum + b.sum,
    count: a.count + b.count,
    numerator: a.numerator + b.numerator,
    denominator: a.denominator + b.denominator,
    min: pickMin(a.min, b.min),
    max: pickMax(a.max, b.max),
    weightedSum: a.weightedSum + b.weightedSum,
    weight: a.weight + b.weight,
    meeting: a.meeting + b.meeting,
    eligible: a.eligible + b.eligible,
    ...pickLatest(a, b),
  };
}

/**
 * Removes a part from a total on the additive columns; min/max/latest are left as they are (only
 * methods that do not read them may use this). Returns null when a counter would go negative: the
 * part was never in the total, so the caller must recompute rather than store a wrong delta.
 */
export function subtractAdditiveParts(total: RollupParts, part: RollupParts): RollupParts | null {
  const out: RollupParts = {
    ...total,
    sum: total.sum - part.sum,
    count: total.count - part.count,
    numerator: total.numerator - part.numerator,
    denominator: total.denominator - part.denominator,
    weightedSum: total.weightedSum - part.weightedSum,
    weight: total.weight - part.weight,
    meeting: total.meeting - part.meeting,
    eligible: total.eligible - part.eligible,
  };
  if (out.count < 0 || out.meeting < 0 || out.eligible < 0) return null;
  return out;
}

/**
 * Reads one numeric field of a unit value: null when absent, an `AggregationError` naming the field
 * when it is not a finite number (NaN would silently poison every ancestor).
 */
export function readNumber(input: UnitValue, field: 'value' | 'numerator' | 'denominator' | 'weight', indicator: string): number | null {
  const v = input[field];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new AggregationError(
      `Indicator ${indicator}: ${field} must be a finite number, got ${String(v)}`,
      `Chỉ số ${indicator}: ${field} phải là một số hữu hạn, nhận ${String(v)}`,
      field,
    );
  }
  return v;
}
