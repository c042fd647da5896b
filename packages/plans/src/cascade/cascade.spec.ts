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
    expect(child.activities.map((a) => [a.name, a.time])).toEqual(parent.activities.map((a) => [a.name, a.time]));
    expect(child.reportingObligations.map((o) => [o.periodKind, o.deadline, o.reporter])).toEqual([
      ['half', '13/06', 'Hội LHPN huyện Đông Anh'],
      ['year', '30/10', 'Hội LHPN huyện Đông Anh'],
    ]);
    child.targets[0]!.value = 99;
    expect(parent.targets[0]?.value).toBe(1);
  });

  it('gives the child the parent’s tasks for its level', () => {
    expect(child.assignments).toHaveLength(1);
    expect(child.assignments[0]).toMatchObject({ unit: 'Hội LHPN huyện Đông Anh', role: 'lead' });
    expect(child.assignments[0]?.tasks).toEqual(parent.assignments.find((a) => a.unit === 'Hội LHPN các huyện, thị xã')?.tasks);
  });

  it('makes the activities of the districts the child’s own, and keeps the city’s as they are', () => {
    const districts = parent.activities.filter((a) => a.leadUnits.includes('Hội LHPN các huyện, thị xã'));
    expect(districts.length).toBeGreaterThan(3);
    for (const a of districts) expect(child.activities.find((c) => c.name === a.name)?.leadUnits).toEqual(['Hội LHPN huyện Đông Anh']);
    const contest = child.activities.find((a) => a.name.startsWith('Tổ chức cuộc thi trực tuyến'));
    expect(contest?.leadUnits).toEqual(['Ban Hỗ trợ phụ nữ phát triển kinh tế Hội LHPN Hà Nội']);
  });

  it('leaves the parent’s departments and outside bodies out of the child’s assignments', () => {
    expect(child.assignments.map((a) => a.unit)).toEqual(['Hội LHPN huyện Đông Anh']);
    expect(child.reportingObligations[0]?.reportTo).toBe('Ban Hỗ trợ phụ nữ phát triển kinh tế Hội LHPN Hà Nội');
  });

  it('exports and re-imports as a plan citing its parent', () => {
    const back = importPlanText(exportPlanText(child)).plan;
    expect(back.legalBases.map((b) => b.number)).toEqual(['1843/QĐ-UBND', '12/HD-BTV', '13/KH-BTV']);
    expect(back.targets.map((t) => t.value)).toEqual(parent.targets.map((t) => t.value));
    expect(back.reportingObligations).toEqual(child.reportingObligations);
  });

  it('matches units to assignments by level, however the union is spelled', () => {
    expect(assignmentConcerns('Hội LHPN các quận, huyện, thị xã', 'Hội LHPN quận Ba Đình')).toBe(true);
    expect(assignmentConcerns('Hội LHPN các huyện, thị xã', 'Hội Liên hiệp Phụ nữ huyện Sóc Sơn')).toBe(true);
    expect(assignmentConcerns('Hội LHPN quận, huyện, thị xã, đơn vị trực thuộc, các tổ chức thành viên và cơ sở Hội', 'Hội LHPN phường Hồng Hà')).toBe(true);
    expect(assignmentConcerns('Các cấp Hội', 'Hội LHPN xã Đông Anh')).toBe(true);
    expect(assignmentConcerns('Hội LHPN các huyện, thị xã', 'Hội LHPN phường Hồng Hà')).toBe(false);
    expect(assignmentConcerns('Ban Tuyên giáo', 'Hội LHPN quận Ba Đình')).toBe(false);
    expect(assignmentConcerns('Ban Tuyên giáo Hội LHPN Hà Nội', 'Ban Tuyên giáo')).toBe(true);
    expect(assignmentConcerns('Ủy ban nhân dân các huyện, thị xã', 'Hội LHPN huyện Đông Anh')).toBe(false);
  });
});

describe('derivePlan for a commune union (the district level abolished on 1 July 2025)', () => {
  const city2024 = importPlanText(readSeed(4)).plan;
  const districtsTasks = city2024.assignments.find((a) => a.unit === 'Hội LHPN các huyện, thị xã')?.tasks;

  it('gives a ward the tasks the city gave the districts, as its own', () => {
    const ward = derivePlan(city2024, 'Hội LHPN phường Hồng Hà');
    expect(ward.assignments).toEqual([{ unit: 'Hội LHPN phường Hồng Hà', role: 'lead', tasks: districtsTasks }]);
    expect(ward.activities.find((a) => a.name.startsWith('Tổ chức các hội chợ'))?.leadUnits).toEqual(['Hội LHPN phường Hồng Hà']);
  });

  it('takes the level from the unit tree when the caller knows it', () => {
    const commune = derivePlan(city2024, 'Hội LHPN Đông Anh', { childLevel: 'grassroots' });
    expect(commune.assignments[0]?.tasks).toEqual(districtsTasks);
    expect(derivePlan(city2024, 'Hội LHPN Đông Anh').assignments).toEqual([]); // no level word, no tree: unknown
  });

  it('uses the tasks a plan gives the child’s own level when it has them', () => {
    const conference = importPlanText(readSeed(2)).plan; // "… các tổ chức thành viên và cơ sở Hội"
    const ward = derivePlan(conference, 'Hội LHPN phường Hồng Hà');
    expect(ward.assignments).toHaveLength(1);
    expect(ward.assignments[0]?.tasks[0]).toMatch(/^Tham gia chuẩn bị nội dung tham luận/u);
  });

  it('gives a branch nothing from a plan that addresses only the districts (two levels above it)', () => {
    expect(derivePlan(city2024, 'Chi hội phụ nữ thôn Đoài').assignments).toEqual([]);
  });

  it('keeps the roles: tasks given as cooperation stay cooperation', () => {
    const parent = {
      ...city2024,
      assignments: [
        { unit: 'Hội LHPN các huyện, thị xã', role: 'lead' as const, tasks: ['Xây dựng kế hoạch tại địa phương.'] },
        { unit: 'Hội LHPN các quận, huyện', role: 'cooperating' as const, tasks: ['Phối hợp tổ chức hội chợ.'] },
      ],
    };
    expect(derivePlan(parent, 'Hội LHPN huyện Mê Linh').assignments).toEqual([
      { unit: 'Hội LHPN huyện Mê Linh', role: 'lead', tasks: ['Xây dựng kế hoạch tại địa phương.'] },
      { unit: 'Hội LHPN huyện Mê Linh', role: 'cooperating', tasks: ['Phối hợp tổ chức hội chợ.'] },
    ]);
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
