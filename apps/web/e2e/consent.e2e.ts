/// <reference types="jest" />
/// <reference types="node" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { byTestId, PASSWORD, SCREENSHOT_DIR, useBrowser, WEB_URL } from './support';

// The demo lender from the seed (scripts/test.sh seeds the end-to-end database).
const LENDER_EMAIL = 'lender@demo.keeper.test';
const LENDER_PASSWORD = 'keeper-demo-2026';
const LENDER = 'Harbour Capital';

const session = useBrowser('consent');
let page: Page;
beforeEach(() => {
  page = session.page;
});

async function screens(p: Page, name: string) {
  for (const width of [1280, 390]) {
    await p.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await p.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
  }
  await p.setViewportSize({ width: 1280, height: 900 });
}

/** The demo lender, signed in in a browser context of its own, on the lender console. */
async function lenderConsole(): Promise<Page> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', reducedMotion: 'reduce' });
  const lender = await context.newPage();
  lender.setDefaultTimeout(20_000);
  await lender.goto(`${WEB_URL}/sign-in`);
  await lender.locator(byTestId('field-email')).fill(LENDER_EMAIL);
  await lender.locator(byTestId('field-password')).fill(LENDER_PASSWORD);
  await lender.locator(byTestId('sign-in-submit')).click();
  await lender.waitForURL(/\/lender$/);
  await lender.locator(byTestId('lender-console')).waitFor();
  return lender;
}

test('the owner shares with the demo lender, the lender sees the business, and after revocation the next load no longer shows it', async () => {
  const businessId = await session.signUpWithBusiness('E2E Consent', 'e2e-consent');
  const base = `${WEB_URL}/b/${businessId}`;

  // Financing opens on the credit profile: none yet for books with nothing in them.
  await page.locator(byTestId('nav-financing')).click();
  await page.waitForURL(/\/financing\/credit$/);
  await page.locator(byTestId('credit-empty')).waitFor();
  await page.locator(byTestId('credit-shared-none')).waitFor();

  // Financing → Sharing & consent, empty at first.
  await page.locator(byTestId('financing-tab-sharing')).click();
  await page.waitForURL(/\/financing\/sharing$/);
  await page.locator(byTestId('grants-empty')).waitFor();

  // The wizard: who, why, what (with examples), until when, then the summary and the password.
  await page.locator(byTestId('share-new')).first().click();
  await page.waitForURL(/\/financing\/sharing\/new$/);
  await page.locator(byTestId('wizard-next')).click();
  await page.locator(byTestId('wizard-problem')).waitFor();
  await page.locator(byTestId('recipient-choice')).filter({ hasText: LENDER }).locator('input').check();
  await page.locator(byTestId('wizard-next')).click();
  await page.locator(byTestId('purpose-working_capital')).locator('input').check();
  await page.locator(byTestId('wizard-next')).click();
  await page.locator(byTestId('scope-statements')).locator('input').check();
  expect(await page.locator(byTestId('scope-raw_documents')).textContent()).toContain('INV-00042');
  await page.locator(byTestId('wizard-next')).click();
  await page.locator(byTestId('duration-90')).locator('input').check();
  await page.locator(byTestId('wizard-next')).click();
  const summary = await page.locator(byTestId('review-sentence')).textContent();
  expect(summary).toContain(`${LENDER} can see your credit profile and score and your monthly profit and loss and balance sheet, to offer you a working-capital loan, until`);
  await screens(page, 'consent-review-en');
  // A wrong password is refused under its field; the right one grants.
  await session.fill('field-password', 'not my password at all');
  await page.locator(byTestId('wizard-confirm')).click();
  await page.locator(byTestId('field-error-password')).waitFor();
  await session.fill('field-password', PASSWORD);
  await page.locator(byTestId('wizard-confirm')).click();
  await page.waitForURL(/\/financing\/sharing\?granted=/);
  await page.locator(byTestId('consent-notice'), { hasText: LENDER }).waitFor();
  const card = page.locator(`${byTestId('grant-card')}[data-recipient="${LENDER}"]`);
  expect(await card.locator(byTestId('grant-sentence')).textContent()).toContain(`${LENDER} can see your credit profile and score`);

  // The lender signs in and finds the business with what it shares.
  const lender = await lenderConsole();
  const row = lender.locator(`${byTestId('lender-business-row')}[data-business-id="${businessId}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain('Financial statements');
  await screens(lender, 'consent-lender-console-en');

  // The owner sees that read in the access log, then stops sharing: button, then confirm.
  await page.reload();
  await page.locator(`${byTestId('access-log-row')}[data-outcome="allowed"]`, { hasText: LENDER }).waitFor();
  await screens(page, 'consent-sharing-en');
  await card.locator(byTestId('grant-revoke')).click();
  await page.locator(byTestId('confirm-accept')).click();
  await page.locator(byTestId('consent-notice'), { hasText: 'You stopped sharing' }).waitFor();
  await page.locator(byTestId('grants-empty')).waitFor();
  await page.locator(`${byTestId('past-grant-row')}[data-status="revoked"]`, { hasText: LENDER }).waitFor();

  // The lender's next load no longer shows the business.
  await lender.reload();
  await lender.locator(byTestId('lender-businesses-card')).waitFor();
  await lender.waitForFunction(
    (id) => !document.querySelector(`[data-testid="loading"]`) && !document.querySelector(`[data-business-id="${id}"]`),
    businessId,
  );
  await lender.context().close();

  // The grant asked for a credit profile: the worker computed it (the page waits while it is pending).
  await page.goto(`${base}/financing/credit`);
  await page.locator(byTestId('credit-score-card')).waitFor();
  expect(await page.locator(byTestId('credit-grade')).textContent()).toMatch(/^[A-E] — /);
  expect(await page.locator(byTestId('credit-signals')).textContent()).toContain('not part of the score');
  await screens(page, 'credit-profile-en');
  // Its access log link opens the log filtered to reads of the credit profile.
  await page.locator(byTestId('credit-access-log')).click();
  await page.waitForURL(/\/financing\/sharing\?log=profile#access-log$/);
  expect(await page.locator(byTestId('access-log-scope')).inputValue()).toBe('profile');

  // The consent centre in Chinese.
  await page.evaluate(() => localStorage.setItem('keeper.language', 'zh-CN'));
  await page.goto(`${base}/financing/sharing`);
  await page.locator(`${byTestId('past-grant-row')}[data-status="revoked"]`, { hasText: '已停止' }).waitFor();
  await screens(page, 'consent-sharing-zh-CN');
  await page.goto(`${base}/financing/credit`);
  await page.locator(byTestId('credit-score-card')).waitFor();
  expect(await page.locator(byTestId('credit-signals')).textContent()).toContain('不计入评分');
  await screens(page, 'credit-profile-zh-CN');
});
