import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Session } from '../lib/session';
import { fakeApi } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { TenantOnboardingPage, TenantsPage } from './TenantsPage';

const session: Session = {
  accessToken: 'a',
  refreshToken: 'r'.repeat(30),
  user: { id: '1', username: 'admin', tenant: 'TW', roles: ['tenant_admin', 'platform_admin', 'central_analyst'], unitId: '1' },
};

const next = () => fireEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));

async function fillWizard() {
  fireEvent.change(await screen.findByLabelText('Mã đơn vị'), { target: { value: 'qn' } });
  fireEvent.change(screen.getByLabelText('Tên đơn vị'), { target: { value: 'Hội LHPN tỉnh Quảng Ninh' } });
  next();
  await waitFor(() => expect(screen.getByLabelText('Mã cấp 3')).toBeVisible());
  fireEvent.click(screen.getByRole('button', { name: /^Trước 2025/ }));
  expect(await screen.findByLabelText('Mã cấp 5')).toHaveValue('group');
  fireEvent.click(screen.getByRole('button', { name: /^Sau sắp xếp 2025/ }));
  await waitFor(() => expect(screen.queryByLabelText('Mã cấp 5')).not.toBeInTheDocument());
  next();
  await waitFor(() => expect(screen.getByLabelText('Tên đơn vị gốc')).toBeVisible());
  expect(screen.getByLabelText('Tên đơn vị gốc')).toHaveValue('Hội LHPN tỉnh Quảng Ninh');
  fireEvent.change(screen.getByLabelText('Họ và tên'), { target: { value: 'Quản trị Quảng Ninh' } });
  fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'mot-mat-khau-dai' } });
  fireEvent.change(screen.getByLabelText('Nhập lại mật khẩu'), { target: { value: 'mot-mat-khau-dai' } });
  next();
  await waitFor(() => expect(screen.getByText('Tải tệp mẫu')).toBeVisible());
  const csv = 'code,name,level,kind,parent code\nX1,Xã 1,grassroots,union,\nX1-1,Chi hội 1,branch,union,X9\n';
  const file = new File([csv], 'don-vi.csv', { type: 'text/csv' });
  fireEvent.change(document.querySelector('input[type=file]')!, { target: { files: [file] } });
  expect(await screen.findByTestId('units-file-summary')).toHaveTextContent('don-vi.csv: 2 đơn vị');
  next();
  expect(await screen.findByRole('button', { name: 'Khởi tạo' })).toBeVisible();
  expect(screen.getByText('admin — Quản trị Quảng Ninh')).toBeVisible();
  return csv;
}

// Five steps of antd forms in jsdom take a few seconds.
jest.setTimeout(45_000);

describe('onboarding wizard', () => {
  it('posts the tenant with its levels, admin and the file text, and lists refused rows of the file', async () => {
    const posts: any[] = [];
    const { fetch } = fakeApi({
      'POST /api/v1/tenants': (_url, init) => {
        posts.push(JSON.parse(String(init?.body)));
        return [
          400,
          {
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: 'Dữ liệu không hợp lệ',
            messageEn: 'Invalid data',
            errors: [{ field: 'unitsCsv.line 3.parent code', reason: 'không tìm thấy đơn vị cấp trên "X9"', reasonEn: 'unknown parent "X9"' }],
          },
        ];
      },
    });
    renderWithApp(<TenantOnboardingPage />, { fetch, session, path: '/tenants/new', routePath: '/tenants/new' });
    const csv = await fillWizard();
    fireEvent.click(screen.getByRole('button', { name: 'Khởi tạo' }));

    const table = await screen.findByTestId('csv-errors');
    expect(within(table).getByText('parent code')).toBeInTheDocument();
    expect(within(table).getByText('không tìm thấy đơn vị cấp trên "X9"')).toBeInTheDocument();
    expect(screen.getByText('Tệp đơn vị có 1 dòng lỗi, chưa có gì được tạo')).toBeInTheDocument();
    expect(posts).toEqual([
      {
        code: 'QN',
        name: 'Hội LHPN tỉnh Quảng Ninh',
        levels: [
          { code: 'province', name: 'Tỉnh' },
          { code: 'grassroots', name: 'Xã, phường' },
          { code: 'branch', name: 'Chi hội' },
        ],
        rootUnit: { name: 'Hội LHPN tỉnh Quảng Ninh' },
        admin: { username: 'admin', displayName: 'Quản trị Quảng Ninh', password: 'mot-mat-khau-dai' },
        unitsCsv: csv,
      },
    ]);
  });

  it('shows the units created and the login to use', async () => {
    const { fetch } = fakeApi({
      'POST /api/v1/tenants': () => ({
        tenant: { id: '9', code: 'QN', name: 'Hội LHPN tỉnh Quảng Ninh', status: 'active', isCentral: false, levels: [], rootUnitId: '5', createdAt: '2025-07-01T00:00:00Z' },
        units: { created: 2000, errors: [] },
      }),
    });
    renderWithApp(<TenantOnboardingPage />, { fetch, session, path: '/tenants/new', routePath: '/tenants/new' });
    await fillWizard();
    fireEvent.click(screen.getByRole('button', { name: 'Khởi tạo' }));
    const result = await screen.findByTestId('onboarding-result');
    expect(result).toHaveTextContent('Đã tạo 2.001 đơn vị');
    expect(result).toHaveTextContent('QN / admin');
  });

  it('sends a code already taken back to the first step', async () => {
    const { fetch } = fakeApi({
      'POST /api/v1/tenants': () => [
        409,
        { statusCode: 409, code: 'CONFLICT', message: 'Mã đơn vị (tỉnh/thành) đã tồn tại', messageEn: 'taken', errors: [{ field: 'code', reason: 'mã đã được dùng', reasonEn: 'already used' }] },
      ],
    });
    renderWithApp(<TenantOnboardingPage />, { fetch, session, path: '/tenants/new', routePath: '/tenants/new' });
    await fillWizard();
    fireEvent.click(screen.getByRole('button', { name: 'Khởi tạo' }));
    expect(await screen.findByText('mã đã được dùng')).toBeVisible();
    expect(screen.getByLabelText('Mã đơn vị')).toBeVisible();
  });
});

describe('tenant list', () => {
  it('lists the provinces and suspends one (never the central union)', async () => {
    const calls: string[] = [];
    const tenant = (code: string, name: string, isCentral = false, status = 'active') => ({
      id: code,
      code,
      name,
      status,
      isCentral,
      levels: [{ code: 'province', name: 'Thành phố' }],
      rootUnitId: '1',
      createdAt: '2025-07-01T00:00:00Z',
    });
    const { fetch } = fakeApi({
      'GET /api/v1/tenants': () => ({ items: [tenant('HN', 'Hội LHPN thành phố Hà Nội'), tenant('TW', 'Trung ương Hội LHPN Việt Nam', true)], total: 2 }),
      'POST /api/v1/tenants/HN/suspend': () => {
        calls.push('suspend HN');
        return tenant('HN', 'Hội LHPN thành phố Hà Nội', false, 'suspended');
      },
    });
    renderWithApp(<TenantsPage />, { fetch, session, path: '/tenants', routePath: '/tenants' });
    fireEvent.click(await screen.findByRole('button', { name: 'Tạm ngưng HN' }));
    expect(screen.queryByRole('button', { name: 'Tạm ngưng TW' })).not.toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Tạm ngưng' }));
    await waitFor(() => expect(calls).toEqual(['suspend HN']));
  });
});
