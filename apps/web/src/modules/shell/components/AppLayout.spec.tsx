import { fireEvent, screen, within } from '@testing-library/react';
import type { Role } from '@sen/contracts';
import type { Session } from '../../../lib/session';
import { fakeApi } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { RequireRole } from '../../auth/components/RequireRole';
import { AppLayout } from './AppLayout';

function session(roles: Role[], tenant = 'HN'): Session {
  return { accessToken: 'a', refreshToken: 'r'.repeat(30), user: { id: '2', username: 'u', tenant, roles, unitId: '1' } };
}

const { fetch } = fakeApi({
  'GET /api/v1/auth/me': () => ({
    user: { id: '2', username: 'u', displayName: 'Người dùng', tenant: 'HN', roles: [], unitId: '1' },
    tenant: { code: 'HN', name: 'Hội LHPN thành phố Hà Nội', levels: [] },
    units: [],
  }),
});

async function menuLabels(roles: Role[]): Promise<string[]> {
  const view = renderWithApp(<AppLayout />, { fetch, session: session(roles), path: '/reports' });
  // jsdom has no media queries: the layout is the phone one, with the menu in a drawer.
  fireEvent.click(await screen.findByRole('button', { name: 'Mở menu' }));
  const menu = await screen.findByRole('menu');
  const labels = within(menu)
    .getAllByRole('menuitem')
    .map((item) => item.textContent ?? '');
  view.unmount();
  return labels;
}

describe('menu as rendered', () => {
  it('gives a reporter the shared entries in Vietnamese', async () => {
    const labels = await menuLabels(['reporter']);
    expect(labels).toEqual(expect.arrayContaining(['Tổng quan', 'Cơ cấu tổ chức', 'Chỉ tiêu thống kê', 'Báo cáo', 'Tổng hợp']));
    for (const admin of ['Người dùng', 'Nhật ký thao tác', 'Đơn vị (tỉnh/thành)', 'So sánh các tỉnh']) expect(labels).not.toContain(admin);
  });

  it('adds "Người dùng" and "Nhật ký thao tác" for a tenant admin', async () => {
    const labels = await menuLabels(['tenant_admin']);
    expect(labels).toEqual(expect.arrayContaining(['Người dùng', 'Nhật ký thao tác']));
    expect(labels).not.toContain('Đơn vị (tỉnh/thành)');
    expect(labels).not.toContain('So sánh các tỉnh');
  });

  it('adds the tenants and the comparison for the central administrator', async () => {
    expect(await menuLabels(['tenant_admin', 'platform_admin', 'central_analyst'])).toEqual(
      expect.arrayContaining(['So sánh các tỉnh', 'Đơn vị (tỉnh/thành)', 'Người dùng', 'Nhật ký thao tác']),
    );
  });

  it('refuses a page to a role that may not see it', async () => {
    renderWithApp(
      <RequireRole roles={['platform_admin']}>
        <div>Trang quản trị</div>
      </RequireRole>,
      { fetch, session: session(['tenant_admin']), path: '/tenants' },
    );
    expect(await screen.findByText('Không có quyền truy cập')).toBeInTheDocument();
    expect(screen.queryByText('Trang quản trị')).not.toBeInTheDocument();
  });
});
