/// <reference types="jest" />
/// <reference types="node" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { byTestId, SCREENSHOT_DIR, useBrowser, WEB_URL } from './support';

const session = useBrowser('invoicing');
let page: Page;
beforeEach(() => {
  page = session.page;
});
const fill = (testId: string, value: string) => session.fill(testId, value);
const signUpWithBusiness = () => session.signUpWithBusiness('E2E Invoicer', 'e2e-invoice');

test('create a customer and a product, write an invoice from the keyboard, issue it and find it in the list', async () => {
  const businessId = await signUpWithBusiness();
  const base = `${WEB_URL}/b/${businessId}`;

  // A 10 % tax rate, so the live totals have tax to show.
  await page.goto(`${base}/settings/taxes`);
  await page.locator(byTestId('add-tax-rate')).first().click();
  await fill('field-name', 'Sales tax 10%');
  await fill('field-rate', '10');
  await page.locator(byTestId('save-tax-rate')).click();
  await page.locator(byTestId('tax-rates-table'), { hasText: 'Sales tax 10%' }).waitFor();

  // Customer.
  await page.goto(`${base}/sales/customers`);
  await page.locator(byTestId('new-customer')).click();
  await fill('field-name', 'Lotus Tea House E2E');
  await fill('field-email', 'accounts@lotus.example');
  await page.locator(byTestId('save-contact')).click();
  await page.locator(byTestId('customer-name'), { hasText: 'Lotus Tea House E2E' }).waitFor();

  // Product (gets the default tax rate).
  await page.goto(`${base}/inventory`);
  await page.locator(byTestId('new-product')).click();
  await fill('field-sku', 'TEA-GREEN');
  await fill('field-name', 'Green tea 250 g');
  await fill('field-salesPrice', '12.50');
  await page.locator(byTestId('field-taxRateId')).locator('option', { hasText: 'Sales tax 10%' }).waitFor({ state: 'attached' });
  await page.locator(byTestId('save-product')).click();
  await page.locator(byTestId('products-table'), { hasText: 'Green tea 250 g' }).waitFor();

  // The invoice, from the keyboard.
  await page.goto(`${base}/sales/invoices`);
  await page.locator(byTestId('new-invoice')).click();
  const customer = page.locator(byTestId('field-contactId'));
  await customer.click();
  await page.keyboard.type('Lotus');
  await page.getByRole('option', { name: /Lotus Tea House E2E/ }).waitFor();
  await page.keyboard.press('Enter');
  expect(await customer.inputValue()).toBe('Lotus Tea House E2E');

  await page.locator(byTestId('line-0-description')).click();
  await page.keyboard.type('Green');
  await page.getByRole('option', { name: /Green tea 250 g/ }).waitFor();
  await page.keyboard.press('Enter'); // picks the product and moves to quantity
  await expect(page.locator(byTestId('line-0-quantity'))).toBeFocusedSoon();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter'); // → unit price (filled from the product)
  expect(await page.locator(byTestId('line-0-unitPrice')).inputValue()).toBe('12.50');
  await page.keyboard.press('Enter'); // → discount
  await page.keyboard.press('Enter'); // → tax
  await page.keyboard.press('Enter'); // last cell: adds a line
  await expect(page.locator(byTestId('line-1-description'))).toBeFocusedSoon();
  await page.keyboard.type('Delivery');
  await page.keyboard.press('Enter');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // a third, empty line…
  await expect(page.locator(byTestId('line-2-description'))).toBeFocusedSoon();
  await page.keyboard.press('Delete'); // …removed again with Delete
  await page.locator(byTestId('line-2-description')).waitFor({ state: 'detached' });

  // 3 × 12.50 + 5.00 = 42.50; tax 10 % = 4.25 (3.75 + 0.50); total 46.75 — computed in the browser.
  await page.locator(byTestId('total-total'), { hasText: '46.75' }).waitFor();
  expect(await page.locator(byTestId('total-subtotal')).textContent()).toContain('42.50');
  expect(await page.locator(byTestId('total-tax-10')).textContent()).toContain('4.25');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'invoice-editor-en-1280.png'), fullPage: true });

  await page.locator(byTestId('save-draft')).click();
  await page.locator(byTestId('totals-verification'), { hasText: 'match' }).waitFor();
  await page.waitForURL(/\/sales\/invoices\/[^/]+\/edit$/);

  await page.locator(byTestId('issue-invoice')).click();
  await page.locator(byTestId('confirm-accept')).click();
  await page.waitForURL(/\/sales\/invoices\/[^/]+$/);
  await page.locator(byTestId('invoice-status'), { hasText: 'Issued' }).waitFor();
  const number = ((await page.locator(byTestId('invoice-number')).textContent()) ?? '').replace('Issued', '').trim();
  expect(number.length).toBeGreaterThan(0);
  expect(await page.locator(byTestId('total-balance')).textContent()).toContain('46.75');

  await page.goto(`${base}/sales/invoices`);
  const row = page.locator(`${byTestId('invoices-table')} tr[data-status="issued"]`, { hasText: 'Lotus Tea House E2E' });
  await row.waitFor();
  expect(await row.textContent()).toContain(number);
  expect(await row.locator(byTestId('invoice-status')).textContent()).toContain('Issued');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'invoices-list-en-1280.png'), fullPage: true });

  // A partial payment: the invoice becomes partially paid and its balance drops.
  await row.locator('a').first().click();
  await page.waitForURL(/\/sales\/invoices\/[^/]+$/);
  await page.locator(byTestId('record-payment')).click();
  expect(await page.locator(byTestId('field-amount')).inputValue()).toBe('46.75');
  await fill('field-amount', '20.00');
  await fill('field-reference', 'Transfer 8841');
  await page.locator(byTestId('confirm-accept')).click();
  await page.locator(byTestId('invoice-status'), { hasText: 'Partially paid' }).waitFor();
  await page.locator(byTestId('total-balance'), { hasText: '26.75' }).waitFor();
  expect(await page.locator(byTestId('total-paid')).textContent()).toContain('20.00');
  await page.locator(byTestId('invoice-payments'), { hasText: 'Transfer 8841' }).waitFor();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'invoice-paid-en-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'invoice-paid-en-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The books follow: the dashboard and receivables aging now show what is still owed.
  const invoiceUrl = page.url();
  await page.goto(`${base}/dashboard`);
  await page.locator(byTestId('dashboard-outstanding-amount'), { hasText: '$26.75' }).waitFor();
  await page.goto(`${base}/reports/ar-aging`);
  await page.locator(`${byTestId('ar-aging-table')} tbody tr`, { hasText: 'Lotus Tea House E2E' }).waitFor();
  expect(await page.locator(byTestId('ar-aging-totals')).textContent()).toContain('$26.75');
  await page.goto(invoiceUrl);
  await page.locator(byTestId('invoice-status'), { hasText: 'Partially paid' }).waitFor();

  // The public link opens without cookies and shows the same invoice.
  await page.locator(byTestId('copy-public-link')).click();
  const publicUrl = await page.locator(byTestId('public-link-url')).inputValue();
  expect(publicUrl).toMatch(/\/i\/[^/]+$/);
  const guest = await session.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  try {
    const guestPage = await guest.newPage();
    await guestPage.goto(`${WEB_URL}${new URL(publicUrl).pathname}`);
    await guestPage.locator(byTestId('public-invoice-number'), { hasText: number }).waitFor();
    expect(await guestPage.locator(byTestId('public-invoice-business')).textContent()).toContain('E2E Tea Traders');
    expect(await guestPage.locator(byTestId('public-invoice-customer')).textContent()).toContain('Lotus Tea House E2E');
    expect(await guestPage.locator(byTestId('public-invoice-balance')).textContent()).toContain('26.75');
    expect(await guestPage.locator(byTestId('public-invoice-status')).textContent()).toContain('Partially paid');
    await guestPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'public-invoice-en-390.png'), fullPage: true });
    await guestPage.setViewportSize({ width: 1280, height: 900 });
    await guestPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'public-invoice-en-1280.png'), fullPage: true });
    await guestPage.goto(`${WEB_URL}/i/not-a-real-link`);
    await guestPage.locator(byTestId('public-invoice-not-found')).waitFor();
  } finally {
    await guest.close();
  }
});

// Focus moves after React commits, so poll briefly rather than asserting at once.
expect.extend({
  async toBeFocusedSoon(locator: ReturnType<Page['locator']>) {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) {
        return { pass: true, message: () => 'focused' };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { pass: false, message: () => `expected ${locator.toString()} to receive focus` };
  },
});

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeFocusedSoon(): Promise<R>;
    }
  }
}
