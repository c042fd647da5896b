import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@sen/contracts';
import type { Session } from '../lib/session';
import { fakeApi } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { OrgUnitsPage } from './OrgUnitsPage';

const root = { id: '14', name: 'Hội LHPN thành phố Hà Nội', level: 'province' };
const children = [
  { id: '20', name: 'Ban Tuyên giáo', level: 'province', kind: 'department', parentId: '14' },
  { id: '21', name: 'Hội LHPN phường Ba Đình', level: 'grassroots', kind: 'union', parentId: '14' },
  { id: '22', name: 'Hội LHPN phường Cầu Giấy', level: 'grassroots', kind: 'union', parentId: '14' },
];

function session(roles: Role[]): Session {
  return { accessToken: 'a', refreshToken: 'r'.repeat(30), user: { id: '2', username: 'admin', tenant: 'HN', roles, unitId: '14' } };
}

function api() {
  return fakeApi({
    'GET /api/v1/auth/me': () => ({
      user: session(['tenant_admin']).user,
      tenant: {
        code: 'HN',
        name: 'Hội LHPN thành phố Hà Nội',
        levels: [
          { code: 'province', name: 'Thành phố' },
          { code: 'grassroots', name: 'Xã, phường' },
        ],
      },
      units: [root],
    }),
    'GET /api/v1/org-units': (url) => {
      const q = url.searchParams.get('q');
      if (q) return { items: children.filter((c) => c.id === '22'), total: 1 };
      return url.searchParams.get('parentId') === '14' ? { items: children, total: children.length } : { items: [], total: 0 };
    },
    'GET /api/v1/org-units/14': () => ({ ...root, kind: 'union', parentId: null, code: '01', validFrom: null, validTo: null, childCount: 3, path: [{ id: '14', name: root.name }] }),
    'GET /api/v1/org-units/22': () => ({
      ...children[2],
      code: '00166',
      validFrom: '2025-07-01',
      validTo: null,
      childCount: 8,
      path: [
        { id: '14', name: root.name },
        { id: '22', name: 'Hội LHPN phường Cầu Giấy' },
      ],
    }),
  });
}

describe('OrgUnitsPage', () => {
  it('shows the root from /auth/me and loads its children when expanded', async () => {
    const { fetch, calls } = api();
    renderWithApp(<OrgUnitsPage />, { fetch, session: session(['viewer']), path: '/org-units', routePath: '/org-units/:unitId?' });

    const tree = await screen.findByRole('tree');
    await within(tree).findByText('Hội LHPN thành phố Hà Nội');
    expect(calls.some((c) => c.includes('parentId=14'))).toBe(false);

    const switcher = tree.querySelector('.ant-tree-switcher');
    expect(switcher).not.toBeNull();
    fireEvent.click(switcher!);

    expect(await within(tree).findByText('Hội LHPN phường Cầu Giấy')).toBeInTheDocument();
    expect(within(tree).getByText('Ban Tuyên giáo')).toBeInTheDocument();
    expect(calls).toContain('GET /api/v1/org-units?parentId=14&offset=0&limit=100');
  });

  it('searches ignoring diacritics on the API and opens a result in the detail panel', async () => {
    const { fetch, calls } = api();
    renderWithApp(<OrgUnitsPage />, { fetch, session: session(['viewer']), path: '/org-units', routePath: '/org-units/:unitId?' });

    fireEvent.change(await screen.findByLabelText('Tìm đơn vị'), { target: { value: 'cau giay' } });
    const result = await screen.findByRole('button', { name: /Hội LHPN phường Cầu Giấy/ });
    expect(calls).toContain('GET /api/v1/org-units?q=cau+giay&limit=20');

    fireEvent.click(result);
    expect(await screen.findByText('00166')).toBeInTheDocument();
    expect(screen.getByText('01/07/2025')).toBeInTheDocument();
  });

  it('offers the write actions to a tenant admin only', async () => {
    const admin = renderWithApp(<OrgUnitsPage />, { fetch: api().fetch, session: session(['tenant_admin']), path: '/org-units/14', routePath: '/org-units/:unitId?' });
    expect(await screen.findByRole('button', { name: /Thêm đơn vị con/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Đổi tên/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Nhập từ tệp/ })).toBeInTheDocument();
    admin.unmount();

    renderWithApp(<OrgUnitsPage />, { fetch: api().fetch, session: session(['viewer', 'reporter']), path: '/org-units/14', routePath: '/org-units/:unitId?' });
    await screen.findByText('Số đơn vị trực thuộc');
    await waitFor(() => expect(screen.queryByRole('button', { name: /Thêm đơn vị con/ })).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: /Nhập từ tệp/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sáp nhập/ })).not.toBeInTheDocument();
  });
});
