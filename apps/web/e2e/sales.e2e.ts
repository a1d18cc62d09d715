/// <reference types="jest" />
/// <reference types="node" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { byTestId, SCREENSHOT_DIR, useBrowser, WEB_URL } from './support';

const session = useBrowser('sales');
let page: Page;
beforeEach(() => {
  page = session.page;
});
const fill = (testId: string, value: string) => session.fill(testId, value);
const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
const text = async (testId: string) => ((await page.locator(byTestId(testId)).first().textContent()) ?? '').trim();

/**
 * Opening stock is booked through the API (the stock screens belong to the inventory UI), as the
 * signed-in browser: the session cookie plus the CSRF token from its cookie, like the app does.
 */
async function bookOpeningStock(businessId: string, productId: string, quantity: string, unitCost: string) {
  const status = await page.evaluate(
    async ({ businessId, productId, quantity, unitCost }) => {
      const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('keeper_csrf='))!.split('=')[1]);
      const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf };
      const locations = await (await fetch(`/api/businesses/${businessId}/locations`)).json();
      const res = await fetch(`/api/businesses/${businessId}/stock/adjustments`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ locationId: locations.items[0].id, reason: 'opening', lines: [{ productId, quantityChange: quantity, unitCost }] }),
      });
      return res.status;
    },
    { businessId, productId, quantity, unitCost },
  );
  expect(status).toBe(201);
}

