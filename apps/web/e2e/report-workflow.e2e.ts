/**
 * Browser test of the report page beyond plain figures, against the built web app served by a running api with
 * the demo seed (SEN_BASE_URL): the commune reporter finds its half-year report on the home page, enters the
 * members per age group and the narrative, saves and submits; the city administrator reopens the approved report
 * with a reason; the reporter sees the reason at the top of the report; the value history shows who changed what.
 * Screenshots go to <repo>/test-output/screenshots.
 */
import type { ReportDetail } from '@sen/contracts';
import { BASE_URL, LAPTOP, PHONE, apiToken, login, newPage, shot, useBrowser } from './support';

const browser = useBrowser();
/** One session per demo user for the whole file (access tokens last 15 minutes). */
const tokens: Record<string, Promise<string>> = {};

async function call<T>(tenant: string, username: string, method: string, pathAndQuery: string, body?: unknown): Promise<{ status: number; body: T }> {
  const token = await (tokens[`${tenant}/${username}`] ??= apiToken(tenant, username));
  const res = await fetch(`${BASE_URL}/api/v1${pathAndQuery}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function ok<T>(tenant: string, username: string, method: string, pathAndQuery: string, body?: unknown): Promise<T> {
  const res = await call<T>(tenant, username, method, pathAndQuery, body);
  if (res.status >= 300) throw new Error(`${method} ${pathAndQuery}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const nf = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

/**
 * The reporter's 2024S1 report, open for entry with plain totals that pass the national checks (set through the
 * API: this test is about the categories and the narrative) and no categories or narrative yet.
 */
async function prepareReport(): Promise<ReportDetail> {
  const list = await ok<{ items: { id: string; status: string }[] }>('HN', 'reporter', 'GET', '/reports?period=2024S1&formCode=QG-6T');
  const id = list.items[0]!.id;
  let report = await ok<ReportDetail>('HN', 'reporter', 'GET', `/reports/${id}`);
  if (report.status === 'submitted') await ok('HN', 'admin', 'POST', `/reports/${id}/return`, { comment: 'Chạy lại kiểm thử giao diện' });
  if (report.status === 'approved') await ok('HN', 'admin', 'POST', `/reports/${id}/reopen`, { reason: 'Chạy lại kiểm thử giao diện' });
  const stale = report.values.filter((v) => v.category !== '').map((v) => ({ indicator: v.indicator, category: v.category, value: null }));
  report = await ok<ReportDetail>('HN', 'reporter', 'PUT', `/reports/${id}/values`, {
    values: [
      { indicator: 'HOI_VIEN', value: 1000 },
      { indicator: 'HOI_VIEN_MOI', value: 80 },
      { indicator: 'PHU_NU_TU_18_TUOI', value: 2500 },
      { indicator: 'CHI_HOI', value: 9 },
      { indicator: 'TY_LE_TAP_HOP_HOI_VIEN', numerator: 1000, denominator: 2500 },
      ...stale,
    ],
    narrative: {},
  });
  return report;
}

describe('report categories, narrative, reopening and history in Chromium', () => {
  it('the reporter enters members per age group and the narrative; the city reopens with a reason; the history shows the change', async () => {
    const prepared = await prepareReport();
    const young = 300 + Math.floor(Math.random() * 50);
    const middle = 500;
    const old = 240;
    const sum = young + middle + old;
    const reason = `Số hội viên theo nhóm tuổi chưa khớp danh sách (lần ${Math.floor(Math.random() * 1000)})`;

    // The reporter's first screen lists the report to send; the entry form takes the categories and the narrative.
    const { context, page } = await newPage(browser(), LAPTOP);
    try {
      await login(page, 'hn', 'reporter');
      const todo = page.getByTestId('reports-todo');
      const item = todo.getByTestId('todo-report').filter({ hasText: '6 tháng đầu năm 2024' });
      await item.getByText('Hội LHPN phường Cầu Giấy').waitFor();
      await todo.getByText('Báo cáo cần gửi').waitFor();
      await shot(page, '60-reporter-home-todo');
      await item.getByRole('button', { name: 'Nhập số liệu' }).click();
      await page.waitForURL(new RegExp(`/reports/${prepared.id}$`));

      const members = page.locator('#indicator-HOI_VIEN');
      await members.getByText('Chia theo Nhóm tuổi').waitFor();
      await page.getByLabel('Số hội viên — Dưới 35 tuổi').fill(String(young));
      await page.getByLabel('Số hội viên — Từ 35 đến 60 tuổi').fill(String(middle));
      await page.getByLabel('Số hội viên — Trên 60 tuổi').fill(String(old));
      await page.getByLabel('Số hội viên — Trên 60 tuổi').blur();
      // The groups' total, the Vietnamese way, and the mismatch with the total typed above.
      await members.getByTestId('categories-total-HOI_VIEN-NHOM_TUOI').getByText(nf(sum)).waitFor();
      await members.getByText(`khác tổng đã nhập (${nf(1000)})`).waitFor();
      await members.scrollIntoViewIfNeeded();
      await shot(page, '61-report-categories');
      await members.getByRole('button', { name: 'Dùng làm tổng' }).click();
      expect(await page.getByLabel('Số hội viên', { exact: true }).inputValue()).toBe(nf(sum));
      await members.getByText('khác tổng đã nhập').waitFor({ state: 'detached' });

      await page.getByLabel('1. Kết quả nổi bật').fill('Kết nạp 80 hội viên mới; duy trì 9 chi hội.\nMô hình "Phân loại rác thải" hoạt động đều.');
      await page.getByLabel('4. Đề xuất, kiến nghị').fill('Đề nghị Thành hội hỗ trợ kinh phí tập huấn chuyển đổi số.');
      await page.locator('#report-narrative').scrollIntoViewIfNeeded();
      await shot(page, '62-report-narrative');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã lưu').first().waitFor();

      // What was saved is what the API holds, and what the page shows after a reload.
      const saved = await ok<ReportDetail>('HN', 'reporter', 'GET', `/reports/${prepared.id}`);
      const value = (indicator: string, category: string) => saved.values.find((v) => v.indicator === indicator && v.category === category)?.value;
      expect([value('HOI_VIEN', ''), value('HOI_VIEN', 'DUOI_35'), value('HOI_VIEN', 'TU_35_DEN_60'), value('HOI_VIEN', 'TREN_60')]).toEqual([sum, young, middle, old]);
      expect(saved.narrative).toEqual({
        'Kết quả nổi bật': 'Kết nạp 80 hội viên mới; duy trì 9 chi hội.\nMô hình "Phân loại rác thải" hoạt động đều.',
        'Đề xuất, kiến nghị': 'Đề nghị Thành hội hỗ trợ kinh phí tập huấn chuyển đổi số.',
      });
      await page.reload();
      expect(await page.getByLabel('Số hội viên — Dưới 35 tuổi').inputValue()).toBe(nf(young));
      expect(await page.getByLabel('4. Đề xuất, kiến nghị').inputValue()).toBe('Đề nghị Thành hội hỗ trợ kinh phí tập huấn chuyển đổi số.');

      const explanations = page.getByLabel('Giải trình cảnh báo');
      for (let i = 0; i < (await explanations.count()); i++) await explanations.nth(i).fill('Số liệu đã được kiểm tra lại với danh sách hội viên.');
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await page.getByTestId('report-status').getByText('Đã gửi').waitFor();
      await page.getByText('Nộp muộn').first().waitFor();
    } finally {
      await context.close();
    }

    // The city approves it (through the API: approval has its own test); a reporter may not reopen it.
    await ok('HN', 'admin', 'POST', `/reports/${prepared.id}/approve`);
    expect((await call('HN', 'reporter', 'POST', `/reports/${prepared.id}/reopen`, { reason: 'x' })).status).toBe(403);

    const { context: adminCtx, page: admin } = await newPage(browser(), LAPTOP);
    try {
      await login(admin, 'hn', 'admin');
      await admin.goto(`${BASE_URL}/reports/${prepared.id}`);
      await admin.getByTestId('report-status').getByText('Đã duyệt').waitFor();
      // An approved report is read-only: the narrative shows what was written, not empty boxes.
      await admin.locator('#report-narrative').getByText('Đề nghị Thành hội hỗ trợ kinh phí').waitFor();
      expect(await admin.getByLabel('3. Phương hướng, nhiệm vụ kỳ tới').count()).toBe(0);
      await admin.getByRole('button', { name: 'Mở lại báo cáo' }).click();
      const dialog = admin.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Mở lại báo cáo' }).click();
      await dialog.getByText('Vui lòng nhập lý do mở lại').waitFor();
      await dialog.getByLabel('Lý do mở lại').fill(reason);
      await shot(admin, '63-report-reopen-dialog');
      await dialog.getByRole('button', { name: 'Mở lại báo cáo' }).click();
      await admin.getByTestId('report-status').getByText('Bị trả lại').waitFor();
      await admin.getByTestId('return-comment').getByText(reason).waitFor();
      await shot(admin, '64-report-reopened');
    } finally {
      await adminCtx.close();
    }

    // The reporter sees why at the top of the report, on a phone too, and the history of the figures.
    const { context: phoneCtx, page: phone } = await newPage(browser(), PHONE);
    try {
      await login(phone, 'hn', 'reporter');
      await phone.goto(`${BASE_URL}/reports/${prepared.id}`);
      const comment = phone.getByTestId('return-comment');
      await comment.getByText(reason).waitFor();
      const box = await comment.boundingBox();
      expect(box).not.toBeNull();
      // Visible without scrolling: within the first screen of the phone.
      expect(box!.y + box!.height).toBeLessThan(812);
      await shot(phone, '65-phone-returned-comment');

      await phone.getByRole('button', { name: 'Lịch sử thay đổi' }).click();
      const drawer = phone.locator('.ant-drawer-content');
      const young35 = drawer.getByTestId('history-row').filter({ hasText: 'Nhóm: Dưới 35 tuổi' }).first();
      await young35.waitFor();
      expect(await young35.innerText()).toContain('reporter');
      expect(await young35.innerText()).toContain(nf(young));
      // The total went from the 1.000 set up to the groups' sum taken as the total.
      const total = drawer.getByTestId('history-row').filter({ hasText: 'Số hội viên' }).filter({ hasText: nf(sum) }).filter({ hasNotText: 'Nhóm:' }).first();
      expect(await total.innerText()).toContain(nf(1000));
      await shot(phone, '66-phone-report-history');
    } finally {
      await phoneCtx.close();
    }

    // The same history on a laptop, as a table.
    const { context: c3, page: laptop } = await newPage(browser(), LAPTOP);
    try {
      await login(laptop, 'hn', 'reporter');
      await laptop.goto(`${BASE_URL}/reports/${prepared.id}`);
      await laptop.getByRole('button', { name: 'Lịch sử thay đổi' }).click();
      await laptop.locator('.ant-drawer-content').getByTestId('history-row').first().waitFor();
      await shot(laptop, '67-report-history');
    } finally {
      await c3.close();
    }
  }, 180_000);
});
