/**
 * Browser test of plans (Kế hoạch) on the built web app served by the api — the "Done means" of the plans
 * issue: the Hà Nội administrator uploads the seed plan 004 (a .txt converted from Word), checks the review
 * screen, saves the draft, sends it for review and issues it, downloads the Word file, records an activity
 * done, finds its activities on the calendar (and exports it to Excel) and its reporting duties on the page
 * of a district it binds (Hội LHPN huyện Đông Anh) — on a laptop, then the same screens on a phone. Needs the
 * api running at SEN_BASE_URL with the demo seed (which already issued 13/KH-BTV: the upload's number is
 * cleared to get a new one).
 */
import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import zlib from 'node:zlib';
import { readZipEntry } from '../src/modules/plans/docx-text';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './launch-chromium';

const BASE_URL = (process.env.SEN_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const SCREENSHOTS = path.resolve(__dirname, '../../../test-output/screenshots');
const SEED = path.resolve(__dirname, '../../../packages/plans/fixtures/seeds/004_54a72de98b032c2a.txt');
const TENANT_NAME = 'Hội LHPN thành phố Hà Nội';
const TIMEOUT = 20_000;

let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function newPage(options: Parameters<Browser['newContext']>[0]): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP: axe-core is injected as an inline script to audit the calendar (the app's CSP refuses those).
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true, bypassCSP: true, ...options });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  return { context, page };
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