test('quote → order (back-ordered beyond stock) → partial shipment → invoice → payment, all on the stock card', async () => {
  const businessId = await session.signUpWithBusiness('E2E Seller', 'e2e-sales');
  const base = `${WEB_URL}/b/${businessId}`;

  // A customer with an email address, and a product that tracks stock.
  await page.goto(`${base}/sales/customers`);
  await page.locator(byTestId('new-customer')).click();
  await fill('field-name', 'Jade Garden E2E');
  await fill('field-email', 'buyer@jadegarden.example');
  await page.locator(byTestId('save-contact')).click();
  await page.locator(byTestId('customer-name'), { hasText: 'Jade Garden E2E' }).waitFor();

  await page.goto(`${base}/inventory/products/new`);
  await fill('field-sku', 'PUER-357');
  await fill('field-name', 'Aged Pu-erh cake');
  await fill('field-salesPrice', '30.00');
  await fill('field-purchaseCost', '12.00');
  await page.locator(byTestId('field-trackStock')).check();
  await page.locator(byTestId('save-product')).click();
  const productLink = page.locator(`${byTestId('products-table')} a`, { hasText: 'Aged Pu-erh cake' });
  await productLink.waitFor();
  const productId = /products\/([^/?]+)/.exec((await productLink.getAttribute('href')) ?? '')![1];
  await bookOpeningStock(businessId, productId, '6', '12.00');

  // The quote: 8 cakes (only 6 in stock), from the keyboard.
  await page.goto(`${base}/sales/quotes`);
  await page.locator(byTestId('quotes-empty')).waitFor();
  await page.locator(byTestId('new-quote')).click();
  await page.locator(byTestId('field-contactId')).click();
  await page.keyboard.type('Jade');
  await page.getByRole('option', { name: /Jade Garden E2E/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator(byTestId('line-0-description')).click();
  await page.keyboard.type('Pu-erh');
  await page.getByRole('option', { name: /Aged Pu-erh cake/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.type('8');
  await page.locator(byTestId('total-total'), { hasText: '240.00' }).waitFor();
  await shot('quote-editor-en-1280');
  await page.locator(byTestId('save-quote')).click();
  await page.waitForURL(/\/sales\/quotes\/[^/]+$/);
  await page.locator(byTestId('quote-status'), { hasText: 'Draft' }).waitFor();
  const quoteNumber = (await text('quote-number')).replace('Draft', '').trim();
  expect(quoteNumber).toMatch(/^Q-\d+$/);

  // Sent by email (to the customer's address on file).
  await page.locator(byTestId('send-quote')).click();
  await page.locator(byTestId('confirm-accept')).click();
  await page.locator(byTestId('quote-sent'), { hasText: 'buyer@jadegarden.example' }).waitFor();
  await page.locator(byTestId('quote-status'), { hasText: 'Sent' }).waitFor();
  await shot('quote-sent-en-1280');

  // Accepted: one click makes the order.
  await page.locator(byTestId('accept-quote')).click();
  await page.locator(byTestId('confirm-accept')).click();
  await page.waitForURL(/\/sales\/orders\/[^/]+$/);
  await page.locator(byTestId('order-status'), { hasText: 'Draft' }).waitFor();
  const orderUrl = page.url();
  const orderNumber = (await text('order-number')).split(' ')[0];
  expect(orderNumber).toMatch(/^SO-\d+$/);

  // Confirmed: 6 reserved, 2 back-ordered, and the page says why.
  await page.locator(byTestId('confirm-order')).click();
  await page.locator(byTestId('confirm-accept')).click();
  await page.locator(byTestId('back-order-note'), { hasText: '2 of 8 waiting for stock' }).waitFor();
  expect(await text('order-line-0-reserved')).toBe('6');
  expect(await text('order-line-0-back-ordered')).toBe('2');
  await page.locator(byTestId('order-back-ordered')).waitFor();
  await shot('order-back-ordered-en-1280');

  // A partial shipment of 4 (of the 6 reserved).
  await page.locator(byTestId('ship-order')).click();
  expect(await page.locator(byTestId('ship-qty-0')).inputValue()).toBe('6');
  await fill('ship-qty-0', '4');
  await page.locator(byTestId('submit-shipment')).click();
  await page.locator(byTestId('shipment-recorded')).waitFor();
  await page.locator(byTestId('order-line-0-shipped'), { hasText: '4' }).waitFor();
  expect(await text('order-line-0-reserved')).toBe('2');
  expect(await text('order-line-0-back-ordered')).toBe('2');
  expect(await page.locator(byTestId('order-status')).textContent()).toContain('Partly shipped');

  // The back-order is visible in the list, under its filter too.
  await page.goto(`${base}/sales/orders`);
  await page.locator(byTestId('orders-status')).selectOption('back_ordered');
  await page.locator(`${byTestId('orders-table')} tr[data-back-ordered="true"]`, { hasText: orderNumber }).waitFor();
  await shot('orders-back-ordered-en-1280');

  // Invoice what shipped: 4 × 30.00 = 120.00, issued at once.
  await page.goto(orderUrl);
  await page.locator(byTestId('invoice-order')).click();
  await page.locator(byTestId('invoice-preview'), { hasText: '× 4' }).waitFor();
  await page.locator(byTestId('confirm-accept')).click();
  await page.waitForURL(/\/sales\/invoices\/[^/]+$/);
  await page.locator(byTestId('invoice-status'), { hasText: 'Issued' }).waitFor();
  expect(await text('total-total')).toContain('120.00');

  // Paid in full.
  await page.locator(byTestId('record-payment')).click();
  expect(await page.locator(byTestId('field-amount')).inputValue()).toBe('120.00');
  await fill('field-reference', 'Transfer JG-01');
  await page.locator(byTestId('confirm-accept')).click();
  await page.locator(byTestId('invoice-status'), { hasText: 'Paid' }).waitFor();
  expect(await text('total-balance')).toContain('0.00');

  // The order shows it: shipped 4, invoiced 4, 2 reserved, 2 still back-ordered.
  await page.goto(orderUrl);
  await page.locator(byTestId('order-line-0-invoiced'), { hasText: '4' }).waitFor();
  expect(await text('order-line-0-shipped')).toBe('4');
  expect(await text('order-invoices')).toContain('Paid');
  await shot('order-invoiced-en-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot('order-invoiced-en-390');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The product's stock card: opening 6 in, the shipment of 4 out at cost, 2 left (both reserved).
  await page.goto(`${base}/inventory/products/${productId}`);
  await page.locator(byTestId('open-stock-card')).click();
  await page.waitForURL(/\/stock$/);
  await page.locator(byTestId('stock-card-table')).waitFor();
  const rows = page.locator(byTestId('stock-card-row'));
  expect(await rows.count()).toBe(2);
  expect(await rows.nth(0).getAttribute('data-kind')).toBe('shipment');
  expect(await rows.nth(0).textContent()).toContain('−4');
  expect(await rows.nth(0).textContent()).toContain(orderNumber);
  expect(await rows.nth(0).locator(byTestId('stock-card-balance')).textContent()).toMatch(/^2(\s|$)/);
  expect(await rows.nth(1).getAttribute('data-kind')).toBe('adjustment');
  expect(await rows.nth(1).textContent()).toContain('+6');
  expect(await text('stock-on-hand')).toContain('2');
  expect(await text('stock-reserved')).toContain('2');
  expect(await text('stock-available')).toContain('0');
  // 2 left at 12.00 each.
  expect(await text('stock-value')).toContain('24.00');
  await shot('stock-card-en-1280');

  // The shipment on the card opens its delivery note.
  await rows.nth(0).locator(byTestId('stock-card-source')).click();
  await page.waitForURL(/\/sales\/shipments\/[^/]+$/);
  expect(await text('shipment-lines')).toContain('4 pcs');

  // And the quote remembers the order it became.
  await page.goto(`${base}/sales/quotes`);
  const quoteRow = page.locator(`${byTestId('quotes-table')} tr[data-status="accepted"]`, { hasText: quoteNumber });
  await quoteRow.waitFor();
  expect(await quoteRow.textContent()).toContain(orderNumber);

  // 简体中文: the order page explains the back-order in Chinese.
  await page.goto(orderUrl);
  await page.locator(byTestId('language-switch')).selectOption('zh-CN');
  await page.locator(byTestId('back-order-note'), { hasText: '缺货待发' }).waitFor();
  await shot('order-zh-CN-1280');
});
