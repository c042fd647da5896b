import { createReportFormSchema } from '@sen/contracts';
import { createFormErrorFields, deadlineRuleText, toCreateFormBody } from './report-forms';

const words = {
  afterEnd: (n: string) => `${n} ngày sau khi kết thúc kỳ`,
  fixed: (date: string) => `Ngày ${date}`,
  fixedNextYear: (date: string) => `Ngày ${date} năm sau`,
  firstPeriod: '(kỳ đầu năm)',
};

describe('a new report form → POST /api/v1/report-forms', () => {
  it('sends a fixed day as {day, month} (yearOffset for the next year) and the code in capitals', () => {
    const body = toCreateFormBody({
      code: ' hn-quy ',
      name: ' Báo cáo quý ',
      periodKind: 'quarter',
      reportingLevel: 'grassroots',
      deadlineKind: 'fixed',
      deadline: { day: 15, month: 1, nextYear: true, daysAfterEnd: 10 },
      indicatorCodes: ['HOI_VIEN_MOI'],
    });
    expect(body).toEqual({
      code: 'HN-QUY',
      name: 'Báo cáo quý',
      periodKind: 'quarter',
      reportingLevel: 'grassroots',
      deadlineRule: { day: 15, month: 1, yearOffset: 1 },
      indicatorCodes: ['HOI_VIEN_MOI'],
    });
    expect(createReportFormSchema.safeParse(body).success).toBe(true);
  });

  it('sends a number of days after the period as {daysAfterEnd}', () => {
    const body = toCreateFormBody({ code: 'HN-THANG', name: 'x', periodKind: 'month', reportingLevel: 'grassroots', deadlineKind: 'afterEnd', deadline: { daysAfterEnd: 5, day: 1 }, indicatorCodes: ['A'] });
    expect(body.deadlineRule).toEqual({ daysAfterEnd: 5 });
  });

  it('puts each field the API names at its place in the form', () => {
    const fields = createFormErrorFields({ deadlineKind: 'fixed', indicatorCodes: ['A', 'B'] });
    expect(fields['deadlineRule.day']).toEqual(['deadline', 'day']);
    expect(fields['deadlineRule']).toEqual(['deadline', 'day']);
    expect(fields['indicatorCodes.1']).toEqual(['indicatorCodes']);
    expect(fields['code']).toEqual(['code']);
    expect(createFormErrorFields({ deadlineKind: 'afterEnd' })['deadlineRule']).toEqual(['deadline', 'daysAfterEnd']);
  });
});

describe('a deadline rule in words', () => {
  it('says when the first period is due for the forms of shorter periods', () => {
    expect(deadlineRuleText({ day: 13, month: 6 }, 'half', words)).toBe('Ngày 13/06 (kỳ đầu năm)');
    expect(deadlineRuleText({ day: 30, month: 10 }, 'year', words)).toBe('Ngày 30/10');
    expect(deadlineRuleText({ day: 15, month: 1, yearOffset: 1 }, 'year', words)).toBe('Ngày 15/01 năm sau');
    expect(deadlineRuleText({ daysAfterEnd: 10 }, 'quarter', words)).toBe('10 ngày sau khi kết thúc kỳ');
  });
});
