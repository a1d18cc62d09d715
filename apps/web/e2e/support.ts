/// <reference types="jest" />
/// <reference types="node" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const WEB_URL = (process.env.E2E_WEB_URL ?? 'http://127.0.0.1:5173').replace(/\/+$/, '');
export const SCREENSHOT_DIR = path.resolve(process.env.E2E_SCREENSHOT_DIR ?? path.join(__dirname, '..', 'test-results'));
const CHROMIUM = process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PASSWORD = 'correct horse battery staple';

export const byTestId = (id: string) => `[data-testid="${id}"]`;

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  fill(testId: string, value: string): Promise<void>;
  /** Signs up a new user through the UI and creates a US business; returns the business id. */
  signUpWithBusiness(userName: string, emailTag: string): Promise<string>;
}

/**
 * Registers the hooks of a browser test file: one Debian Chromium per file, a fresh context (no
 * cookies or storage) per test, and the last screen saved when a test ends, the quickest clue when
 * a step fails.
 */
export function useBrowser(name: string): BrowserSession {
  const session = {
    fill: (testId: string, value: string) => session.page.locator(byTestId(testId)).fill(value),
    async signUpWithBusiness(userName: string, emailTag: string) {
      const { page, fill } = session;
      await page.goto(`${WEB_URL}/sign-up`);
      await page.locator(byTestId('sign-up-form')).waitFor();
      await fill('field-name', userName);
      await fill('field-email', `${emailTag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`);
      await fill('field-password', PASSWORD);
      await page.locator(byTestId('sign-up-submit')).click();
      await page.locator(byTestId('create-business-form')).waitFor();
      await fill('field-name', 'E2E Tea Traders');
      await page.locator(byTestId('field-country')).selectOption('US');
      await page.locator(byTestId('field-baseCurrency')).selectOption('USD');
      await page.locator(byTestId('create-business-submit')).click();
      await page.waitForURL(/\/b\/[^/]+\/dashboard$/);
      return /\/b\/([^/]+)\//.exec(page.url())![1];
    },
  } as BrowserSession;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    session.browser = await chromium.launch({
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
    await session.browser?.close();
  });

  beforeEach(async () => {
    session.context = await session.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      reducedMotion: 'reduce',
    });
    session.page = await session.context.newPage();
    session.page.setDefaultTimeout(20_000);
  });

  afterEach(async () => {
    await session.page
      ?.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-last.png`), fullPage: true })
      .catch(() => undefined);
    await session.context?.close();
  });

  return session;
}
