import { NATIONAL_NARRATIVE_HEADINGS, PLAN_REPORT_HEADINGS, putReportValuesSchema } from '@sen/contracts';
import { narrativeSections, toNarrativeBody } from './narrative';

describe('the narrative of a report', () => {
  it("offers the form's headings, then any other heading the stored text has (so it is neither hidden nor lost)", () => {
    expect(narrativeSections(NATIONAL_NARRATIVE_HEADINGS, null).map((s) => s.key)).toEqual([...NATIONAL_NARRATIVE_HEADINGS]);
    const sections = narrativeSections(PLAN_REPORT_HEADINGS, { 'Kết quả thực hiện': 'x', 'Ý kiến khác': 'y' });
    expect(sections.map((s) => [s.key, s.standard])).toEqual([
      ['Công tác chỉ đạo, triển khai', true],
      ['Kết quả thực hiện', true],
      ['Khó khăn, vướng mắc', true],
      ['Đề xuất, kiến nghị', true],
      ['Ý kiến khác', false],
    ]);
  });

  it('sends the texts trimmed and leaves empty sections out', () => {
    const body = toNarrativeBody({ 'Kết quả nổi bật': '  Kết nạp 80 hội viên.\n', 'Tồn tại, hạn chế': '   ', 'Đề xuất, kiến nghị': undefined }, null);
    expect(body).toEqual({ 'Kết quả nổi bật': 'Kết nạp 80 hội viên.' });
    expect(putReportValuesSchema.safeParse({ values: [], narrative: body }).success).toBe(true);
  });

  it('sends nothing while there is no narrative and none was typed, and an empty one to clear a stored narrative', () => {
    expect(toNarrativeBody({ results: '' }, null)).toBeUndefined();
    expect(toNarrativeBody(undefined, {})).toBeUndefined();
    expect(toNarrativeBody({ results: ' ' }, { results: 'cũ' })).toEqual({});
  });
});
