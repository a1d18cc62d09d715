/// <reference types="jest" />
/// <reference types="node" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { byTestId, SCREENSHOT_DIR, useBrowser, WEB_URL } from './support';

const session = useBrowser('reports');
let page: Page;
beforeEach(() => {
  page = session.page;
});
const fill = (testId: string, value: string) => session.fill(testId, value);
const signUpWithBusiness = () => session.signUpWithBusiness('E2E Reporter', 'e2e-reports');


async function shoot(name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('an issued invoice shows up as outstanding on the dashboard and in receivables aging', async () => {
  const businessId = await signUpWithBusiness();
  const base = `${WEB_URL}/b/${businessId}`;

  // A new business has nothing to show yet: the dashboard points at the first invoice.
  await page.locator(byTestId('dashboard-empty')).waitFor();
  await shoot('dashboard-empty-en');

  await page.goto(`${base}/sales/customers`);
  await page.locator(byTestId('new-customer')).click();
  await fill('field-name', 'Harbour Cafe E2E');
  await page.locator(byTestId('save-contact')).click();
  await page.locator(byTestId('customer-name'), { hasText: 'Harbour Cafe E2E' }).waitFor();

  await page.goto(`${base}/sales/invoices/new`);
  const customer = page.locator(byTestId('field-contactId'));
  await customer.click();
  await page.keyboard.type('Harbour');
  await page.getByRole('option', { name: /Harbour Cafe E2E/ }).click();
  await fill('line-0-description', 'Catering');
  await fill('line-0-quantity', '3');
  await fill('line-0-unitPrice', '400.00');
  await page.locator(byTestId('total-total'), { hasText: '1,200.00' }).waitFor();
  await page.locator(byTestId('save-draft')).click();
  await page.waitForURL(/\/sales\/invoices\/[^/]+\/edit$/);
  await page.locator(byTestId('issue-invoice')).click();
  await page.locator(byTestId('confirm-accept')).click();
  await page.locator(byTestId('invoice-status'), { hasText: 'Issued' }).waitFor();

  await page.goto(`${base}/dashboard`);
  await page.locator(byTestId('dashboard-outstanding-amount'), { hasText: '$1,200.00' }).waitFor();
  expect(await page.locator(byTestId('dashboard-outstanding')).textContent()).toContain('1 invoice');
  await page.locator(byTestId('revenue-chart')).waitFor();
  expect(await page.locator(byTestId('dashboard-top-customers')).textContent()).toContain('Harbour Cafe E2E');
  await shoot('dashboard-en');

  await page.goto(`${base}/reports/ar-aging`);
  const row = page.locator(`${byTestId('ar-aging-table')} tbody tr`, { hasText: 'Harbour Cafe E2E' });
  await row.waitFor();
  expect(await row.textContent()).toContain('$1,200.00');
  expect(await page.locator(byTestId('ar-aging-totals')).textContent()).toContain('$1,200.00');
  const csvHref = (await page.locator(byTestId('download-csv')).getAttribute('href')) ?? '';
  expect(csvHref).toMatch(/\/reports\/ar-aging\.csv\?asOf=\d{4}-\d{2}-\d{2}$/);
  const csv = await page.request.get(`${WEB_URL}${csvHref}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('Harbour Cafe E2E');
  await shoot('ar-aging-en');

  await page.goto(`${base}/reports/profit-and-loss`);
  await page.locator(byTestId('pnl-net-profit'), { hasText: '1,200.00' }).waitFor();
  await page.locator(byTestId('pnl-compare')).check();
  await shoot('pnl-en');

  await page.goto(`${base}/reports/balance-sheet`);
  await page.locator(byTestId('balance-sheet-balanced')).waitFor();
  expect(await page.locator(byTestId('balance-sheet-balanced')).getAttribute('data-balanced')).toBe('true');

  // Books: a custom account, then a manual entry that must balance before it can be posted, then its reversal.
  await page.goto(`${base}/reports/accounts`);
  await page.locator(byTestId('accounts-table')).waitFor();
  await page.locator(byTestId('account-add')).click();
  await fill('field-code', '6950');
  await fill('field-name', 'Software subscriptions');
  await page.locator(byTestId('new-account-submit')).click();
  await page.locator(byTestId('account-row-6950'), { hasText: 'Software subscriptions' }).waitFor();
  await shoot('accounts-en');

  await page.goto(`${base}/reports/journal/new`);
  await fill('field-description', 'Annual design tool licence');
  const pick = async (line: number, name: string) => {
    const select = page.locator(byTestId(`line-${line}-account`));
    const value = await select.locator('option', { hasText: name }).first().getAttribute('value');
    await select.selectOption(value!);
  };
  await pick(0, 'Software subscriptions');
  await fill('line-0-debit', '120.00');
  await pick(1, 'Cash');
  await fill('line-1-credit', '100.00');
  await page.locator(byTestId('entry-balance'), { hasText: '$20.00' }).waitFor();
  expect(await page.locator(byTestId('entry-submit')).isDisabled()).toBe(true);
  await fill('line-1-credit', '120.00');
  await page.locator(byTestId('entry-balance'), { hasText: 'Balanced' }).waitFor();
  await shoot('journal-entry-en');
  await page.locator(byTestId('entry-submit')).click();
  await page.waitForURL(/\/reports\/journal$/);
  const entry = page.locator('[data-testid^="journal-entry-"]', { hasText: 'Annual design tool licence' }).first();
  await entry.waitFor();
  await entry.locator('[data-testid^="journal-reverse-"]').click();
  await page.locator(byTestId('confirm-accept')).click();
  await page.locator('[data-testid^="journal-entry-"]', { hasText: 'Reversed' }).first().waitFor();
  await shoot('journal-en');

  // The account's ledger: the entry and its reversal net to nothing.
  await page.goto(`${base}/reports/accounts`);
  await page.locator(byTestId('account-row-6950')).getByRole('link').click();
  await page.locator(byTestId('ledger-closing'), { hasText: '$0.00' }).waitFor();
  expect(await page.locator(byTestId('ledger-table')).textContent()).toContain('Annual design tool licence');
  await shoot('ledger-en');

  // The same pages in Chinese.
  await page.evaluate(() => window.localStorage.setItem('keeper.language', 'zh-CN'));
  await page.goto(`${base}/dashboard`);
  await page.locator(byTestId('dashboard-outstanding-amount'), { hasText: '1,200.00' }).waitFor();
  await shoot('dashboard-zh');
  await page.goto(`${base}/reports/ar-aging`);
  await page.locator(byTestId('ar-aging-table')).waitFor();
  await shoot('ar-aging-zh');
  await page.goto(`${base}/reports/profit-and-loss`);
  await page.locator(byTestId('pnl-net-profit')).waitFor();
  await shoot('pnl-zh');
  await page.goto(`${base}/reports/journal/new`);
  await page.locator(byTestId('entry-lines')).waitFor();
  await shoot('journal-entry-zh');
});
