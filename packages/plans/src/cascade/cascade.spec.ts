import { readSeed } from '../__tests__/fixtures';
import { exportPlanText } from '../export/docx';
import { importPlanText } from '../import/importer';
import { assignmentConcerns, derivePlan, validateAllocation } from './cascade';

describe('derivePlan', () => {
  const parent = importPlanText(readSeed(4)).plan;
  const child = derivePlan(parent, 'Hội LHPN huyện Đông Anh');

  it('adds the parent plan as a legal basis', () => {
    expect(child.legalBases).toHaveLength(parent.legalBases.length + 1);
    expect(child.legalBases.at(-1)).toMatchObject({
      kind: 'Kế hoạch',
      number: '13/KH-BTV',
      date: '2024-01-24',
      issuer: 'Ban Thường vụ Hội LHPN Hà Nội',
      introducedBy: 'Căn cứ',
    });
  });

  it('inherits targets, activities and reporting obligations, as an unnumbered draft', () => {
    expect(child.number).toBeNull();
    expect(child.issuedOn).toBeNull();
    expect(child.issuer).toBe('Ban Thường vụ Hội LHPN huyện Đông Anh');
    expect(child.targets).toEqual(parent.targets);
    expect(child.activities).toEqual(parent.activities);
    expect(child.reportingObligations.map((o) => [o.periodKind, o.deadline, o.reporter])).toEqual([
      ['half', '13/06', 'Hội LHPN huyện Đông Anh'],
      ['year', '30/10', 'Hội LHPN huyện Đông Anh'],
    ]);
    child.targets[0]!.value = 99;
    expect(parent.targets[0]?.value).toBe(1);
  });

  it('gives the child the parent’s tasks for its level', () => {
    expect(child.assignments).toHaveLength(1);
    expect(child.assignments[0]?.unit).toBe('Hội LHPN huyện Đông Anh');
    expect(child.assignments[0]?.tasks).toEqual(parent.assignments.find((a) => a.unit === 'Hội LHPN các huyện, thị xã')?.tasks);
  });

  it('exports and re-imports as a plan citing its parent', () => {
    const back = importPlanText(exportPlanText(child)).plan;
    expect(back.legalBases.map((b) => b.number)).toEqual(['1843/QĐ-UBND', '12/HD-BTV', '13/KH-BTV']);
    expect(back.targets.map((t) => t.value)).toEqual(parent.targets.map((t) => t.value));
    expect(back.reportingObligations).toEqual(child.reportingObligations);
  });

  it('matches units to assignments by level', () => {
    expect(assignmentConcerns('Hội LHPN các quận, huyện, thị xã', 'Hội LHPN quận Ba Đình')).toBe(true);
    expect(assignmentConcerns('Ban Tuyên giáo', 'Hội LHPN quận Ba Đình')).toBe(false);
    expect(assignmentConcerns('Ủy ban nhân dân các huyện, thị xã', 'Hội LHPN huyện Đông Anh')).toBe(false);
  });
});

describe('validateAllocation', () => {
  it('accepts allocations that add up', () => {
    expect(validateAllocation(2500, [{ unitId: 'a', value: 1000 }, { unitId: 'b', value: 1500 }])).toEqual({
      valid: true,
      total: 2500,
      allocated: 2500,
      difference: 0,
      errors: [],
    });
    expect(validateAllocation(0.3, [{ unitId: 'a', value: 0.1 }, { unitId: 'b', value: 0.2 }]).valid).toBe(true);
  });

  it('names the shortfall or the excess', () => {
    const short = validateAllocation(2500, [{ unitId: 'a', value: 1000 }, { unitId: 'b', value: 1450 }]);
    expect(short).toMatchObject({ valid: false, allocated: 2450, difference: -50 });
    expect(short.errors).toEqual(['Tổng phân bổ 2.450 nhỏ hơn chỉ tiêu 2.500: thiếu 50.']);
    const over = validateAllocation(1000, [{ unitId: 'a', value: 1200.5 }]);
    expect(over.errors).toEqual(['Tổng phân bổ 1.200,5 lớn hơn chỉ tiêu 1.000: thừa 200,5.']);
  });

  it('reports duplicated units and bad values', () => {
    const r = validateAllocation(10, [
      { unitId: 'a', value: 5 },
      { unitId: 'a', value: 5 },
      { unitId: 'b', value: -1 },
      { unitId: 'c', value: Number.NaN },
    ]);
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual(
      expect.arrayContaining(['Đơn vị a được phân bổ nhiều lần.', 'Giá trị phân bổ của đơn vị b âm: -1.', 'Giá trị phân bổ của đơn vị c không hợp lệ: NaN.']),
    );
  });
});
