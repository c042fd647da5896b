import type { IndicatorDefinition } from '../indicators/indicator-definition';
import type { RollupParts, UnitValue } from './rollup-parts';

/** The methods shipped with the package. */
export type BuiltInAggregationId = 'sum' | 'ratio' | 'average' | 'min' | 'max' | 'coverage' | 'latest';

/**
 * The id of a registered method. Open to ids registered by other code (`string & {}` keeps editor
 * completion for the built-ins); `defineIndicator` checks the id against the registry.
 */
export type AggregationId = BuiltInAggregationId | (string & {});

/**
 * One way of rolling indicator values up the unit hierarchy. A method is a small module (one file in
 * src/aggregation/) registered in registry.ts; everything else — rollups, deltas, periods, targets —
 * works through this interface only.
 *
 * Laws every method must keep (the property tests check them for each registered method):
 * - `combine` is associative and commutative, with `emptyParts()` as neutral element, so a parent's
 *   parts are the same whatever the grouping of its subtree;
 * - when `subtract` returns parts, `combine(subtract(t, p), p)` has the same value as `t`.
 */
export interface AggregationMethod {
  readonly id: AggregationId;
  /** Vietnamese name, for screens that explain how a value was computed. */
  readonly nameVi: string;
  readonly nameEn: string;
  /**
   * True when values add up, over units and over time (sum). Targets on additive flows are prorated
   * by the elapsed share of the period; everything else is compared with its current value.
   */
  readonly additive: boolean;
  /** The contribution of one unit's reported value. */
  fromUnitValue(input: UnitValue, def: IndicatorDefinition): RollupParts;
  /** The parts of a parent from the parts of two disjoint groups of units. */
  combine(a: RollupParts, b: RollupParts): RollupParts;
  /**
   * Removes a child's old contribution from its parent, for delta updates: new parent =
   * combine(subtract(parent, oldChild), newChild). Null when the method cannot be corrected by a
   * delta (the old child may have been the minimum) — the caller then recomputes from the children.
   */
  subtract(total: RollupParts, part: RollupParts): RollupParts | null;
  /** The value shown to users; null when there is no data (or a ratio's denominator is 0). */
  value(parts: RollupParts): number | null;
}
