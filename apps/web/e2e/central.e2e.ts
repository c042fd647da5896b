/**
 * Browser test of the central comparison, against the built web app served by a running api with the demo
 * seed (SEN_BASE_URL): the central analyst (TW/admin) opens on the latest period with data, compares the provinces
 * on the membership rate for 2024S1 (rank, change from the previous period), follows HN and DN over time, unfolds Đà Nẵng into the
 * provinces it was before the 2025 merger, and compares reporting progress; on a laptop and on a phone.
 * Screenshots go to <repo>/test-output/screenshots.
 */
import type { Page } from 'playwright-core';
import { BASE_URL, DEMO_PASSWORD, LAPTOP, PHONE, login, newPage, shot, useBrowser } from './support';

const CENTRAL = `${BASE_URL}/central?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=2024S1`;

const browser = useBrowser();

/** Calls the API with a fresh session of the given user. */
async function api<T>(tenant: string, username: string, method: string, pathAndQuery: string, body?: unknown): Promise<T> {
  const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant, username, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${BASE_URL}/api/v1${pathAndQuery}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${pathAndQuery}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Comparison = { items: { tenant: string; value: number | null; previous: number | null }[] };

/** 76.94 → "76,9", 1 → "1": a number with at most one decimal, as the page writes it. */
const one = (v: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(v);

/** Rows of the demo provinces (HN, DN and what they were): other browser suites onboard provinces of their own. */
const demo = (rows: string[]) => rows.filter((r) => /\b(HN|DN)\b/.test(r));

/** The text of the table's body rows, one string per row. */
async function rowsOf(page: Page, testId: string): Promise<string[]> {
  const table = page.getByTestId(testId);
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  return table.locator('tbody tr.ant-table-row').allInnerTexts();
}

describe('central comparison (TW/admin)', () => {
  it('ranks the provinces with the change, follows HN and DN over time, unfolds the merger, compares reporting progress', async () => {
    const { context, page } = await newPage(browser(), LAPTOP);
    try {
      await login(page, 'TW', 'admin');
      // Without a period in the address the page opens on the latest with data (the demo's 2025S2), not on the
      // current, empty half-year.
      await page.goto(`${BASE_URL}/central`);
      await page.getByText('Tỷ lệ tập hợp hội viên — 6 tháng cuối năm 2025').waitFor();
      await page.goto(CENTRAL);
      await page.getByRole('columnheader', { name: 'Hạng' }).waitFor();
      await page.getByRole('columnheader', { name: 'So với kỳ trước' }).waitFor();
      const rows = demo(await rowsOf(page, 'comparison-table'));
      expect(rows).toHaveLength(2);
      // Highest first with rank 1; Hà Nội's change from 70 % in 2023S2 is in percentage points, Đà Nẵng has none.
      expect(rows[0]).toMatch(/^1\s/);
      expect(rows[1]).toMatch(/^2\s/);
      // Each province's change from 2023S2 (the demo's previous half-year) in percentage points; the values move
      // when another suite approves a report first, so they are read from the API.
      const api2024 = await api<Comparison>('TW', 'admin', 'GET', '/central/comparison?indicator=TY_LE_TAP_HOP_HOI_VIEN&period=2024S1');
      for (const [tenant, name] of [['HN', 'Hà Nội'], ['DN', 'Đà Nẵng']] as const) {
        const item = api2024.items.find((i) => i.tenant === tenant)!;
        expect(item.previous).not.toBeNull();
        const row = rows.find((r) => r.includes(name))!;
        expect(row).toContain(`Kỳ trước: ${one(item.previous!)}%`);
        const change = item.value! - item.previous!;
        expect(row).toContain(`${change > 0 ? '+' : change < 0 ? '−' : ''}${one(Math.abs(change))} điểm %`);
      }
      // Sorting by rank ascending keeps 1 first; descending puts 2 first.
      await page.getByRole('columnheader', { name: 'Hạng' }).click();
      expect(demo(await rowsOf(page, 'comparison-table'))[0]).toMatch(/^1\s/);
      await page.getByRole('columnheader', { name: 'Hạng' }).click();
      expect(demo(await rowsOf(page, 'comparison-table'))[0]).toMatch(/^2\s/);
      await shot(page, 'central-01-comparison');

      // 2024S1 is before the merger: the switch is offered; unfolding splits Đà Nẵng into Đà Nẵng and Quảng Nam.
      const view = page.getByTestId('central-view');
      await view.getByText('Tỉnh trước sáp nhập').click();
      await page.waitForURL(/view=former/);
      await page.getByRole('columnheader', { name: 'Tỉnh, thành (trước 01/7/2025)' }).waitFor();
      await page.getByTestId('comparison-table').getByText('Hội LHPN tỉnh Quảng Nam').waitFor();
      const unfolded = (await rowsOf(page, 'comparison-table')).join('\n');
      expect(unfolded).toContain('Hội LHPN tỉnh Quảng Nam');
      expect(unfolded).toContain('nay thuộc DN');
      expect(demo(await rowsOf(page, 'comparison-table'))).toHaveLength(3);
      await shot(page, 'central-02-former-provinces');
      const download = page.waitForEvent('download');
      await page.getByTestId('export-comparison').click();
      expect((await download).suggestedFilename()).toBe('so-sanh-TY_LE_TAP_HOP_HOI_VIEN-2024S1-truoc-sap-nhap.xlsx');

      // The time series for HN and DN (folded again): one line per province.
      await view.getByText('Tỉnh hiện nay').click();
      await page.getByRole('tab', { name: 'Diễn biến qua các kỳ' }).click();
      await page.goto(`${CENTRAL}&tab=series&tenants=HN,DN&n=4`);
      await page.getByRole('img', { name: /Biểu đồ đường/ }).waitFor();
      const series = demo(await rowsOf(page, 'series-table'));
      expect(series).toHaveLength(2);
      expect(series.join('\n')).toContain('Hội LHPN thành phố Hà Nội');
      expect(series.join('\n')).toContain('Hội LHPN thành phố Đà Nẵng');
      expect(await page.locator('.recharts-line').count()).toBe(2);
      await page.getByTestId('series-tenants').locator('.ant-select-selector').waitFor();
      await shot(page, 'central-03-series');
      // Unfolded, the series shows Quảng Nam as its own line.
      await page.getByTestId('central-view').getByText('Tỉnh trước sáp nhập').click();
      await page.waitForURL(/view=former/);
      await page.getByTestId('series-table').getByText('Hội LHPN tỉnh Quảng Nam').waitFor();
      expect(await page.locator('.recharts-line').count()).toBe(3);
      await shot(page, 'central-04-series-former');

      // Reporting progress per province: counts, rate, chart, export.
      await page.getByRole('tab', { name: 'Tiến độ báo cáo' }).click();
      await page.getByTestId('central-view').getByText('Tỉnh hiện nay').click();
      await page.getByRole('columnheader', { name: 'Phải báo cáo' }).waitFor();
      await page.waitForURL((url) => !url.search.includes('view=former'));
      await page.getByTestId('completeness-table').getByText('Hội LHPN tỉnh Quảng Nam').waitFor({ state: 'detached' });
      const progress = demo(await rowsOf(page, 'completeness-table'));
      expect(progress).toHaveLength(2);
      expect(progress.join('\n')).toMatch(/Hội LHPN thành phố Hà Nội\s+HN\s+126\s/);
      await page.getByRole('img', { name: /Biểu đồ tiến độ báo cáo/ }).waitFor();
      await shot(page, 'central-05-completeness');
      const file = page.waitForEvent('download');
      await page.getByTestId('export-completeness').click();
      expect((await file).suggestedFilename()).toBe('tien-do-bao-cao-2024S1.xlsx');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('works on a phone (375 px): the table scrolls inside its card, the switch and the tabs fit', async () => {
    const { context, page } = await newPage(browser(), PHONE);
    try {
      await login(page, 'TW', 'admin');
      await page.goto(`${CENTRAL}&view=former`);
      await page.getByRole('columnheader', { name: 'Hạng' }).waitFor();
      expect(demo(await rowsOf(page, 'comparison-table'))).toHaveLength(3);
      // Nothing wider than the screen: the page does not scroll sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await shot(page, 'central-06-phone-comparison', true);
      await page.getByRole('tab', { name: 'Tiến độ báo cáo' }).click();
      await page.getByRole('columnheader', { name: 'Đã nộp', exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
      await shot(page, 'central-07-phone-completeness', true);
      await page.getByRole('tab', { name: 'Diễn biến qua các kỳ' }).click();
      await page.getByRole('img', { name: /Biểu đồ đường/ }).waitFor();
      await shot(page, 'central-08-phone-series', true);
    } finally {
      await context.close();
    }
  }, 90_000);
});
