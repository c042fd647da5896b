import fc from 'fast-check';
import { comparePeriods, containsPeriod, enclosingPeriod, makePeriodId, nextPeriod, parsePeriod, PeriodKind, periodsWithin, previousPeriod } from './period';
import { formatPeriodVi, parsePeriodVi } from './period-format';

const perYear: Record<PeriodKind, number> = { year: 1, half: 2, quarter: 4, month: 12 };
const kindArb = fc.constantFrom<PeriodKind>('year', 'half', 'quarter', 'month');
const periodArb = fc
  .record({ kind: kindArb, year: fc.integer({ min: 1900, max: 2200 }), seed: fc.nat() })
  .map(({ kind, year, seed }) => makePeriodId(kind, year, (seed % perYear[kind]) + 1));

describe('period laws (property-based)', () => {
  it('every month of a quarter is within it, within its half and within its year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 4 }), (year, q) => {
        const quarter = makePeriodId('quarter', year, q);
        const half = enclosingPeriod(quarter, 'half');
        for (const month of periodsWithin(quarter, 'month')) {
          expect(containsPeriod(quarter, month)).toBe(true);
          expect(containsPeriod(half, month)).toBe(true);
          expect(containsPeriod(String(year), month)).toBe(true);
          expect(periodsWithin(half, 'month')).toContain(month);
        }
      }),
    );
  });

  it('sub-periods tile their period: contiguous, no gap, same first and last day', () => {
    fc.assert(
      fc.property(periodArb, kindArb, (id, kind) => {
        const outer = parsePeriod(id);
        if (perYear[kind] < perYear[outer.kind]) return;
        const parts = periodsWithin(id, kind).map(parsePeriod);
        expect(parts[0]?.start).toBe(outer.start);
        expect(parts[parts.length - 1]?.end).toBe(outer.end);
        for (let i = 1; i < parts.length; i += 1) {
          expect(nextPeriod(parts[i - 1]?.id ?? '')).toBe(parts[i]?.id);
        }
      }),
    );
  });

  it('ordering is consistent with start dates and antisymmetric', () => {
    fc.assert(
      fc.property(periodArb, periodArb, (a, b) => {
        const pa = parsePeriod(a);
        const pb = parsePeriod(b);
        const c = comparePeriods(a, b);
        if (pa.start < pb.start) expect(c).toBeLessThan(0);
        if (pa.start > pb.start) expect(c).toBeGreaterThan(0);
        expect(Math.sign(comparePeriods(b, a)) + Math.sign(c)).toBe(0);
        expect(c === 0).toBe(a === b);
      }),
    );
  });

  it('an outer period comes before (or is) everything it contains', () => {
    fc.assert(
      fc.property(periodArb, periodArb, (a, b) => {
        if (containsPeriod(a, b)) expect(comparePeriods(a, b)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('next and previous are inverse and move forward in time', () => {
    fc.assert(
      fc.property(periodArb, (id) => {
        expect(previousPeriod(nextPeriod(id))).toBe(id);
        expect(comparePeriods(id, nextPeriod(id))).toBeLessThan(0);
      }),
    );
  });

  it('parse∘format round-trips ids (id → parsed → id, id → Vietnamese → id)', () => {
    fc.assert(
      fc.property(periodArb, (id) => {
        const p = parsePeriod(id);
        expect(makePeriodId(p.kind, p.year, p.index)).toBe(id);
        expect(parsePeriodVi(formatPeriodVi(id))).toBe(id);
      }),
    );
  });
});
