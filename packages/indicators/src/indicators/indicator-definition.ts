import type { AggregationId } from '../aggregation/aggregation-method';

/**
 * What is measured. A definition is data: the national catalogue holds the central union's set, and
 * tenants may add their own. Build one with `defineIndicator`, which checks it.
 */
export type ValueType = 'integer' | 'decimal' | 'percentage' | 'boolean';

/**
 * Flow: counted within the period (new members this month) — a year is the sum of its months.
 * Stock: a level at a moment (members on the roll) — a year is its latest value, never a sum.
 */
export type IndicatorKind = 'flow' | 'stock';

export interface DisaggregationCategory {
  code: string;
  /** Vietnamese name. */
  name: string;
}

/** A breakdown of an indicator's value by category (by age group, by type of club, …). */
export interface Disaggregation {
  code: string;
  /** Vietnamese name. */
  name: string;
  categories: DisaggregationCategory[];
}

/** "Per-unit minimum at a level": units at `level` whose value is ≥ `minimum` count as meeting it. */
export interface CoverageConfig {
  level: string;
  minimum: number;
}

export interface IndicatorBounds {
  min?: number;
  max?: number;
}

export interface IndicatorDefinition {
  /** UPPER_SNAKE, stable: stored in rollups and referenced by rules. */
  code: string;
  /** Vietnamese name. */
  name: string;
  nameEn: string;
  /** Unit of measure as users write it: người, hộ, mô hình, %, đồng, cơ sở, lượt, văn bản, … */
  unit: string;
  valueType: ValueType;
  kind: IndicatorKind;
  /** Id of a registered aggregation method. */
  aggregation: AggregationId;
  /** For `average`: the code of the indicator whose value weights each unit (e.g. HOI_VIEN). */
  weightIndicator?: string;
  /** For `coverage`: the level and the minimum each unit must reach. */
  coverage?: CoverageConfig;
  disaggregations?: Disaggregation[];
  bounds?: IndicatorBounds;
  /** True for the central union's national set that every tenant reports. */
  national: boolean;
  description?: string;
}
