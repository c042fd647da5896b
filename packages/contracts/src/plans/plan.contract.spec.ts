import { createPlanSchema, isCalendarDate, planCalendarQuerySchema, planContentSchema, updatePlanSchema } from './plan.contract';

describe('plan contract', () => {
  const plan = { title: 'Kế hoạch năm 2024', number: '13/KH-BTV', issuedOn: '2024-01-24', targets: [{ text: 'ít nhất 18 mô hình', value: 18, unit: 'mô hình', comparator: 'gte', level: null, extra: 1 }] };

  it('takes the plan wrapped ({plan}) or flat, keeps unknown extra fields and fills the lists', () => {
    const wrapped = createPlanSchema.parse({ plan, unitId: '14', warnings: ['x'] });
    const flat = createPlanSchema.parse({ ...plan, unitId: '14' });
    const { warnings: _ignored, ...rest } = wrapped;
    expect(flat).toEqual(rest);
    expect(wrapped.unitId).toBe('14');
    expect(wrapped.plan.targets[0]).toMatchObject({ extra: 1, value: 18 });
    expect(wrapped.plan.activities).toEqual([]);
    expect(wrapped.plan.signatory).toEqual({ onBehalfOf: null, title: null, name: null });
    expect(updatePlanSchema.parse({ ...plan, expectedVersion: 2 }).expectedVersion).toBe(2);
  });

  it('names the wrong fields', () => {
    const res = createPlanSchema.safeParse({ plan: { title: '', sections: [{ heading: 1 }] }, unitId: 'x', other: true });
    expect(res.success).toBe(false);
    expect(res.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['', 'plan.sections.0.heading', 'plan.title', 'unitId']);
  });

  it('accepts only real dates where the database stores them', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('1800-01-01')).toBe(false);
    expect(planContentSchema.safeParse({ ...plan, issuedOn: '2024-13-01' }).success).toBe(false);
    expect(planCalendarQuerySchema.safeParse({ from: '2024-12-31', to: '2024-01-01' }).success).toBe(false);
  });
});
