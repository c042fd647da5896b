import type { IndicatorDefinition } from '../indicators/indicator-definition';
import { TargetError } from '../shared/errors';
import { evaluateTarget } from './evaluate-target';
import { AT_RISK_MIN_PROGRESS, ON_TRACK_MIN_PROGRESS, Target, TARGET_STATUSES, TARGET_STATUS_LABELS_EN, TARGET_STATUS_LABELS_VI } from './target';

const newMembers: IndicatorDefinition = {
  code: 'HOI_VIEN_MOI',
  name: 'Số hội viên mới',
  nameEn: 'New members',
  unit: 'người',
  valueType: 'integer',
  kind: 'flow',
  aggregation: 'sum',
  national: true,
};
const members: IndicatorDefinition = { ...newMembers, code: 'HOI_VIEN', kind: 'stock' };
const reached: IndicatorDefinition = { ...newMembers, code: 'TY_LE', valueType: 'percentage', kind: 'stock', aggregation: 'ratio' };
const violence: IndicatorDefinition = { ...newMembers, code: 'VU_BAO_LUC' };

const target = (over: Partial<Target>): Target => ({
  indicatorCode: 'HOI_VIEN_MOI',
  comparator: 'gte',
  value: 2500,
  scope: { unitId: 'da-nang' },
  period: '2023',
  ...over,
});

// 2023 has 365 days; 2023-07-02 is the 183rd: share ≈ 0.501.
const MID_YEAR = { asOf: '2023-07-02' };

describe('evaluateTarget — flows are prorated', () => {
  it('is on track with half the target at mid-year', () => {
    const r = evaluateTarget(target({}), newMembers, 1260, MID_YEAR);
    expect(r.elapsedShare).toBeCloseTo(183 / 365);
    expect(r.expected).toBeCloseTo(2500 * (183 / 365));
    expect(r.achievementPct).toBeCloseTo(50.4);
    expect(r.status).toBe('on_track');
  });

  it('is at risk at 70–90% of the prorated target and off track below', () => {
    const expected = 2500 * (183 / 365);
    expect(evaluateTarget(target({}), newMembers, Math.ceil(expected * 0.8), MID_YEAR).status).toBe('at_risk');
    expect(evaluateTarget(target({}), newMembers, Math.floor(expected * 0.6), MID_YEAR).status).toBe('off_track');
    expect(evaluateTarget(target({}), newMembers, Math.ceil(expected * ON_TRACK_MIN_PROGRESS), MID_YEAR).status).toBe('on_track');
    expect(evaluateTarget(target({}), newMembers, Math.ceil(expected * AT_RISK_MIN_PROGRESS), MID_YEAR).status).toBe('at_risk');
  });

  it('is achieved as soon as the full target is reached', () => {
    const r = evaluateTarget(target({}), newMembers, 2600, MID_YEAR);
    expect(r.status).toBe('achieved');
    expect(r.achievementPct).toBeCloseTo(104);
  });

  it('is off track once the period is over and not achieved', () => {
    expect(evaluateTarget(target({}), newMembers, 2400, { asOf: '2024-01-05' }).status).toBe('off_track');
  });

  it('uses the reporting calendar: the year closes on 30/10', () => {
    const r = evaluateTarget(target({ period: '2024' }), newMembers, 2000, { asOf: '2024-10-30', calendar: { yearEnd: '10-30' } });
    expect(r.elapsedShare).toBe(1);
    expect(r.status).toBe('off_track');
  });

  it('is on track before the period starts', () => {
    expect(evaluateTarget(target({}), newMembers, 0, { asOf: '2022-12-01' }).status).toBe('on_track');
  });

  it('gt needs more than the value', () => {
    expect(evaluateTarget(target({ comparator: 'gt', value: 90 }), newMembers, 90, { asOf: '2024-02-01' }).status).toBe('off_track');
    expect(evaluateTarget(target({ comparator: 'gt', value: 90 }), newMembers, 91, { asOf: '2024-02-01' }).status).toBe('achieved');
  });
});

describe('evaluateTarget — stocks, ratios and coverage use the current value', () => {
  it('compares a ratio with the target itself', () => {
    const t = target({ indicatorCode: 'TY_LE', comparator: 'gt', value: 90 });
    expect(evaluateTarget(t, reached, 91, MID_YEAR).status).toBe('achieved');
    expect(evaluateTarget(t, reached, 85, MID_YEAR)).toMatchObject({ status: 'on_track', expected: 90 });
    expect(evaluateTarget(t, reached, 70, MID_YEAR).status).toBe('at_risk');
    expect(evaluateTarget(t, reached, 50, MID_YEAR).status).toBe('off_track');
  });

  it('does not prorate a stock', () => {
    const r = evaluateTarget(target({ indicatorCode: 'HOI_VIEN', value: 10000 }), members, 6000, MID_YEAR);
    expect(r.expected).toBe(10000);
    expect(r.status).toBe('off_track');
  });
});

