/**
 * Browser test of the built web app served by the api: login, the app shell, the unit tree and the
 * diacritics-free search, on a laptop and on a phone. Drives Debian's Chromium through
 * playwright-core (no browser download). Needs the api running at SEN_BASE_URL with the demo seed.
 */
import type { Page } from 'playwright-core';
import { BASE_URL, newPage, shot, useBrowser } from './support';

const TENANT_NAME = 'Hội LHPN thành phố Hà Nội';

const browser = useBrowser();

async function login(page: Page, password = 'sen-demo-2024'): Promise<void> {
  await page.goto(`${BASE_URL}/`);
  await page.waitForURL(/\/login$/);
  await page.getByLabel('Đơn vị (mã)').fill('hn');
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('web app in Chromium', () => {
  it('refuses a wrong password with the Vietnamese message', async () => {
    const { context, page } = await newPage(browser(), { viewport: { width: 1366, height: 860 } });
    try {
      await login(page, 'mat-khau-sai');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.innerText()).trim();
      expect(text).toMatch(/mật khẩu/i);
      expect(text).not.toMatch(/password/i);
      expect(page.url()).toMatch(/\/login$/);
      await shot(page, '00-login-wrong-password');
    } finally {
      await context.close();
    }
  });

  it('logs in, shows the tenant, opens the unit tree and finds "Cầu Giấy" by typing "cau giay"', async () => {
    const { context, page } = await newPage(browser(), { viewport: { width: 1366, height: 860 } });
    try {
      await page.goto(`${BASE_URL}/`);
      await page.waitForURL(/\/login$/);
      await page.getByRole('heading', { name: 'Sen' }).waitFor();
      await page.getByText('Nền tảng kế hoạch và báo cáo của Hội LHPN').waitFor();
      await shot(page, '01-login');

      await login(page);
      await page.waitForURL(`${BASE_URL}/`);
      await page.getByTestId('tenant-name').getByText(TENANT_NAME).waitFor();
      expect(await page.evaluate(() => window.localStorage.getItem('sen.session'))).toContain('accessToken');
      await page.locator('[data-testid="root-unit-card"] .ant-statistic-content-value').first().waitFor();
      await shot(page, '02-dashboard');

      await page.getByRole('menuitem', { name: 'Cơ cấu tổ chức' }).click();
      await page.waitForURL(/\/org-units/);
      const tree = page.locator('.unit-tree');
      const rootNode = tree.getByRole('treeitem').first();
      await rootNode.getByText(TENANT_NAME).waitFor();

      // Expand the root: its children are loaded from the API on demand.
      await rootNode.locator('.ant-tree-switcher').click();
      await tree.getByRole('treeitem').nth(1).waitFor();
      const childCount = await tree.getByRole('treeitem').count();
      expect(childCount).toBeGreaterThan(1);
      // The detail panel shows the root with its number of units.
      await page.locator('.unit-detail').getByText('Số đơn vị trực thuộc').waitFor();
      await shot(page, '03-unit-tree');

      await page.getByLabel('Tìm đơn vị').fill('cau giay');
      const result = page.locator('.unit-search__list').getByText(/Cầu Giấy/).first();
      await result.waitFor();
      await shot(page, '04-search-cau-giay');

      const name = (await result.innerText()).trim();
      await result.click();
      await page.waitForURL(/\/org-units\/\d+$/);
      await page.locator('.unit-detail .ant-card-head').getByText(name).waitFor();
      await page.locator('.unit-detail .ant-breadcrumb').getByText(TENANT_NAME).waitFor();
      await shot(page, '05-unit-detail');

      // Back to the tree: it is opened down to the unit found.
      await page.getByLabel('Tìm đơn vị').fill('');
      await tree.locator('.ant-tree-node-selected').getByText(name).waitFor();
      await shot(page, '06-tree-revealed');

      await page.getByRole('menuitem', { name: 'Chỉ tiêu thống kê' }).click();
      await page.waitForURL(/\/indicators$/);
      await page.locator('.ant-table-row').first().waitFor();
      await shot(page, '07-indicators');
    } finally {
      await context.close();
    }
  });

  it('opens the write dialogs (without saving) and switches to English', async () => {
    const { context, page } = await newPage(browser(), { viewport: { width: 1366, height: 860 } });
    try {
      await login(page);
      await page.getByTestId('tenant-name').getByText(TENANT_NAME).waitFor();
      await page.getByRole('menuitem', { name: 'Cơ cấu tổ chức' }).click();
      const detail = page.locator('.unit-detail');
      await detail.getByText('Số đơn vị trực thuộc').waitFor();

      await detail.getByRole('button', { name: 'Thêm đơn vị con' }).click();
      const addDialog = page.getByRole('dialog');
      await addDialog.getByLabel('Tên đơn vị').waitFor();
      await shot(page, '08-dialog-add-child');
      await addDialog.getByRole('button', { name: 'Hủy' }).click();
      await addDialog.waitFor({ state: 'hidden' });

      await page.getByLabel('Tìm đơn vị').fill('cau giay');
      await page.locator('.unit-search__list').getByText(/Cầu Giấy/).first().click();
      await detail.getByRole('button', { name: 'Sáp nhập' }).click();
      const mergeDialog = page.getByRole('dialog');
      await mergeDialog.getByLabel('Các đơn vị được sáp nhập').waitFor();
      await shot(page, '09-dialog-merge');
      await mergeDialog.getByRole('button', { name: 'Hủy' }).click();
      await mergeDialog.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
      const importDialog = page.getByRole('dialog');
      await importDialog.getByText('Tải tệp mẫu').waitFor();
      await shot(page, '09b-dialog-import');
      await importDialog.getByRole('button', { name: 'Hủy' }).click();

      await page.getByText('English', { exact: true }).click();
      await page.getByRole('menuitem', { name: 'Indicators' }).click();
      await page.locator('.ant-table-row').first().waitFor();
      await page.getByLabel('Search indicators').fill('hoi vien');
      await page.locator('.ant-table-row').first().waitFor();
      await shot(page, '09c-indicators-english-search');
      await page.getByText('Tiếng Việt', { exact: true }).click();
      await page.getByRole('menuitem', { name: 'Chỉ tiêu thống kê' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('works on a phone (390×844): drawer menu, tree and unit detail', async () => {
    const { context, page } = await newPage(browser(), { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    try {
      await page.goto(`${BASE_URL}/login`);
      await page.getByLabel('Đơn vị (mã)').waitFor();
      await shot(page, '10-phone-login');

      await login(page);
      await page.getByTestId('tenant-name').getByText(TENANT_NAME).waitFor();
      await page.locator('[data-testid="root-unit-card"] .ant-statistic-content-value').first().waitFor();
      await shot(page, '11-phone-dashboard');

      await page.getByRole('button', { name: 'Mở menu' }).click();
      await page.locator('.ant-drawer').getByText('Cơ cấu tổ chức').waitFor();
      await shot(page, '12-phone-menu');
      await page.locator('.ant-drawer').getByText('Cơ cấu tổ chức').click();
      await page.waitForURL(/\/org-units$/);

      const tree = page.locator('.unit-tree');
      const rootNode = tree.getByRole('treeitem').first();
      await rootNode.getByText(TENANT_NAME).waitFor();
      await rootNode.locator('.ant-tree-switcher').click();
      await tree.getByRole('treeitem').nth(1).waitFor();
      await shot(page, '13-phone-tree');

      await page.getByLabel('Tìm đơn vị').fill('cau giay');
      const result = page.locator('.unit-search__list').getByText(/Cầu Giấy/).first();
      await result.waitFor();
      await result.click();
      await page.locator('.ant-drawer .unit-detail').getByText('Số đơn vị trực thuộc').waitFor();
      await shot(page, '14-phone-unit-detail');
    } finally {
      await context.close();
    }
  });
});
