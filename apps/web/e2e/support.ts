/**
 * What every browser suite needs, in one place: where the app runs (SEN_BASE_URL, a running api serving the built
 * web app on the demo data), Debian's Chromium started once per file, pages in Vietnamese on a laptop or a phone,
 * screenshots under <repo>/test-output/screenshots, and the demo login.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from './launch-chromium';

export const BASE_URL = (process.env.SEN_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
export const SCREENSHOTS = path.resolve(__dirname, '../../../test-output/screenshots');
export const DEMO_PASSWORD = 'sen-demo-2024';
export const TIMEOUT = 20_000;
export const LAPTOP = { viewport: { width: 1366, height: 860 } };
export const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Starts Chromium before the file's tests and closes it after; call at the top level of a suite. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not started yet (useBrowser() runs in beforeAll)');
    return browser;
  };
}

/** A fresh context (its own cookies and storage) in Vietnamese, Hanoi time, downloads allowed. */
export async function newPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = LAPTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true, ...options });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  return { context, page };
}

/** A screenshot to look at, after the page has settled (charts animate). */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Logs in through the login form, as a user does, and waits for the shell with the tenant's name. */
export async function login(page: Page, tenant: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${BASE_URL}/login`);
  await page.getByLabel('Đơn vị (mã)').fill(tenant);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('tenant-name').waitFor();
}

/**
 * The value of an input once it shows `expected`, or what it shows after the timeout. Controlled pickers (Ant
 * Design's DatePicker) write their text a render after the value they are given, so one read can be too early.
 */
export async function inputValueOnce(input: Locator, expected: string, timeout = TIMEOUT): Promise<string> {
  const until = Date.now() + timeout;
  let value = await input.inputValue();
  while (value !== expected && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await input.inputValue();
  }
  return value;
}

/** The API as a demo user (setting up or checking what a test needs, not what it tests). */
export async function apiToken(tenant: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant, username, password }),
  });
  if (!res.ok) throw new Error(`login ${tenant}/${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
