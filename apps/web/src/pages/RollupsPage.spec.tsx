import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@sen/contracts';
import type { Session } from '../lib/session';
import { fakeApi } from '../test/fake-api';
import { renderWithApp } from '../test/render';
import { RollupsPage } from './RollupsPage';

function session(roles: Role[]): Session {
  return { accessToken: 'a', refreshToken: 'r'.repeat(30), user: { id: '2', username: 'admin', tenant: 'HN', roles, unitId: '14' } };
}

const indicators = {
  items: [
    { code: 'HOI_VIEN', name: 'Số hội viên', unit: 'người', valueType: 'integer', kind: 'stock', aggregation: 'sum', national: true },
    { code: 'TY_LE_TAP_HOP_HOI_VIEN', name: 'Tỷ lệ tập hợp hội viên', unit: '%', valueType: 'percentage', kind: 'stock', aggregation: 'ratio', national: true },
  ],
  total: 2,
};

const reconciliation = (tenant: string, tenantName: string, mismatches: number, repaired = false) => ({
  tenant,
  tenantName,
  period: '2024S1',
  trigger: 'nightly',
  startedAt: '2024-06-20T20:15:00.000Z',
  finishedAt: '2024-06-20T20:15:03.000Z',
  rowsChecked: 16403,
  mismatches,
  details: { values: 0, rollups: mismatches, categories: 0, national: 0 },
  repaired,
});

type NationalStatus = { state: string; percent: number; tenants: { code: string; name: string; state: string; percent: number; values: number | null }[]; result: unknown };
const line = (code: string, name: string, state: string, percent: number, values: number | null = null) => ({ code, name, state, percent, values });

function api(jobStates: { state: string; progress: number }[] = [], national: NationalStatus[] = []) {
  const polls: string[] = [];
  const posted: unknown[] = [];
  const routes = fakeApi({
    'GET /api/v1/auth/me': () => ({
      user: session(['tenant_admin']).user,
      tenant: { code: 'HN', name: 'Hội LHPN thành phố Hà Nội', levels: [] },
      units: [{ id: '14', name: 'Hội LHPN thành phố Hà Nội', level: 'province' }],
    }),
    'GET /api/v1/indicators': () => indicators,
    'GET /api/v1/rollups': (url) =>
      url.searchParams.get('indicator') === 'TY_LE_TAP_HOP_HOI_VIEN'
        ? { value: 90.5, numerator: 181, denominator: 200, unitsReporting: 97, unitsExpected: 126, updatedAt: '2024-06-20T03:00:00.000Z' }
        : { value: 2500, numerator: null, denominator: null, unitsReporting: 97, unitsExpected: 126, updatedAt: '2024-06-20T03:00:00.000Z' },
    'POST /api/v1/rollups/recompute': (_url, init) => {
      posted.push(JSON.parse(String(init?.body)));
      return { jobId: 'recompute__14__2024S1__1' };
    },
    'GET /api/v1/rollups/reconciliation': (url) =>
      url.searchParams.get('scope') === 'nation'
        ? { items: [reconciliation('HN', 'Hội LHPN thành phố Hà Nội', 0), reconciliation('DN', 'Hội LHPN thành phố Đà Nẵng', 3, true)] }
        : { items: [reconciliation('HN', 'Hội LHPN thành phố Hà Nội', 0)] },
    'POST /api/v1/rollups/national-recompute': (_url, init) => {
      posted.push(JSON.parse(String(init?.body)));
      return { jobId: 'recompute__all__2024S1__1' };
    },
    'GET /api/v1/rollups/national-recompute/recompute__all__2024S1__1': () => {
      polls.push('national');
      return national[Math.min(polls.length - 1, national.length - 1)];
    },
    'GET /api/v1/rollups/recompute/recompute__14__2024S1__1': () => {
      polls.push('poll');
      return jobStates[Math.min(polls.length - 1, jobStates.length - 1)];
    },
  });
  return { ...routes, polls, posted };
}

