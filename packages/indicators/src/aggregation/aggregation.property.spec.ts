import fc from 'fast-check';
import type { BuiltInAggregationId } from './aggregation-method';
import { applyChange } from './apply-change';
import { getAggregationMethod } from './registry';
import { emptyParts, RollupParts, UnitValue } from './rollup-parts';
import { TEST_DEFS } from './__tests__/test-definitions';

/**
 * The laws that make rollups safe to store and update:
 * 1. any grouping of units into subtrees (and any order) gives the same parts as a flat rollup;
 * 2. applying the deltas of any sequence of edits gives what recomputing from scratch gives, and the
 *    methods that cannot be corrected by a delta say so.
 * Values are integers so that equality is exact (floating-point sums of integers are exact).
 */
const METHODS: BuiltInAggregationId[] = ['sum', 'ratio', 'average', 'min', 'max', 'coverage', 'latest'];
const DELTA_SAFE: BuiltInAggregationId[] = ['sum', 'ratio', 'average', 'coverage'];

const int = fc.integer({ min: -1000, max: 1000 });
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 5 });

const UNIT_VALUE: Record<BuiltInAggregationId, fc.Arbitrary<UnitValue>> = {
  sum: fc.record({ value: maybe(int) }),
  min: fc.record({ value: maybe(int) }),
  max: fc.record({ value: maybe(int) }),
  ratio: fc.oneof(
    fc.constant({}),
    fc.nat({ max: 1000 }).chain((denominator) => fc.record({ numerator: fc.nat({ max: denominator }), denominator: fc.constant(denominator) })),
  ),
  average: fc.record({ value: maybe(int), weight: fc.nat({ max: 100 }) }),
  coverage: fc.record({ value: maybe(fc.nat({ max: 5 })), level: fc.constantFrom('grassroots', 'district') }),
  latest: fc.record({
    value: maybe(int),
    period: fc.constantFrom('202401', '202402', '2024Q1', '2024Q2', '2024S1', '2024', '2023'),
  }),
};

/** A small deterministic PRNG so that fast-check's seed drives the random tree shape. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/** Rolls parts up through a random tree: shuffle, cut into random groups, recurse on each group. */
function randomTreeRollup(parts: RollupParts[], combine: (a: RollupParts, b: RollupParts) => RollupParts, rand: () => number): RollupParts {
  if (parts.length === 0) return emptyParts();
  if (parts.length === 1) return parts[0] ?? emptyParts();
  const shuffled = [...parts];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as RollupParts, shuffled[i] as RollupParts];
  }
  const groups: RollupParts[][] = [];
  let current: RollupParts[] = [];
  for (const p of shuffled) {
    current.push(p);
    if (rand() < 0.4) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  // Avoid infinite recursion when everything landed in one group: then split it in two.
  if (groups.length === 1) {
    const mid = Math.ceil(shuffled.length / 2);
    groups.splice(0, 1, shuffled.slice(0, mid), shuffled.slice(mid));
  }
  return groups.map((g) => randomTreeRollup(g, combine, rand)).reduce((acc, p) => combine(acc, p), emptyParts());
}

describe.each(METHODS)('aggregation laws — %s', (id) => {
  const method = getAggregationMethod(id);
  const def = TEST_DEFS[id];
  const flat = (units: UnitValue[]): RollupParts =>
    units.reduce((acc, u) => method.combine(acc, method.fromUnitValue(u, def)), emptyParts());

  it('any grouping of units into subtrees gives the flat rollup', () => {
    fc.assert(
      fc.property(fc.array(UNIT_VALUE[id], { maxLength: 40 }), fc.integer(), (units, seed) => {
        const leaves = units.map((u) => method.fromUnitValue(u, def));
        const tree = randomTreeRollup(leaves, method.combine, prng(seed));
        const expected = flat(units);
        expect(tree).toEqual(expected);
        expect(method.value(tree)).toEqual(method.value(expected));
      }),
      { numRuns: 200 },
    );
  });

  it('combine is commutative with emptyParts() as neutral element', () => {
    fc.assert(
      fc.property(UNIT_VALUE[id], UNIT_VALUE[id], (a, b) => {
        const pa = method.fromUnitValue(a, def);
        const pb = method.fromUnitValue(b, def);
        expect(method.combine(pa, pb)).toEqual(method.combine(pb, pa));
        expect(method.combine(pa, emptyParts())).toEqual(pa);
      }),
    );
  });

  it('delta updates over any sequence of edits equal recomputing from scratch', () => {
    const GROUPS = 3;
    const edit = fc.record({ leaf: fc.nat(), value: UNIT_VALUE[id] });
    fc.assert(
      fc.property(fc.array(UNIT_VALUE[id], { minLength: 1, maxLength: 15 }), fc.array(edit, { maxLength: 20 }), (units, edits) => {
        // root ← GROUPS parents ← leaves (leaf i under parent i % GROUPS)
        const leaves = units.map((u) => method.fromUnitValue(u, def));
        const childrenOf = (g: number): RollupParts[] => leaves.filter((_, i) => i % GROUPS === g);
        const recompute = (parts: RollupParts[]): RollupParts => parts.reduce((acc, p) => method.combine(acc, p), emptyParts());
        const parents = Array.from({ length: GROUPS }, (_, g) => recompute(childrenOf(g)));
        let root = recompute(parents);

        for (const e of edits) {
          const i = e.leaf % leaves.length;
          const g = i % GROUPS;
          const oldLeaf = leaves[i] ?? emptyParts();
          const newLeaf = method.fromUnitValue(e.value, def);
          leaves[i] = newLeaf;

          const oldParent = parents[g] ?? emptyParts();
          const p = applyChange(oldParent, oldLeaf, newLeaf, method);
          if (DELTA_SAFE.includes(id)) expect('parts' in p).toBe(true);
          else expect(p).toEqual({ recompute: true });
          const newParent = 'parts' in p ? p.parts : recompute(childrenOf(g));
          parents[g] = newParent;

          const r = applyChange(root, oldParent, newParent, method);
          root = 'parts' in r ? r.parts : recompute(parents);
        }

        for (let g = 0; g < GROUPS; g += 1) expect(parents[g]).toEqual(recompute(childrenOf(g)));
        expect(root).toEqual(recompute(leaves));
        expect(method.value(root)).toEqual(method.value(recompute(leaves)));
      }),
      { numRuns: 200 },
    );
  });
});
