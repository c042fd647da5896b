import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Session } from '../lib/session';
import { fakeApi } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { UsersPage } from './UsersPage';

const session: Session = { accessToken: 'a', refreshToken: 'r'.repeat(30), user: { id: '2', username: 'admin', tenant: 'HN', roles: ['tenant_admin'], unitId: '14' } };

const users = [
  { id: '2', username: 'admin', displayName: 'Quản trị Hà Nội', email: null, status: 'active', locked: false, roles: [{ role: 'tenant_admin', unitId: '14', unitName: 'Hội LHPN thành phố Hà Nội' }] },
  { id: '3', username: 'reporter', displayName: 'Cán bộ Cầu Giấy', email: null, status: 'disabled', locked: true, roles: [{ role: 'reporter', unitId: '78', unitName: 'Hội LHPN phường Cầu Giấy' }] },
];

function api() {
  const bodies: { method: string; path: string; body: unknown }[] = [];
  const record = (method: string, path: string) => (_url: URL, init: RequestInit | undefined) => {
    bodies.push({ method, path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return method === 'POST' && path.endsWith('reset-password') ? [204, undefined] : users[1];
  };
  const routes = fakeApi({
    'GET /api/v1/auth/me': () => ({ user: session.user, tenant: { code: 'HN', name: 'Hội LHPN thành phố Hà Nội', levels: [] }, units: [{ id: '14', name: 'Hội LHPN thành phố Hà Nội', level: 'province' }] }),
    'GET /api/v1/users': () => ({ items: users, total: 2 }),
    'PATCH /api/v1/users/3': record('PATCH', '/users/3'),
    'POST /api/v1/users/3/reset-password': record('POST', '/users/3/reset-password'),
  });
  return { ...routes, bodies };
}

describe('UsersPage', () => {
  it('lists users with their roles on named units, status and lock', async () => {
    const { fetch, calls } = api();
    renderWithApp(<UsersPage />, { fetch, session, path: '/users' });
    const row = (await screen.findByText('Cán bộ Cầu Giấy')).closest('tr')!;
    expect(within(row).getByText('Người báo cáo')).toBeInTheDocument();
    expect(within(row).getByText(/Hội LHPN phường Cầu Giấy/)).toBeInTheDocument();
    expect(within(row).getByText('Đã vô hiệu hoá')).toBeInTheDocument();
    expect(within(row).getByText('Đang bị khoá')).toBeInTheDocument();
    expect(calls).toContain('GET /api/v1/users?limit=50&offset=0');
  });

  it('edits the name, status and roles, keeping the unit of each role', async () => {
    const { fetch, bodies } = api();
    renderWithApp(<UsersPage />, { fetch, session, path: '/users' });
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa người dùng reporter' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Hội LHPN phường Cầu Giấy')).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('Họ và tên'), { target: { value: 'Chị Lan' } });
    fireEvent.click(within(dialog).getByText('Đang hoạt động'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      method: 'PATCH',
      path: '/users/3',
      body: { displayName: 'Chị Lan', status: 'active', email: null, roles: [{ role: 'reporter', unitId: '78' }] },
    });
  });

  it('resets a password after it is typed twice the same', async () => {
    const { fetch, bodies } = api();
    renderWithApp(<UsersPage />, { fetch, session, path: '/users' });
    fireEvent.click(await screen.findByRole('button', { name: 'Đặt lại mật khẩu của reporter' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Mật khẩu mới'), { target: { value: 'mot-mat-khau-moi' } });
    fireEvent.change(within(dialog).getByLabelText('Nhập lại mật khẩu'), { target: { value: 'mot-mat-khau-khac' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đặt lại mật khẩu' }));
    expect(await within(dialog).findByText('Hai mật khẩu không khớp')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('Nhập lại mật khẩu'), { target: { value: 'mot-mat-khau-moi' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đặt lại mật khẩu' }));
    await waitFor(() => expect(bodies).toEqual([{ method: 'POST', path: '/users/3/reset-password', body: { password: 'mot-mat-khau-moi' } }]));
  });
});
