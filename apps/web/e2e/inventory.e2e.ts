/// <reference types="jest" />
/// <reference types="node" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { byTestId, SCREENSHOT_DIR, useBrowser, WEB_URL } from './support';

const session = useBrowser('inventory');
let page: Page;
beforeEach(() => {
  page = session.page;
});
const fill = (testId: string, value: string) => session.fill(testId, value);

async function shoot(name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Picks a product in a stock line by typing its SKU and choosing the suggestion. */
async function pickProduct(testId: string, sku: string) {
  await page.locator(byTestId(testId)).click();
  await page.keyboard.type(sku);
  await page.getByRole('option', { name: new RegExp(sku) }).click();
}

test('a location, stock in, a transfer and a count with a difference show up on the stock card', async () => {
  const businessId = await session.signUpWithBusiness('E2E Storekeeper', 'e2e-inventory');
  const base = `${WEB_URL}/b/${businessId}`;

  // A product that tracks stock.
  await page.goto(`${base}/inventory/products/new`);
  await fill('field-sku', 'E2E-TEA');
  await fill('field-name', 'E2E Oolong tin');
  await page.locator(byTestId('field-trackStock')).check();
  await page.locator(byTestId('save-product')).click();
  await page.locator(byTestId('stock-card-E2E-TEA')).waitFor();

  // A second location.
  await page.goto(`${base}/inventory/locations`);
  await page.locator(byTestId('new-location')).click();
  await fill('field-code', 'SHOP');
  await fill('field-name', 'Harbour shop');
  await page.locator(byTestId('confirm-accept')).click();
  await page.locator(byTestId('location-row-SHOP')).waitFor();

  // Stock in: ten tins at 2.50 into the default location.
  await page.goto(`${base}/inventory/stock/adjust`);
  await page.locator(byTestId('field-reason')).selectOption('found');
  await pickProduct('stock-line-0-product', 'E2E-TEA');
  await fill('stock-line-0-quantity', '10');
  await fill('stock-line-0-unitCost', '2.50');
  await page.locator(byTestId('save-adjustment')).click();
  await page.waitForURL(/\/inventory\/operations\/[^/]+$/);
  await page.locator(byTestId('operation-movements'), { hasText: '+10' }).waitFor();

  // Taking out more than there is: the API's INSUFFICIENT_STOCK lands on the line it concerns.
  await page.goto(`${base}/inventory/stock/adjust`);
  await page.locator(byTestId('field-reason')).selectOption('lost');
  await pickProduct('stock-line-0-product', 'E2E-TEA');
  await page.locator(byTestId('line-stock'), { hasText: '10' }).waitFor();
  await fill('stock-line-0-quantity', '-50');
  await page.locator(byTestId('save-adjustment')).click();
  const lineError = page.locator(byTestId('stock-line-0-error-quantity'));
  await lineError.waitFor();
  expect((await lineError.textContent())?.toLowerCase()).toContain('only 10 pcs available');
  await shoot('inventory-adjust-error-en');

  // Four tins to the shop.
  await page.goto(`${base}/inventory/stock/transfer`);
  await page.locator(byTestId('field-toLocationId')).selectOption({ label: 'Harbour shop (SHOP)' });
  await pickProduct('stock-line-0-product', 'E2E-TEA');
  await fill('stock-line-0-quantity', '4');
  await page.locator(byTestId('save-transfer')).click();
  await page.waitForURL(/\/inventory\/operations\/[^/]+$/);
  await page.locator(byTestId('operation-movements'), { hasText: '−4' }).waitFor();

  // Count the main warehouse: five on the shelf where the books say six.
  await page.goto(`${base}/inventory/counts`);
  await page.locator(byTestId('new-count')).click();
  await page.locator(byTestId('confirm-accept')).click();
  await page.waitForURL(/\/inventory\/counts\/[^/]+$/);
  const counted = page.locator(byTestId('counted-E2E-TEA'));
  await counted.fill('5');
  await counted.press('Enter');
  await page.locator(byTestId('count-summary'), { hasText: '1 of 1' }).waitFor();
  expect(await page.locator(byTestId('count-line-E2E-TEA')).textContent()).toContain('−1');
  await shoot('inventory-count-en');
  await page.locator(byTestId('post-count')).click();
  await page.locator(byTestId('confirm-accept')).click();
  await page.locator(byTestId('count-status'), { hasText: 'Posted' }).waitFor();
  await page.locator(byTestId('count-operation')).waitFor();

  // The stock card: every movement, newest first, with the running quantity.
  await page.goto(`${base}/inventory`);
  await page.locator(byTestId('stock-card-E2E-TEA')).click();
  await page.waitForURL(/\/inventory\/products\/[^/]+\/stock/);
  const rows = page.locator(byTestId('stock-card-row'));
  await rows.first().waitFor();
  await expect(rows.count()).resolves.toBe(4);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')))).toEqual(['count', 'transfer_in', 'transfer_out', 'adjustment']);
  const balances = (await page.locator(byTestId('stock-card-balance')).allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
  expect(balances).toEqual(['9 pcs', '10 pcs', '6 pcs', '10 pcs']);
  expect(await page.locator(byTestId('stock-card-totals')).textContent()).toContain('9 pcs');
  await shoot('inventory-stock-card-en');

  // At the shop alone: the four that arrived.
  await page.locator(byTestId('stock-card-location')).selectOption({ label: 'Harbour shop (SHOP)' });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="stock-card-row"]').length === 1);
  expect(await page.locator(byTestId('stock-card-balance')).allTextContents()).toEqual([expect.stringContaining('4')]);

  // The valuation agrees with the books.
  await page.goto(`${base}/inventory/valuation`);
  const check = page.locator(byTestId('valuation-check'));
  await check.waitFor();
  expect(await check.getAttribute('data-matches')).toBe('true');
});
