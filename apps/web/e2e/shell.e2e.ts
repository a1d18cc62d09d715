/// <reference types="jest" />
/// <reference types="node" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const WEB_URL = (process.env.E2E_WEB_URL ?? 'http://127.0.0.1:5173').replace(/\/+$/, '');
const SCREENSHOT_DIR = path.resolve(process.env.E2E_SCREENSHOT_DIR ?? path.join(__dirname, '..', 'test-results'));
const CHROMIUM = process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'correct horse battery staple';

const byTestId = (id: string) => `[data-testid="${id}"]`;

function uniqueEmail(tag: string): string {
  return `e2e-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  // A fresh context per test: no cookies or localStorage carried between them.
  // Reduced motion turns off the drawer's slide, so screenshots never catch it mid-way.
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', reducedMotion: 'reduce' });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
});

afterEach(async () => {
  await context?.close();
});

async function fill(testId: string, value: string) {
  await page.locator(byTestId(testId)).fill(value);
}

test('sign up, create a business, switch to Chinese and keep it after reload', async () => {
  await page.goto(`${WEB_URL}/`);

  // Signed out, "/" leads to sign in; from there to sign up.
  await page.locator(byTestId('sign-in-form')).waitFor();
  await page.locator(byTestId('go-to-sign-up')).click();
  await page.locator(byTestId('sign-up-form')).waitFor();

  await fill('field-name', 'E2E Owner');
  await fill('field-email', uniqueEmail('shell'));
  await fill('field-password', PASSWORD);
  await page.locator(byTestId('sign-up-submit')).click();

  // A new account has no business yet.
  await page.locator(byTestId('create-business-form')).waitFor();
  await fill('field-name', 'E2E Trading Co.');
  await page.locator(byTestId('field-country')).selectOption('US');
  await page.locator(byTestId('field-baseCurrency')).selectOption('USD');
  await page.locator(byTestId('create-business-submit')).click();

  const dashboardNav = page.locator(byTestId('nav-dashboard'));
  await dashboardNav.waitFor({ state: 'visible' });
  await page.waitForURL(/\/b\/[^/]+\/dashboard$/);
  expect(await dashboardNav.textContent()).toContain('Dashboard');
  expect(await page.locator(byTestId('current-business-name')).textContent()).toBe('E2E Trading Co.');

  await page.locator(byTestId('language-switch')).selectOption('zh-CN');
  await page.locator(byTestId('nav-dashboard'), { hasText: '仪表盘' }).waitFor();
  expect(await page.locator(byTestId('nav-sales')).textContent()).toContain('销售');
  expect(await page.locator(byTestId('nav-settings')).textContent()).toContain('设置');
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

  await page.reload();
  await page.locator(byTestId('nav-dashboard'), { hasText: '仪表盘' }).waitFor();
  expect(await page.locator(byTestId('nav-sales')).textContent()).toContain('销售');
  expect(await page.locator(byTestId('nav-settings')).textContent()).toContain('设置');
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  expect(await page.locator(byTestId('language-switch')).inputValue()).toBe('zh-CN');

  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-zh-CN-1280x800.png') });

  // On a phone the sidebar becomes a drawer behind the menu button.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator(byTestId('open-navigation')).waitFor({ state: 'visible' });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-zh-CN-390x844.png') });
  await page.locator(byTestId('open-navigation')).click();
  await page.locator(byTestId('nav-settings')).waitFor({ state: 'visible' });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'navigation-drawer-zh-CN-390x844.png') });
});

test('a form shows the API field error under the field', async () => {
  await page.goto(`${WEB_URL}/sign-up`);
  await page.locator(byTestId('sign-up-form')).waitFor();

  await fill('field-name', 'Short Password');
  await fill('field-email', uniqueEmail('short'));
  await fill('field-password', 'elevenchars'); // 11 characters: one short of the minimum
  await page.locator(byTestId('sign-up-submit')).click();

  const passwordError = page.locator(byTestId('field-error-password'));
  await passwordError.waitFor({ state: 'visible' });
  const text = (await passwordError.textContent()) ?? '';
  expect(text.trim().length).toBeGreaterThan(0);
  expect(text).toMatch(/12/);
  // Still on the form: nothing was created.
  expect(new URL(page.url()).pathname).toBe('/sign-up');
});
