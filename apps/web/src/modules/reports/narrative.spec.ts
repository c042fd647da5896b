import { putReportValuesSchema } from '@sen/contracts';
import { narrativeSections, toNarrativeBody } from './narrative';

describe('the narrative of a report', () => {
  it("offers the usual sections, then any other heading the stored text has (so it is neither hidden nor lost)", () => {
    expect(narrativeSections(null).map((s) => s.key)).toEqual(['results', 'shortcomings', 'nextTasks', 'proposals']);
    const sections = narrativeSections({ proposals: 'x', 'Ý kiến khác': 'y' });
    expect(sections.map((s) => [s.key, s.standard])).toEqual([
      ['results', true],
      ['shortcomings', true],
      ['nextTasks', true],
      ['proposals', true],
      ['Ý kiến khác', false],
    ]);
  });

  it('sends the texts trimmed and leaves empty sections out', () => {
    const body = toNarrativeBody({ results: '  Kết nạp 80 hội viên.\n', shortcomings: '   ', proposals: undefined }, null);
    expect(body).toEqual({ results: 'Kết nạp 80 hội viên.' });
    expect(putReportValuesSchema.safeParse({ values: [], narrative: body }).success).toBe(true);
  });

  it('sends nothing while there is no narrative and none was typed, and an empty one to clear a stored narrative', () => {
    expect(toNarrativeBody({ results: '' }, null)).toBeUndefined();
    expect(toNarrativeBody(undefined, {})).toBeUndefined();
    expect(toNarrativeBody({ results: ' ' }, { results: 'cũ' })).toEqual({});
  });
});
