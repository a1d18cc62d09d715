/// <reference types="jest" />
/// <reference types="node" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { byTestId, SCREENSHOT_DIR, useBrowser, WEB_URL } from './support';

const session = useBrowser('recurring');
let page: Page;
beforeEach(() => {
  page = session.page;
});
const fill = (testId: string, value: string) => session.fill(testId, value);

/** Full-page screenshots at desktop and phone width. */
async function screens(name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('set up a monthly recurring invoice from the Sales tabs and find it in the list with its next date', async () => {
  const businessId = await session.signUpWithBusiness('E2E Recurring', 'e2e-recurring');
  const base = `${WEB_URL}/b/${businessId}`;

  await page.goto(`${base}/sales/customers/new`);
  await fill('field-name', 'Monthly Retainer Client');
  await fill('field-email', 'billing@retainer.example');
  await page.locator(byTestId('save-contact')).click();
  await page.locator(byTestId('customer-name'), { hasText: 'Monthly Retainer Client' }).waitFor();

  // Through the Sales tabs to an empty list that says what to do.
  await page.goto(`${base}/sales/invoices`);
  await page.locator(byTestId('sales-tab-recurring')).click();
  await page.waitForURL(/\/sales\/recurring$/);
  await page.locator(byTestId('recurring-empty')).waitFor();
  await screens('recurring-empty-en');
  // On a phone the tabs are a select that reaches every page of the section.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.locator(byTestId('sales-tab-select')).inputValue()).toBe('recurring');
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.locator(byTestId('new-recurring')).click();
  await page.waitForURL(/\/sales\/recurring\/new$/);
  const customer = page.locator(byTestId('field-contactId'));
  await customer.click();
  await page.keyboard.type('Monthly Ret');
  await page.getByRole('option', { name: /Monthly Retainer Client/ }).waitFor();
  await page.keyboard.press('Enter');

  const start = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 10);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  });
  await page.locator(byTestId('field-frequency')).selectOption('monthly');
  await fill('field-startDate', start);
  await page.locator(byTestId('field-ends')).selectOption('count');
  await fill('field-count', '12');
  await fill('field-dueDays', '400');
  await fill('line-0-description', 'Bookkeeping retainer');
  await fill('line-0-quantity', '2');
  await fill('line-0-unitPrice', '150.25');
  // Live totals, computed in the browser with the invoices' own rules.
  await page.locator(byTestId('total-total'), { hasText: '300.50' }).waitFor();
  await page.locator(byTestId('mode-issue')).check();

  // The API's field error lands under its field.
  await page.locator(byTestId('save-recurring')).click();
  await page.locator(byTestId('field-error-dueDays'), { hasText: /365/ }).waitFor();
  await fill('field-dueDays', '14');
  await screens('recurring-editor-en');
  await page.locator(byTestId('save-recurring')).click();

  await page.waitForURL(/\/sales\/recurring\/[0-9a-f-]{36}$/);
  const nextDate = await page.evaluate((iso) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(`${iso}T00:00:00`)), start);
  await page.locator(byTestId('recurring-next-date'), { hasText: nextDate }).waitFor();
  await page.locator(byTestId('recurring-status'), { hasText: 'Active' }).waitFor();
  expect(await page.locator(byTestId('recurring-amount')).textContent()).toContain('300.50');
  await page.locator(byTestId('recurring-runs-empty')).waitFor();
  await screens('recurring-detail-en');

  await page.getByRole('link', { name: /All recurring invoices/ }).click();
  await page.waitForURL(/\/sales\/recurring$/);
  const row = page.locator(`${byTestId('recurring-table')} tr[data-status="active"]`, { hasText: 'Monthly Retainer Client' });
  await row.waitFor();
  expect(await row.locator(byTestId('recurring-next-date')).textContent()).toBe(nextDate);
  expect(await row.textContent()).toContain('Monthly');
  expect(await row.textContent()).toContain('300.50');
  await screens('recurring-list-en');

  // Paused from its page, it shows as paused in the list.
  await row.locator('a').first().click();
  await page.locator(byTestId('pause-recurring')).click();
  await page.locator(byTestId('recurring-status'), { hasText: 'Paused' }).waitFor();
  await page.goto(`${base}/sales/recurring`);
  await page.locator(`${byTestId('recurring-table')} tr[data-status="paused"]`, { hasText: 'Monthly Retainer Client' }).waitFor();

  // The same list in Chinese.
  await page.evaluate(() => localStorage.setItem('keeper.language', 'zh-CN'));
  await page.reload();
  await page.locator(byTestId('recurring-status'), { hasText: '已暂停' }).waitFor();
  await screens('recurring-list-zh-CN');
});
