/**
 * Browser test of the national recompute and the reconciliation, against the built web app served by a running api
 * and worker on the demo data (SEN_BASE_URL): the central union (TW/admin) recomputes the nation for 2024S1 on the
 * rollups page and follows the bar of the whole and of each province until the result shows; Hà Nội's administrator
 * reconciles the city's totals and reads "Đối soát lần cuối: … — 0 sai lệch", and sees no national card.
 * Screenshots go to <repo>/test-output/screenshots.
 */
import path from 'node:path';
import { BASE_URL, LAPTOP, PHONE, SCREENSHOTS, login, newPage, shot, useBrowser } from './support';

const ROLLUPS = `${BASE_URL}/rollups?period=2024S1&indicator=HOI_VIEN`;

const browser = useBrowser();

describe('national recompute and reconciliation', () => {
  it('the central union recomputes the nation: the whole and each province move to 100 %, then the result shows', async () => {
    const { context, page } = await newPage(browser(), LAPTOP);
    try {
      await login(page, 'TW', 'admin');
      await page.goto(ROLLUPS);
      const card = page.locator('.national-recompute');
      await card.getByText('Toàn quốc: tính lại và đối soát').waitFor();
      await shot(page, 'national-recompute-1-before');
      await card.getByRole('button', { name: /Tính lại toàn quốc/ }).click();
      await page.locator('.ant-modal-confirm-title', { hasText: 'Tính lại số liệu tổng hợp toàn quốc kỳ 6 tháng đầu năm 2024?' }).waitFor();
      await page.getByRole('dialog').getByRole('button', { name: /Tính lại toàn quốc/ }).click();

      // Follow the bars as they move: the overall value the page shows, sampled until the result is in.
      const overall = page.getByRole('progressbar', { name: 'Tiến độ toàn quốc' });
      await overall.waitFor();
      const seen: number[] = [];
      let captured = false;
      for (let i = 0; i < 600 && !(await page.getByTestId('national-result').isVisible()); i++) {
        const now = Number(await overall.getAttribute('aria-valuenow'));
        if (seen.at(-1) !== now) seen.push(now);
        if (!captured && now > 0 && now < 100) {
          await page.screenshot({ path: path.join(SCREENSHOTS, 'national-recompute-2-moving.png') });
          captured = true;
        }
        await page.waitForTimeout(50);
      }
      const result = page.getByTestId('national-result');
      await result.waitFor();
      expect(await result.textContent()).toMatch(/^Hoàn tất: \d+ tỉnh, thành; [\d.]+ giá trị, [\d.]+ dòng tổng hợp; trong [\d,]+ giây$/);
      expect(await overall.getAttribute('aria-valuenow')).toBe('100');
      // Never backwards.
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      for (const name of ['Hội LHPN thành phố Hà Nội', 'Hội LHPN thành phố Đà Nẵng']) {
        expect(await page.getByRole('progressbar', { name: `Tiến độ tính lại của ${name}` }).getAttribute('aria-valuenow')).toBe('100');
      }
      // Hà Nội's 2024S1 values, in Vietnamese numbers.
      const hn = page.locator('[data-testid=national-tenants] tr', { hasText: 'Hội LHPN thành phố Hà Nội' });
      expect(await hn.textContent()).toMatch(/\d\.\d{3}/);
      await page.getByText('Đã tính lại xong số liệu toàn quốc').waitFor();
      await shot(page, 'national-recompute-3-done', true);
       
      console.log(`overall progress seen: ${seen.join(' → ')}`);
    } finally {
      await context.close();
    }
  });

  it("a tenant administrator reconciles the city's totals and reads the result; no national card for a province", async () => {
    const { context, page } = await newPage(browser(), LAPTOP);
    try {
      await login(page, 'HN', 'admin');
      await page.goto(ROLLUPS);
      const line = page.getByTestId('reconciliation-line');
      await line.waitFor();
      await page.getByTestId('rollup-value').waitFor();
      expect(await page.locator('.national-recompute').count()).toBe(0);
      await line.getByRole('button', { name: 'Đối soát ngay' }).click();
      await page.getByText(/^Đã đối soát xong: 0 sai lệch$/).waitFor({ timeout: 60_000 });
      const after = (await line.textContent()) ?? '';
      expect(after).toMatch(/Đối soát lần cuối: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} — 0 sai lệch/);
      await shot(page, 'national-recompute-4-reconciled');
    } finally {
      await context.close();
    }
  });

  it('on a phone the national card stays readable', async () => {
    const { context, page } = await newPage(browser(), PHONE);
    try {
      await login(page, 'TW', 'admin');
      await page.goto(ROLLUPS);
      await page.locator('.national-recompute').getByText('Toàn quốc: tính lại và đối soát').waitFor();
      await page.locator('[data-testid=national-tenants]').waitFor();
      await shot(page, 'national-recompute-5-phone', true);
    } finally {
      await context.close();
    }
  });
});
