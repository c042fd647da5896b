import type { AggregationMethod } from './aggregation-method';
import type { RollupParts } from './rollup-parts';

/** A parent updated in place, or a request to recompute it from its children. */
export type ChangeResult = { parts: RollupParts } | { recompute: true };

/**
 * The delta update of a parent when one child's parts change (a unit edits its report, or a subtree
 * is moved): new parent = combine(subtract(parent, oldChild), newChild). For a new child pass
 * `emptyParts()` as the old one; for a removed child, as the new one.
 *
 * Returns `{ recompute: true }` when the method cannot be corrected by a delta (min, max, latest) or
 * the old child was not part of the parent; the caller then recomputes the touched parents from their
 * children — the same answer, at the cost of reading the siblings.
 */
export function applyChange(
  parentParts: RollupParts,
  oldChildParts: RollupParts,
  newChildParts: RollupParts,
  method: AggregationMethod,
): ChangeResult {
  const without = method.subtract(parentParts, oldChildParts);
  if (without === null) return { recompute: true };
  return { parts: method.combine(without, newChildParts) };
}

export function needsRecompute(result: ChangeResult): result is { recompute: true } {
  return 'recompute' in result;
}
