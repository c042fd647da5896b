import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { jsonResponse, renderWithApp } from '../test/render';
import { setLanguage } from '../i18n';
import { LoginPage } from './LoginPage';

const badCredentials = {
  statusCode: 401,
  code: 'INVALID_CREDENTIALS',
  message: 'Tên đăng nhập hoặc mật khẩu không đúng',
  messageEn: 'Wrong username or password',
  requestId: 'req-1',
};

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('LoginPage', () => {
  afterEach(() => act(() => setLanguage('vi')));

  it('speaks Vietnamese: title, subtitle, labelled fields and the button', () => {
    renderWithApp(<LoginPage />, { fetch: jest.fn(), path: '/login' });

    expect(screen.getByRole('heading', { name: 'Sen' })).toBeInTheDocument();
    expect(screen.getByText('Nền tảng kế hoạch và báo cáo của Hội LHPN')).toBeInTheDocument();
    expect(screen.getByLabelText('Đơn vị (mã)')).toHaveAttribute('placeholder', 'VD: HN');
    expect(screen.getByLabelText('Tên đăng nhập')).toBeInTheDocument();
    expect(screen.getByLabelText('Mật khẩu')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: /Đăng nhập/ })).toBeInTheDocument();
  });

  it('shows the Vietnamese message of a refused login', async () => {
    const fetch = jest.fn(async () => jsonResponse(401, badCredentials));
    const { sessions } = renderWithApp(<LoginPage />, { fetch, path: '/login' });

    fill('Đơn vị (mã)', 'hn');
    fill('Tên đăng nhập', 'admin');
    fill('Mật khẩu', 'sai-mat-khau');
    fireEvent.click(screen.getByRole('button', { name: /Đăng nhập/ }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/login');
    // The tenant code is upper-cased as it is typed.
    expect(JSON.parse(String(init.body))).toEqual({ tenant: 'HN', username: 'admin', password: 'sai-mat-khau' });
    expect(sessions.get()).toBeNull();
  });

  it('shows the English message when English is chosen', async () => {
    act(() => setLanguage('en'));
    renderWithApp(<LoginPage />, { fetch: async () => jsonResponse(401, badCredentials), path: '/login' });

    fill('Union (code)', 'HN');
    fill('Username', 'admin');
    fill('Password', 'nope');
    fireEvent.click(screen.getByRole('button', { name: /Sign in/ }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password');
  });

  it('asks for the missing fields without calling the API', async () => {
    const fetch = jest.fn();
    renderWithApp(<LoginPage />, { fetch, path: '/login' });

    fireEvent.click(screen.getByRole('button', { name: /Đăng nhập/ }));

    expect(await screen.findByText('Vui lòng nhập mã đơn vị')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập tên đăng nhập')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập mật khẩu')).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('signs in and leaves the login page', async () => {
    const user = { id: '1', username: 'admin', tenant: 'HN', roles: ['tenant_admin'], unitId: '10' };
    const fetch = jest.fn(async () => jsonResponse(200, { accessToken: 'a', refreshToken: 'r'.repeat(30), user }));
    const { sessions } = renderWithApp(<LoginPage />, { fetch, path: '/login', routePath: '/login' });

    fill('Đơn vị (mã)', 'HN');
    fill('Tên đăng nhập', 'admin');
    fill('Mật khẩu', 'sen-demo-2024');
    fireEvent.click(screen.getByRole('button', { name: /Đăng nhập/ }));

    expect(await screen.findByText('Trang tổng quan')).toBeInTheDocument();
    await waitFor(() => expect(sessions.get()?.user.username).toBe('admin'));
  });
});
