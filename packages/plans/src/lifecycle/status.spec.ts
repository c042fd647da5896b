import { readSeed } from '../__tests__/fixtures';
import { importPlanText } from '../import/importer';
import { allowedTransitions, assertTransition, canTransition, diffPlans, isEditable, PLAN_STATUSES, PlanTransitionError } from './status';

describe('plan lifecycle', () => {
  it('allows draft → in_review → issued → closed, and superseded', () => {
    expect(canTransition('draft', 'in_review')).toBe(true);
    expect(canTransition('in_review', 'draft')).toBe(true);
    expect(canTransition('in_review', 'issued')).toBe(true);
    expect(canTransition('issued', 'closed')).toBe(true);
    expect(canTransition('issued', 'superseded')).toBe(true);
    expect(canTransition('closed', 'superseded')).toBe(true);
  });

  it('refuses every other step', () => {
    const allowed = new Set(['draft>in_review', 'in_review>draft', 'in_review>issued', 'issued>closed', 'issued>superseded', 'closed>superseded']);
    for (const from of PLAN_STATUSES) {
      for (const to of PLAN_STATUSES) expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
    }
    expect(allowedTransitions('superseded')).toEqual([]);
    expect(canTransition('draft', 'bogus' as never)).toBe(false);
  });

  it('throws a clear error naming the allowed steps', () => {
    expect(() => assertTransition('draft', 'in_review')).not.toThrow();
    expect(() => assertTransition('issued', 'draft')).toThrow(PlanTransitionError);
    expect(() => assertTransition('issued', 'draft')).toThrow(/từ "Đã ban hành" \(issued\) sang "Dự thảo" \(draft\).*"Đã kết thúc" \(closed\)/);
    expect(() => assertTransition('superseded', 'closed')).toThrow(/không thể chuyển tiếp/);
  });

  it('makes issued plans read-only', () => {
    expect(isEditable('draft')).toBe(true);
    for (const s of ['in_review', 'issued', 'closed', 'superseded'] as const) expect(isEditable(s)).toBe(false);
  });
});

describe('diffPlans', () => {
  const a = importPlanText(readSeed(4)).plan;

  it('finds no change between equal versions', () => {
    expect(diffPlans(a, structuredClone(a))).toEqual([]);
  });

  it('lists changed, added and removed values with their paths', () => {
    const b = structuredClone(a);
    b.number = '14/KH-BTV';
    if (b.targets[2]) b.targets[2].value = 20;
    b.recipients.push('Ban Tuyên giáo TW Hội');
    b.signatory.name = 'Nguyễn Thị Lan';
    b.sections[0]?.items.pop();
    const changes = diffPlans(a, b);
    expect(changes).toEqual(
      expect.arrayContaining([
        { path: 'number', before: '13/KH-BTV', after: '14/KH-BTV', kind: 'changed' },
        { path: 'targets[2].value', before: 18, after: 20, kind: 'changed' },
        { path: 'recipients[9]', before: undefined, after: 'Ban Tuyên giáo TW Hội', kind: 'added' },
        { path: 'signatory.name', before: null, after: 'Nguyễn Thị Lan', kind: 'changed' },
        { path: 'sections[0].items[1]', before: expect.stringMatching(/^Các hoạt động/), after: undefined, kind: 'removed' },
      ]),
    );
    expect(changes).toHaveLength(5);
  });
});