describe('evaluateTarget — approx and eq', () => {
  it('"khoảng 2.500" accepts ±10% by default', () => {
    const t = target({ comparator: 'approx' });
    expect(evaluateTarget(t, newMembers, 2250, { asOf: '2024-01-01' }).status).toBe('achieved');
    expect(evaluateTarget(t, newMembers, 2750, { asOf: '2024-01-01' }).status).toBe('achieved');
    expect(evaluateTarget(t, newMembers, 2249, { asOf: '2024-01-01' }).status).toBe('off_track');
    expect(evaluateTarget({ ...t, tolerancePct: 20 }, newMembers, 2100, { asOf: '2024-01-01' }).status).toBe('achieved');
  });

  it('treats overshooting an exact target by how close it still is', () => {
    const t = target({ indicatorCode: 'HOI_VIEN', comparator: 'eq', value: 100 });
    expect(evaluateTarget(t, members, 100, MID_YEAR).status).toBe('achieved');
    expect(evaluateTarget(t, members, 105, MID_YEAR).status).toBe('on_track');
    expect(evaluateTarget(t, members, 200, MID_YEAR).status).toBe('off_track');
  });
});

describe('evaluateTarget — lte (ceilings)', () => {
  const ceiling = target({ indicatorCode: 'VU_BAO_LUC', comparator: 'lte', value: 10 });

  it('is achieved only at the end of the period for a flow', () => {
    expect(evaluateTarget(ceiling, violence, 3, MID_YEAR)).toMatchObject({ status: 'on_track', achievementPct: 100 });
    expect(evaluateTarget(ceiling, violence, 8, { asOf: '2024-01-01' })).toMatchObject({ status: 'achieved', achievementPct: 100 });
  });

  it('is off track at once when a flow passes its ceiling, with inverted achievement', () => {
    expect(evaluateTarget(ceiling, violence, 20, MID_YEAR)).toMatchObject({ status: 'off_track', achievementPct: 50 });
  });

  it('is at risk mid-period when running above the prorated ceiling', () => {
    // prorated ceiling ≈ 5.01; 6 cases → 5.01/6 ≈ 0.84
    expect(evaluateTarget(ceiling, violence, 6, MID_YEAR).status).toBe('at_risk');
  });

  it('compares a stock ceiling with its current value', () => {
    const rate = target({ indicatorCode: 'TY_LE', comparator: 'lte', value: 5 });
    expect(evaluateTarget(rate, reached, 4, MID_YEAR).status).toBe('achieved');
    expect(evaluateTarget(rate, reached, 5.5, MID_YEAR).status).toBe('on_track');
    expect(evaluateTarget(rate, reached, 5.5, { asOf: '2024-02-01' }).status).toBe('off_track');
  });
});

describe('evaluateTarget — no data and bad input', () => {
  it('reports no data', () => {
    expect(evaluateTarget(target({}), newMembers, null, MID_YEAR)).toMatchObject({ status: 'no_data', actual: null, achievementPct: null });
    expect(evaluateTarget(target({}), newMembers, Number.NaN, MID_YEAR).status).toBe('no_data');
  });

  it('handles a zero target', () => {
    expect(evaluateTarget(target({ value: 0 }), newMembers, 0, MID_YEAR)).toMatchObject({ status: 'achieved', achievementPct: 100 });
  });

  it('names the field in errors', () => {
    const cases: Array<[Target, IndicatorDefinition, string]> = [
      [target({ indicatorCode: 'HOI_VIEN' }), newMembers, 'indicatorCode'],
      [target({ value: Number.POSITIVE_INFINITY }), newMembers, 'value'],
      [target({ tolerancePct: -1 }), newMembers, 'tolerancePct'],
    ];
    for (const [t, d, field] of cases) {
      try {
        evaluateTarget(t, d, 1, MID_YEAR);
        throw new Error('should have thrown');
      } catch (e) {
        expect(e).toBeInstanceOf(TargetError);
        expect((e as TargetError).field).toBe(field);
      }
    }
    expect(() => evaluateTarget(target({ period: '2024Q5' }), newMembers, 1, MID_YEAR)).toThrow('"2024Q5"');
  });
});

describe('status labels', () => {
  it('has a Vietnamese and an English label for every status', () => {
    for (const s of TARGET_STATUSES) {
      expect(TARGET_STATUS_LABELS_VI[s]).toMatch(/\S/);
      expect(TARGET_STATUS_LABELS_EN[s]).toMatch(/\S/);
    }
    expect(TARGET_STATUS_LABELS_VI.achieved).toBe('Đã đạt');
  });
});