async function login(page: Page): Promise<void> {
  await page.goto(`${BASE_URL}/`);
  await page.waitForURL(/\/login$/);
  await page.getByLabel('Đơn vị (mã)').fill('hn');
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill('sen-demo-2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('tenant-name').getByText(TENANT_NAME).waitFor();
}

/** Violations axe-core finds on the page now, of the given rules (or serious and critical ones of any rule). */
async function axeViolations(page: Page, rules: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const found = (await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, nodes: v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`.slice(0, 300)) }));
  })) as { id: string; impact: string | null; nodes: string[] }[];
  return found
    .filter((v) => rules.includes(v.id) || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.nodes.slice(0, 3).join(' | ')}`);
}

/** Uploads the seed on /plans/import and waits for the review screen. */
async function uploadSeed(page: Page): Promise<void> {
  await page.getByText('Kéo tệp vào đây hoặc bấm để chọn tệp').waitFor();
  await page.locator('input[type=file]').setInputFiles(SEED);
  await page.getByRole('heading', { name: 'Kiểm tra kế hoạch đã nhập' }).waitFor();
}

describe('plans in Chromium', () => {
  let symbol = '';
  let planUrl = '';

  it('imports the seed 004, reviews it, saves, issues, downloads the Word file, and finds it on the calendar and a commune’s page', async () => {
    const { context, page } = await newPage({ viewport: { width: 1366, height: 860 } });
    try {
      await login(page);
      await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
      await page.waitForURL(/\/plans$/);
      await page.locator('.plans-table .ant-table-row').first().waitFor();
      await page.getByLabel('Tìm kế hoạch').fill('nong thon moi');
      await page.locator('.plans-table').getByText('13/KH-BTV').waitFor();
      await shot(page, 'plans-20-plans-list-search');

      await page.getByRole('button', { name: 'Nhập kế hoạch' }).click();
      await page.waitForURL(/\/plans\/import$/);
      await shot(page, 'plans-21-plan-import-upload');
      await uploadSeed(page);

      // The document beside its structure.
      await page.getByTestId('plan-source').getByText('Số: 13/KH-BTV').waitFor();
      expect(await page.getByLabel('Số, ký hiệu').inputValue()).toBe('13/KH-BTV');
      expect(await page.getByLabel('Trích yếu').inputValue()).toMatch(/nông thôn mới, đô thị văn minh/);
      expect(await page.getByTestId('plan-target').count()).toBe(3);
      await page.getByTestId('plan-confidence').first().waitFor();
      // Pre-filled only from 80 % on: every chosen indicator shows a confidence of at least 80 %.
      for (const tag of await page.getByTestId('plan-confidence').allInnerTexts()) expect(Number(/(\d+)%/.exec(tag)![1])).toBeGreaterThanOrEqual(80);
      // The dated events and the undated ones (the tọa đàm, the trainings, the contest …).
      expect(await page.getByTestId('plan-activity').count()).toBe(20);
      expect(await page.getByTestId('plan-obligation').count()).toBe(2);
      await shot(page, 'plans-22-plan-review');
      await page.getByTestId('plan-activity').first().scrollIntoViewIfNeeded();
      await shot(page, 'plans-23-plan-review-activities');

      // 13/KH-BTV of 2024 is issued by the demo: clear the number so that issuing gives the next one.
      await page.getByTestId('plan-number-taken').waitFor();
      await page.getByRole('button', { name: 'Xoá số' }).click();
      expect(await page.getByLabel('Số, ký hiệu').inputValue()).toBe('');

      await page.getByRole('button', { name: 'Lưu bản nháp' }).first().click();
      await page.waitForURL(/\/plans\/\d+$/);
      planUrl = page.url();
      await page.getByTestId('plan-status').getByText('Dự thảo').waitFor();
      await shot(page, 'plans-24-plan-draft');

      await page.getByRole('button', { name: 'Gửi duyệt' }).click();
      await page.getByTestId('plan-status').getByText('Đang xem xét').waitFor();
      await page.getByRole('button', { name: 'Ban hành' }).click();
      const confirm = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
      await confirm.getByText('Ban hành kế hoạch?').waitFor();
      await shot(page, 'plans-25a-plan-issue-confirm');
      await confirm.getByRole('button', { name: 'Ban hành' }).click();
      await page.getByTestId('plan-status').getByText('Đã ban hành').waitFor();
      symbol = (await page.getByTestId('plan-symbol').innerText()).trim();
      expect(symbol).toMatch(/^\d+\/KH-BTV$/);
      expect(symbol).not.toBe('13/KH-BTV');
      await shot(page, 'plans-25-plan-issued');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải file Word' }).click()]);
      const number = symbol.split('/')[0];
      expect(download.suggestedFilename()).toBe(`KH-${number}-BTV-2024.docx`);
      const file = await download.path();
      const bytes = fs.readFileSync(file);
      expect(bytes.length).toBeGreaterThan(5000);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

      const docx = path.join(SCREENSHOTS, '..', `plans-${number}.docx`);
      await download.saveAs(docx);

      await page.getByRole('tab', { name: /Phiên bản/ }).click();
      await page.getByTestId('plan-version').first().waitFor();
      expect(await page.getByTestId('plan-version').count()).toBe(2);
      await page.getByTestId('plan-version').first().getByText(/thay đổi/).click();
      await page.getByTestId('plan-change').filter({ hasText: `Số, ký hiệu: (trống) → “${symbol}”` }).waitFor();
      await shot(page, 'plans-26-plan-versions');

      // The 18 models of target (3) split between the districts: refused while it does not add up, then saved.
      await page.getByRole('tab', { name: 'Phân bổ chỉ tiêu' }).click();
      const allocation = page.getByTestId('plan-allocation');
      await allocation.getByText(/18 mô hình/).first().waitFor();
      const inputs = allocation.locator('.ant-table-row input');
      await inputs.nth(2).waitFor();
      await inputs.nth(0).fill('10');
      await inputs.nth(1).fill('5');
      await allocation.getByTestId('allocation-sum').getByText('Đã phân bổ 15 / 18 mô hình.').waitFor();
      await allocation.getByTestId('allocation-sum').getByText('Còn thiếu 3 mô hình.').waitFor();
      await allocation.getByTestId('allocation-save').click();
      const refusal = allocation.getByTestId('allocation-error');
      await refusal.waitFor();
      expect(await refusal.innerText()).toMatch(/Phân bổ:.*thiếu 3/s);
      await shot(page, 'plans-26b-plan-allocation-refused');
      await inputs.nth(2).fill('3');
      await allocation.getByTestId('allocation-sum').getByText('Khớp với chỉ tiêu.').waitFor();
      await allocation.getByTestId('allocation-save').click();
      await page.getByText('Đã lưu phân bổ chỉ tiêu').waitFor();
      expect(await refusal.count()).toBe(0);
      // Saved: a fresh load of the plan shows the split.
      await page.reload();
      await page.getByRole('tab', { name: 'Phân bổ chỉ tiêu' }).click();
      await allocation.getByTestId('allocation-sum').getByText('Đã phân bổ 18 / 18 mô hình.').waitFor();
      expect(await inputs.nth(0).inputValue()).toBe('10');
      expect(await inputs.nth(2).inputValue()).toBe('3');
      await shot(page, 'plans-26c-plan-allocation-saved');

      // The September event was held: the administrator records it done (the content stays read-only).
      await page.getByRole('tab', { name: 'Nội dung' }).click();
      const september = page.getByTestId('plan-activity-row').filter({ hasText: 'Tháng 9/2024' });
      await september.getByTestId('activity-status-tag').getByText('Quá hạn, chưa báo cáo').waitFor();
      await september.getByRole('button', { name: /Cập nhật tiến độ/ }).click();
      const form = page.getByTestId('activity-status-form');
      await form.getByLabel('Tình trạng').waitFor();
      await form.locator('.ant-select-selector').first().click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText('Đã thực hiện', { exact: true }).click();
      await form.getByLabel('Ngày thực hiện').fill('20/09/2024');
      await form.getByLabel('Ngày thực hiện').press('Enter');
      await form.getByLabel('Ghi chú').fill('Tổ chức tại huyện Đông Anh');
      await shot(page, 'plans-26d-activity-status-form');
      await form.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã lưu tiến độ hoạt động').waitFor();
      await september.getByTestId('activity-status-tag').getByText('Đã thực hiện 20/09/2024').waitFor();
      await september.scrollIntoViewIfNeeded();
      await shot(page, 'plans-26e-activity-done');

      // Its activities on the calendar of 2024 (September, and Q4 in October–December).
      await page.getByRole('button', { name: 'Xem trên lịch' }).click();
      await page.waitForURL(/\/plans\/calendar\?year=2024$/);
      await page.getByTestId('plan-month-9').getByText(symbol, { exact: true }).waitFor();
      for (const m of [10, 11, 12]) await page.getByTestId(`plan-month-${m}`).getByText(symbol, { exact: true }).waitFor();
      await page.getByTestId('plan-month-12').getByText('Quý 4/2024', { exact: false }).first().waitFor();
      const sepItem = page.getByTestId('plan-month-9').getByTestId('plan-calendar-item').filter({ hasText: symbol });
      await sepItem.getByText('Đã thực hiện 20/09/2024').waitFor();
      // The expand links say what they are named ("Mở rộng"): no label-content-name-mismatch, nothing serious
      // (audited at rest: the pointer off the buttons, whose hover colour is the theme's).
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      expect(await axeViolations(page, ['label-content-name-mismatch'])).toEqual([]);
      await shot(page, 'plans-27-plan-calendar', true);
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
      expect(xlsx.suggestedFilename()).toBe('lich-hoat-dong-2024-01-01-2024-12-31.xlsx');
      // An .xlsx is a zip: its texts are in xl/sharedStrings.xml (Vietnamese headers, the plan, the status).
      const zip = new Uint8Array(fs.readFileSync(await xlsx.path()));
      const strings = Buffer.from((await readZipEntry(zip, 'xl/sharedStrings.xml', async (d) => new Uint8Array(zlib.inflateRawSync(d))))!).toString('utf8');
      for (const text of ['Hoạt động', 'Thời gian', 'Kế hoạch', 'Đơn vị chủ trì', 'Tình trạng', 'Tháng 9/2024', 'Đã thực hiện', '20/09/2024']) expect(strings).toContain(text);
      expect(strings).toContain(symbol);
      // The Word file goes back through the importer: the review screen shows its text, read in the browser.
      await page.goto(`${BASE_URL}/plans/import`);
      await page.getByText('Kéo tệp vào đây hoặc bấm để chọn tệp').waitFor();
      await page.locator('input[type=file]').setInputFiles(docx);
      await page.getByRole('heading', { name: 'Kiểm tra kế hoạch đã nhập' }).waitFor();
      await page.getByTestId('plan-source').getByText(`Số: ${symbol}`).waitFor();
      expect(await page.getByLabel('Số, ký hiệu').inputValue()).toBe(symbol);
      await shot(page, 'plans-29-review-docx');
      fs.rmSync(docx, { force: true });

      // Its reporting duties on the districts' pages: "Hội LHPN các huyện, thị xã" of 2024 — the 17 huyện and
      // Sơn Tây as they were before the 2025 reform (not the quận, not the wards of 2025).
      await page.goto(planUrl);
      await page.getByRole('tab', { name: 'Đơn vị báo cáo' }).click();
      const bound = page.getByTestId('plan-bound-units');
      await bound.getByText('18 đơn vị phải báo cáo', { exact: false }).waitFor();
      expect(await bound.getByText(/Hội LHPN quận /).count()).toBe(0);
      await bound.getByRole('link', { name: 'Hội LHPN thị xã Sơn Tây' }).waitFor();
      await shot(page, 'plans-28a-plan-bound-units');
      await bound.getByRole('link', { name: 'Hội LHPN huyện Đông Anh' }).click();
      await page.waitForURL(/\/plans\/units\/\d+$/);
      await page.getByTestId('plan-unit-name').getByText('Hội LHPN huyện Đông Anh').waitFor();
      // The year shown is the latest with obligations: 2024.
      await page.getByText('Các báo cáo phải gửi theo kế hoạch năm 2024').waitFor();
      const rows = page.locator('.plan-obligations .ant-table-row').filter({ hasText: symbol });
      await rows.first().waitFor();
      expect(await rows.count()).toBe(2);
      await rows.filter({ hasText: 'Trước 13/06' }).first().waitFor();
      await rows.filter({ hasText: 'Trước 30/10' }).first().waitFor();
      // And the city's activities it takes part in, with their progress.
      await page.getByTestId('plan-unit-activity').filter({ hasText: symbol }).getByText('Đã thực hiện 20/09/2024').first().waitFor();
      await shot(page, 'plans-28-plan-unit-obligations', true);

      // The list filters by unit: the plans of Hội LHPN huyện Đông Anh's city apply, its own list is empty.
      await page.goto(`${BASE_URL}/plans`);
      const unitFilter = page.getByRole('combobox', { name: 'Đơn vị' });
      await unitFilter.focus();
      await unitFilter.pressSequentially('cau giay', { delay: 30 });
      await page.locator('.ant-select-dropdown').getByText('Hội LHPN phường Cầu Giấy', { exact: true }).click();
      await page.waitForURL(/unitId=\d+/);
      await page.getByText('Chưa có kế hoạch nào khớp').waitFor();
      await shot(page, 'plans-28b-plans-filter-unit');
    } finally {
      await context.close();
    }
  });

  it('works on a phone (390×844): list, import review, plan and calendar', async () => {
    const { context, page } = await newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    try {
      await login(page);
      await page.getByRole('button', { name: 'Mở menu' }).click();
      await page.locator('.ant-drawer').getByText('Kế hoạch').click();
      await page.waitForURL(/\/plans$/);
      await page.locator('.plan-row--phone').first().waitFor();
      await shot(page, 'plans-30-phone-plans');

      await page.goto(`${BASE_URL}/plans/import`);
      await uploadSeed(page);
      await page.getByRole('tab', { name: 'Cấu trúc' }).waitFor();
      await shot(page, 'plans-31-phone-review-structure');
      await page.getByRole('tab', { name: 'Văn bản gốc' }).click();
      await page.getByTestId('plan-source').getByText('Số: 13/KH-BTV').waitFor();
      await shot(page, 'plans-32-phone-review-document');

      if (planUrl) {
        await page.goto(planUrl);
        await page.getByTestId('plan-status').getByText('Đã ban hành').waitFor();
        await shot(page, 'plans-33-phone-plan');
      }
      await page.goto(`${BASE_URL}/plans/calendar?year=2024`);
      await page.getByTestId('plan-month-10').waitFor();
      await shot(page, 'plans-34-phone-calendar');
    } finally {
      await context.close();
    }
  });
});
