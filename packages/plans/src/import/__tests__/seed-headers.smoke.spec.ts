import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPlanText } from '../index';

const seed = (name: string): string => readFileSync(join(__dirname, '../../../fixtures/seeds', name), 'utf8');

describe('importPlanText on the seed plans (header, obligations, recipients)', () => {
  it('reads number, date, place and title of 31/KH-BTV (Hà Nội, 07/02/2024)', () => {
    const { plan } = importPlanText(seed('000_76cd728e7a05e791.txt'));
    expect(plan.number).toBe('31/KH-BTV');
    expect(plan.issuedOn).toBe('2024-02-07');
    expect(plan.place).toBe('Hà Nội');
    expect(plan.title).toMatch(/^Triển khai thực hiện Đề án/);
    expect(plan.signatory).toEqual({ onBehalfOf: 'TM. BAN THƯỜNG VỤ', title: 'PHÓ CHỦ TỊCH', name: 'Lê Thị Thiên Hương' });
  });

  it('reads the reporting deadlines of 13/KH-BTV that fall before the period ends (13/6 and 30/10)', () => {
    const { plan } = importPlanText(seed('004_54a72de98b032c2a.txt'));
    expect(plan.number).toBe('13/KH-BTV');
    expect(plan.issuedOn).toBe('2024-01-24');
    expect(plan.targets).toHaveLength(3);
    expect(plan.reportingObligations.map((o) => [o.periodKind, o.deadline])).toEqual([
      ['half', '13/06'],
      ['year', '30/10'],
    ]);
  });

  it('copes with the Đà Nẵng plan that has no number: null, not a failure', () => {
    const { plan } = importPlanText(seed('003_bca2ce9615b212f1.txt'));
    expect(plan.number).toBeNull();
    expect(plan.targets.length).toBeGreaterThan(10);
  });
});