describe('RollupsPage', () => {
  it('shows a rollup in Vietnamese numbers: a count, and a rate with its parts', async () => {
    const { fetch, calls } = api();
    const view = renderWithApp(<RollupsPage />, { fetch, session: session(['viewer']), path: '/rollups?period=2024S1', routePath: '/rollups' });
    const value = await screen.findByTestId('rollup-value');
    await within(value).findByText('2.500');
    expect(screen.getByText('97/126 đơn vị đã có số liệu')).toBeInTheDocument();
    expect(calls).toContain('GET /api/v1/rollups?indicator=HOI_VIEN&period=2024S1');
    expect(screen.queryByRole('button', { name: /Tính lại toàn bộ/ })).not.toBeInTheDocument();
    view.unmount();

    renderWithApp(<RollupsPage />, { fetch, session: session(['viewer']), path: '/rollups?period=2024S1&indicator=TY_LE_TAP_HOP_HOI_VIEN', routePath: '/rollups' });
    expect(await screen.findByText('90,5%')).toBeInTheDocument();
    expect(screen.getByText('Tử số 181 / mẫu số 200')).toBeInTheDocument();
  });

  it('lets a tenant admin recompute the period and follows the job until it completes', async () => {
    const { fetch, polls, posted } = api([
      { state: 'waiting', progress: 0 },
      { state: 'active', progress: 40 },
      { state: 'completed', progress: 100 },
    ]);
    renderWithApp(<RollupsPage />, { fetch, session: session(['tenant_admin']), path: '/rollups?period=2024S1', routePath: '/rollups' });
    fireEvent.click(await screen.findByRole('button', { name: /Tính lại toàn bộ/ }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('6 tháng đầu năm 2024');
    fireEvent.click(within(confirm).getByRole('button', { name: /Tính lại toàn bộ/ }));
    await waitFor(() => expect(posted).toEqual([{ period: '2024S1' }]));
    const progress = await screen.findByTestId('recompute-progress');
    await waitFor(() => expect(progress).toHaveTextContent('Trạng thái: hoàn tất'), { timeout: 8000 });
    expect(progress.querySelector('[role=progressbar]')).toHaveAttribute('aria-valuenow', '100');
    const seen = polls.length;
    await new Promise((r) => setTimeout(r, 1000));
    expect(polls.length).toBe(seen);
  });

  it("shows the last reconciliation of the tenant's period: when, and how many differences", async () => {
    const { fetch, calls } = api();
    renderWithApp(<RollupsPage />, { fetch, session: session(['viewer']), path: '/rollups?period=2024S1', routePath: '/rollups' });
    const lineEl = await screen.findByTestId('reconciliation-line');
    // 20:15 UTC is 03:15 the next morning in Hà Nội.
    await within(lineEl).findByText(/Đối soát lần cuối: \d{2}\/\d{2}\/2024 \d{2}:15 — 0 sai lệch/);
    expect(calls).toContain('GET /api/v1/rollups/reconciliation?period=2024S1');
    // A viewer neither reconciles nor sees the national card.
    expect(within(lineEl).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByText('Toàn quốc: tính lại và đối soát')).not.toBeInTheDocument();
  });

  it('lets the central union recompute the nation and follows the whole and each province until done', async () => {
    const { fetch, posted } = api(
      [],
      [
        { state: 'waiting', percent: 0, tenants: [], result: null },
        { state: 'active', percent: 25, tenants: [line('HN', 'Hội LHPN thành phố Hà Nội', 'active', 50), line('DN', 'Hội LHPN thành phố Đà Nẵng', 'waiting', 0)], result: null },
        {
          state: 'completed',
          percent: 100,
          tenants: [line('HN', 'Hội LHPN thành phố Hà Nội', 'completed', 100, 4512), line('DN', 'Hội LHPN thành phố Đà Nẵng', 'completed', 100, 3619)],
          result: { tenants: 2, values: 8131, rollups: 1234, seconds: 2.4 },
        },
      ],
    );
    renderWithApp(<RollupsPage />, { fetch, session: session(['platform_admin', 'central_analyst', 'tenant_admin']), path: '/rollups?period=2024S1', routePath: '/rollups' });
    const card = (await screen.findByText('Toàn quốc: tính lại và đối soát')).closest('.ant-card') as HTMLElement;
    // Before any recompute: each province's last reconciliation.
    await within(card).findByText('Hội LHPN thành phố Đà Nẵng');
    expect(within(card).getByText(/3 sai lệch, đã tính lại, nay đã khớp/)).toBeInTheDocument();
    fireEvent.click(within(card).getByRole('button', { name: /Tính lại toàn quốc/ }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('Tính lại số liệu tổng hợp toàn quốc kỳ 6 tháng đầu năm 2024?');
    fireEvent.click(within(confirm).getByRole('button', { name: /Tính lại toàn quốc/ }));
    await waitFor(() => expect(posted).toEqual([{ period: '2024S1' }]));
    const progress = await within(card).findByTestId('national-progress');
    await within(card).findByText('Hoàn tất: 2 tỉnh, thành; 8.131 giá trị, 1.234 dòng tổng hợp; trong 2,4 giây', {}, { timeout: 8000 });
    expect(progress.querySelector('[role=progressbar]')).toHaveAttribute('aria-valuenow', '100');
    expect(within(card).getByRole('progressbar', { name: 'Tiến độ tính lại của Hội LHPN thành phố Hà Nội' })).toHaveAttribute('aria-valuenow', '100');
    expect(within(card).getByText('4.512')).toBeInTheDocument();
  });
});
