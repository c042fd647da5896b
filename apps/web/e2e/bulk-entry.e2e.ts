/**
 * Browser test of bulk entry and of the completeness list, against the built web app served by a running api
 * with the demo seed (SEN_BASE_URL): the Hà Nội city administrator types the values of two communes in the
 * grid, meets a validation error at its cell (and a cell that is not a number), fixes both and saves; then
 * the list of units that have not reported shows whom to call. Screenshots go to <repo>/test-output/screenshots.
 */
import type { Locator, Page } from 'playwright-core';
import type { BulkGrid, CompletenessResponse } from '@sen/contracts';
import { BASE_URL, DEMO_PASSWORD, login, newPage, shot, useBrowser } from './support';

const QUERY = 'period=2024S1&formCode=QG-6T';

const browser = useBrowser();

async function api<T>(pathAndQuery: string): Promise<T> {
  const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'HN', username: 'admin', password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${BASE_URL}/api/v1${pathAndQuery}`, { headers: { authorization: `Bearer ${accessToken}` } });
  if (!res.ok) throw new Error(`${pathAndQuery}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The grid renders only the rows in view: scroll its body until the unit's cell exists. */
async function cell(page: Page, unitId: string, key: string): Promise<Locator> {
  const target = page.getByTestId(`cell-${unitId}-${key}`);
  const holder = page.locator('.bulk-grid .ant-table-tbody-virtual-holder');
  for (let i = 0; i < 60 && (await target.count()) === 0; i++) {
    await holder.evaluate((el) => el.scrollBy(0, 250));
    await page.waitForTimeout(50);
  }
  await target.scrollIntoViewIfNeeded();
  return target;
}

async function type(page: Page, unitId: string, key: string, text: string): Promise<void> {
  const input = (await cell(page, unitId, key)).locator('input');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

describe('bulk entry and completeness in Chromium', () => {
  it('the city enters two communes in the grid, sees the error at its cell, fixes it and saves', async () => {
    // Two communes whose drafts are still empty (not the demo reporter's Cầu Giấy, which another test uses).
    const before = await api<BulkGrid>(`/reports/bulk-values?${QUERY}`);
    const empty = before.rows.filter((r) => r.status === 'draft' && r.values.length === 0 && !r.unitName.includes('Cầu Giấy'));
    expect(empty.length).toBeGreaterThanOrEqual(2);
    const [a, b] = empty as [BulkGrid['rows'][number], BulkGrid['rows'][number]];

    const { context, page } = await newPage(browser());
    try {
      await login(page, 'hn', 'admin');
      await page.locator('li[role=menuitem][data-menu-id$="-/reports"]').click();
      await page.waitForURL(/\/reports$/);
      await page.getByText('Nhập hàng loạt').click();
      await page.waitForURL(/\/reports\/bulk/);
      await page.goto(`${BASE_URL}/reports/bulk?${QUERY}`);
      await page.getByText(`${before.rows.length} đơn vị trực thuộc`).waitFor();
      await shot(page, '60-bulk-grid');

      await type(page, a.unitId, 'HOI_VIEN', '1.250');
      await type(page, a.unitId, 'HOI_VIEN_MOI', '45');
      await type(page, b.unitId, 'HOI_VIEN', '900');
      // More new members than members: the national check refuses it (saved as a draft with an error).
      await type(page, b.unitId, 'HOI_VIEN_MOI', '1.200');
      // Not a number: caught in the cell itself.
      await type(page, b.unitId, 'PHU_NU_TU_18_TUOI', 'nhiều');
      const womenCell = await cell(page, b.unitId, 'PHU_NU_TU_18_TUOI');
      await womenCell.getByText('“nhiều” không phải là số').waitFor();
      expect(await (await cell(page, a.unitId, 'HOI_VIEN')).locator('input').inputValue()).toBe('1.250');

      await page.getByRole('button', { name: 'Lưu 4 ô đã sửa' }).click();
      await page.getByText('Đã lưu số liệu của 2 đơn vị; còn 1 lỗi').waitFor();
      const errorCell = await cell(page, b.unitId, 'HOI_VIEN_MOI');
      await errorCell.getByText(/Số hội viên mới kết nạp không được lớn hơn tổng số hội viên/).waitFor();
      expect(await errorCell.getAttribute('class')).toContain('bulk-cell--error');
      await shot(page, '61-bulk-error-at-cell');

      // Fix both cells and save again: no error left.
      await type(page, b.unitId, 'HOI_VIEN_MOI', '60');
      await type(page, b.unitId, 'PHU_NU_TU_18_TUOI', '1.400');
      await page.getByRole('button', { name: 'Lưu 2 ô đã sửa' }).click();
      await page.getByText('Đã lưu số liệu của 1 đơn vị').waitFor();
      expect(await (await cell(page, b.unitId, 'HOI_VIEN_MOI')).getAttribute('class')).not.toContain('bulk-cell--error');
      await shot(page, '62-bulk-fixed');
    } finally {
      await context.close();
    }

    const after = await api<BulkGrid>(`/reports/bulk-values?${QUERY}`);
    const value = (unitId: string, code: string) => after.rows.find((r) => r.unitId === unitId)!.values.find((v) => v.indicator === code)?.value;
    expect([value(a.unitId, 'HOI_VIEN'), value(a.unitId, 'HOI_VIEN_MOI')]).toEqual([1250, 45]);
    expect([value(b.unitId, 'HOI_VIEN'), value(b.unitId, 'HOI_VIEN_MOI'), value(b.unitId, 'PHU_NU_TU_18_TUOI')]).toEqual([900, 60, 1400]);
    expect(after.rows.find((r) => r.unitId === b.unitId)!.issues.filter((i) => i.severity === 'error')).toEqual([]);
  }, 120_000);

  it('the list of units that have not reported names each one\'s parent and contact', async () => {
    const data = await api<CompletenessResponse>(`/reports/completeness?${QUERY}`);
    const first = data.missing.find((m) => m.contactName)!;
    expect(first).toBeDefined();
    const { context, page } = await newPage(browser());
    try {
      await login(page, 'hn', 'admin');
      await page.goto(`${BASE_URL}/reports/completeness?${QUERY}`);
      const row = page.locator('.ant-table-row').filter({ hasText: first.name });
      await row.getByText(first.contactName!).waitFor();
      await row.getByText(first.contactPhone!).waitFor();
      expect(await row.getByRole('link', { name: first.contactPhone! }).getAttribute('href')).toBe(`tel:${first.contactPhone!.replace(/ /g, '')}`);
      await row.getByText('Hội LHPN thành phố Hà Nội').waitFor();
      await page.getByText(/Đơn vị chưa nộp/).scrollIntoViewIfNeeded();
      await shot(page, '63-completeness-contacts');
    } finally {
      await context.close();
    }
  }, 60_000);
  it('the administrator finds the counting setting under Reports (off by default)', async () => {
    const { context, page } = await newPage(browser());
    try {
      await login(page, 'hn', 'admin');
      await page.goto(`${BASE_URL}/reports`);
      await page.getByText('Cài đặt', { exact: true }).click();
      await page.waitForURL(/\/reports\/settings$/);
      const toggle = page.getByRole('switch');
      await toggle.waitFor();
      expect(await toggle.getAttribute('aria-checked')).toBe('false');
      await page.getByText('Tính cả báo cáo đã gửi nhưng chưa được duyệt').waitFor();
      await page.getByText(/chỉ gồm các báo cáo đã được cấp trên duyệt/).waitFor();
      await shot(page, '64-report-settings');
    } finally {
      await context.close();
    }
  }, 60_000);
});
