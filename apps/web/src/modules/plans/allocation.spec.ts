import { allocatableTargets, allocationSum } from './allocation';

const target = (value: number | null, unit: string | null, aggregation?: 'total' | 'ratio' | 'perUnitMinimum') =>
  ({ text: 't', value, unit, comparator: null, level: null, aggregation }) as never;

describe('allocation', () => {
  it('offers only numeric totals', () => {
    const targets = [target(2500, 'hội viên'), target(90, '%'), target(null, null), target(1, 'mô hình', 'perUnitMinimum'), target(1000, 'hộ', 'total')];
    expect(allocatableTargets(targets).map((t) => t.index)).toEqual([0, 4]);
  });

  it('adds up the inputs against the target, empty inputs counting as nothing', () => {
    expect(allocationSum(2500, [1000, 1400, null])).toEqual({ allocated: 2400, difference: -100, balanced: false });
    expect(allocationSum(2500, [1000, 1550])).toMatchObject({ difference: 50, balanced: false });
    expect(allocationSum(0.3, [0.1, 0.2])).toMatchObject({ balanced: true });
  });
});
