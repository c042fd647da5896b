import type { OrgUnitListItem } from '@sen/contracts';
import { childLevel, likelyChildLevel } from './AddChildModal';

const levels = [
  { code: 'province', name: 'Thành phố' },
  { code: 'district', name: 'Quận, huyện, thị xã' },
  { code: 'grassroots', name: 'Xã, phường' },
  { code: 'branch', name: 'Chi hội' },
];
const unit = (level: string, kind: OrgUnitListItem['kind'] = 'union'): OrgUnitListItem => ({ id: '1', name: 'x', level, kind, parentId: '9' });

describe('level suggested for a new child unit', () => {
  it('is the next configured level when nothing else is known', () => {
    expect(childLevel('province', levels)).toBe('district');
    expect(childLevel('branch', levels)).toBe('branch');
    expect(childLevel('unknown', levels)).toBe('province');
  });

  it('follows the unions already under the parent (districts were abolished in 2025)', () => {
    const siblings = [unit('province', 'department'), unit('province', 'department'), unit('grassroots'), unit('grassroots'), unit('district')];
    expect(likelyChildLevel('province', levels, siblings)).toBe('grassroots');
  });

  it('ignores departments and levels the tenant does not have', () => {
    expect(likelyChildLevel('province', levels, [unit('province', 'department')])).toBe('district');
    expect(likelyChildLevel('province', levels, [unit('ward')])).toBe('district');
  });
});
