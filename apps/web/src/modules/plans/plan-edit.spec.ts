import { blankPlan, byMonth, editPlan, linesToList, linksByTarget, monthsOf, pendingSuggestions, prefillIndicators } from './plan-edit';
import { activityState, changePathLabel, changeValue, describeChange, periodKindLabel } from './labels';
import { dispositionFilename } from './api/plans.api';

describe('plan editing helpers', () => {
  it('edits a copy, never the plan given', () => {
    const plan = blankPlan('Kế hoạch A');
    const next = editPlan(plan, (d) => void d.purposes.push('Mục đích 1'));
    expect(plan.purposes).toEqual([]);
    expect(next.purposes).toEqual(['Mục đích 1']);
  });

  it('reads one item per line, dropping blank lines', () => {
    expect(linesToList('  a \n\n b\r\n')).toEqual(['a', 'b']);
  });

  it('prefills each target with its best suggestion when confident enough, keeping a choice already made', () => {
    const plan = editPlan(blankPlan('x'), (d) => {
      d.targets.push({ text: 'Trên 90% hội viên được tuyên truyền', value: 90, unit: '%', comparator: 'gt', level: null });
      d.targets.push({ text: 'Mỗi cơ sở có 01 mô hình', value: 1, unit: 'mô hình', comparator: 'gte', level: null });
      d.targets.push({ text: 'Tổ chức 3 sự kiện', value: 3, unit: 'sự kiện', comparator: null, level: null, indicatorCode: 'CHON_SAN' });
    });
    const links = [
      { targetIndex: 0, code: 'HOI_VIEN', confidence: 0.6 },
      { targetIndex: 0, code: 'TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN', confidence: 0.97 },
      { targetIndex: 1, code: 'MO_HINH', confidence: 0.4 },
      { targetIndex: 2, code: 'CHUONG_TRINH_SU_KIEN', confidence: 0.9 },
    ];
    expect(linksByTarget(links).get(0)!.map((l) => l.code)).toEqual(['TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN', 'HOI_VIEN']);
    const filled = prefillIndicators(plan, links);
    expect(filled.targets.map((t) => t.indicatorCode ?? null)).toEqual(['TY_LE_HOI_VIEN_DUOC_TUYEN_TRUYEN', null, 'CHON_SAN']);
    // 74 % is a suggestion to pick, not a choice made for the user (pre-filled from 80 % on).
    const unsure = prefillIndicators(plan, [{ targetIndex: 1, code: 'CO_SO_CO_MO_HINH', confidence: 0.74 }]);
    expect(unsure.targets[1]!.indicatorCode ?? null).toBeNull();
    expect(pendingSuggestions(unsure.targets[1]!, [{ targetIndex: 1, code: 'CO_SO_CO_MO_HINH', confidence: 0.74 }]).map((l) => l.code)).toEqual(['CO_SO_CO_MO_HINH']);
    expect(prefillIndicators(plan, [{ targetIndex: 1, code: 'CO_SO_CO_MO_HINH', confidence: 0.8 }]).targets[1]!.indicatorCode).toBe('CO_SO_CO_MO_HINH');
  });

  it('places activities in every month they overlap', () => {
    expect(monthsOf({ dateFrom: '2024-10-01', dateTo: '2024-12-31' }, 2024)).toEqual([10, 11, 12]);
    expect(monthsOf({ dateFrom: '2024-11-15', dateTo: '2024-12-15' }, 2024)).toEqual([11, 12]);
    expect(monthsOf({ dateFrom: '2023-04-01', dateTo: '2023-09-30' }, 2024)).toEqual([]);
    const months = byMonth([{ dateFrom: '2024-09-01', dateTo: '2024-09-30' }, { dateFrom: '2024-10-01', dateTo: '2024-12-31' }], 2024);
    expect([...months.entries()].filter(([, v]) => v.length).map(([m, v]) => [m, v.length])).toEqual([
      [9, 1],
      [10, 1],
      [11, 1],
      [12, 1],
    ]);
  });

  it('names the changes between versions in words', () => {
    expect(changePathLabel('targets[2].value', 'vi')).toBe('Chỉ tiêu 3 › giá trị');
    expect(changePathLabel('targets[2].value', 'en')).toBe('Target 3 › value');
    expect(changePathLabel('activities[0].time.from', 'vi')).toBe('Hoạt động 1 › thời gian › từ ngày');
    expect(changePathLabel('assignments[1].unit', 'vi')).toBe('Phân công 2 › đơn vị');
    expect(changePathLabel('sections[1].children[0].items[2]', 'vi')).toBe('Mục 2 › mục con 1 › ý 3');
    expect(changePathLabel('number', 'en')).toBe('Number');
    expect(changeValue(null)).toBe('(trống)');
    expect(changeValue(2500)).toBe('2.500');
    expect(changeValue('2024-09-30')).toBe('30/09/2024');
    expect(changeValue('x'.repeat(200))).toHaveLength(162);
    expect(periodKindLabel('half', 'vi')).toBe('Báo cáo 6 tháng');
  });

  it('reads the file name of a download (RFC 5987 first)', () => {
    expect(dispositionFilename(`attachment; filename="KH-13-BTV-2024.docx"; filename*=UTF-8''KH-13-BTV-2024.docx`, 'x')).toBe('KH-13-BTV-2024.docx');
    expect(dispositionFilename(`attachment; filename*=UTF-8''K%E1%BA%BF-ho%E1%BA%A1ch.docx`, 'x')).toBe('Kế-hoạch.docx');
    expect(dispositionFilename('attachment; filename="a.docx"', 'x')).toBe('a.docx');
    expect(dispositionFilename(null, 'x.docx')).toBe('x.docx');
  });

  it('describes a change in words, in Vietnamese and in English', () => {
    expect(describeChange({ path: 'targets[2].value', before: 18, after: 20, kind: 'changed' }, 'vi')).toEqual({ label: 'Chỉ tiêu 3 › giá trị', text: '18 → 20' });
    const activity = { name: 'Hội thi “Phụ nữ với nông thôn mới”', time: { text: 'Tháng 9/2024', from: '2024-09-01', to: '2024-09-30' }, leadUnits: [], cooperatingUnits: [] };
    expect(describeChange({ path: 'activities[15]', before: undefined, after: activity, kind: 'added' }, 'vi')).toEqual({ label: 'Hoạt động mới', text: '“Hội thi “Phụ nữ với nông thôn mới””, Tháng 9/2024' });
    expect(describeChange({ path: 'activities[15]', before: undefined, after: activity, kind: 'added' }, 'en').label).toBe('New activity');
    expect(describeChange({ path: 'activities[2]', before: { ...activity, time: { text: null, from: '2024-03-08', to: '2024-03-08' } }, after: undefined, kind: 'removed' }, 'vi')).toEqual({ label: 'Bỏ hoạt động 3', text: '“Hội thi “Phụ nữ với nông thôn mới””, 08/03/2024' });
    expect(describeChange({ path: 'reportingObligations[0]', before: undefined, after: { periodKind: 'half', deadline: '13/06', reportTo: null }, kind: 'added' }, 'vi').text).toBe('Báo cáo 6 tháng (trước 13/06)');
  });

  it('tells an overdue activity from a planned one', () => {
    const today = new Date(2024, 9, 15);
    expect(activityState('planned', '2024-09-30', today)).toBe('overdue');
    expect(activityState('planned', '2024-12-31', today)).toBe('planned');
    expect(activityState('done', '2024-09-30', today)).toBe('done');
    expect(activityState('planned', null, today)).toBe('planned');
  });
});
