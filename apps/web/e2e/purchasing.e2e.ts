/// <reference types="jest" />
/// <reference types="node" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { byTestId, SCREENSHOT_DIR, useBrowser, WEB_URL } from './support';

const session = useBrowser('purchasing');
let page: Page;
beforeEach(() => {
  page = session.page;
});
const fill = (testId: string, value: string) => session.fill(testId, value);
const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
const atPhoneWidth = async (name: string) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(name);
  await page.setViewportSize({ width: 1280, height: 900 });
};

/** A small but real PNG (1×1), so the receipt preview must actually decode. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('order from a supplier, receive in two parts, bill and pay it; the stock card shows both receipts', async () => {
  const businessId = await session.signUpWithBusiness('E2E Buyer', 'e2e-purchase');
  const base = `${WEB_URL}/b/${businessId}`;
  const api = (p: string) => `${WEB_URL}/api/businesses/${businessId}${p}`;

  // A supplier, from the purchases section (a new contact there is a supplier).
  await page.goto(`${base}/purchases/suppliers`);
  await page.locator(byTestId('suppliers-empty')).waitFor();
  await page.locator(byTestId('new-supplier')).click();
  expect(await page.locator(byTestId('field-kind')).inputValue()).toBe('supplier');
  await fill('field-name', 'Leaf & Co E2E');
  await fill('field-email', 'orders@leaf.example');
  await page.locator(byTestId('save-contact')).click();
  await page.locator(byTestId('suppliers-table'), { hasText: 'Leaf & Co E2E' }).waitFor();

  // A stocked product with a purchase cost.
  await page.goto(`${base}/inventory`);
  await page.locator(byTestId('new-product')).click();
  await fill('field-sku', 'OOLONG-500');
  await fill('field-name', 'Oolong tea 500 g');
  await fill('field-salesPrice', '25.00');
  await fill('field-purchaseCost', '8.40');
  await page.locator(byTestId('field-trackStock')).check();
  await page.locator(byTestId('save-product')).click();
  await page.locator(byTestId('products-table'), { hasText: 'Oolong tea 500 g' }).waitFor();
  const products = await (await page.request.get(api('/products?q=OOLONG'))).json();
  const productId = products.items[0].id as string;

  // The purchase order, priced at the product's cost.
  await page.goto(`${base}/purchases/orders`);
  await page.locator(byTestId('purchase-orders-empty')).waitFor();
  await page.locator(byTestId('new-purchase-order')).click();
  await page.locator(byTestId('field-contactId')).click();
  await page.keyboard.type('Leaf');
  await page.getByRole('option', { name: /Leaf & Co E2E/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator(byTestId('line-0-description')).click();
  await page.keyboard.type('Oolong');
  await page.getByRole('option', { name: /Oolong tea 500 g/ }).waitFor();
  await page.keyboard.press('Enter');
  await fill('line-0-quantity', '10');
  expect(await page.locator(byTestId('line-0-unitPrice')).inputValue()).toBe('8.40');
  await page.locator(byTestId('line-0-stocked')).waitFor();
  await page.locator(byTestId('total-total'), { hasText: '84.00' }).waitFor();
  await shot('purchase-order-editor-en-1280');
  await page.locator(byTestId('place-order')).click();
  await page.locator(byTestId('confirm-accept')).click();
  await page.waitForURL(/\/purchases\/orders\/[^/]+$/);
  await page.locator(byTestId('purchase-order-status'), { hasText: 'Ordered' }).waitFor();
  expect(await page.locator(byTestId('purchase-order-number')).textContent()).toContain('PO-00001');

  // First delivery: 4 of 10.
  await page.locator(byTestId('receive-goods')).click();
  expect(await page.locator(byTestId('receive-qty-0')).inputValue()).toBe('10');
  await fill('receive-qty-0', '4');
  await fill('field-reference', 'DN-1');
  await shot('purchase-receive-en-1280');
  await page.locator(byTestId('confirm-accept')).click();
  await page.locator(byTestId('purchase-order-status'), { hasText: 'Partly received' }).waitFor();
  expect(await page.locator(byTestId('order-line-0-received')).textContent()).toBe('4');

  // Second delivery: the remaining 6 (what the dialog offers).
  await page.locator(byTestId('receive-goods')).click();
  expect(await page.locator(byTestId('receive-qty-0')).inputValue()).toBe('6');
  await page.locator(byTestId('confirm-accept')).click();
  await page.locator(byTestId('purchase-order-status'), { hasText: 'Received' }).waitFor();
  await page.locator(byTestId('order-receipt')).nth(1).waitFor();
  await shot('purchase-order-received-en-1280');

  // The supplier's bill, from what was received.
  await page.locator(byTestId('bill-order')).click();
  await page.waitForURL(/\/purchases\/bills\/[^/]+\/edit$/);
  expect(await page.locator(byTestId('line-0-quantity')).inputValue()).toBe('10');
  await page.locator(byTestId('line-0-note'), { hasText: 'PO-00001' }).waitFor();
  await fill('field-supplierReference', 'LC-7781');
  await page.locator(byTestId('post-bill')).click();
  await page.locator(byTestId('confirm-accept')).click();
  await page.waitForURL(/\/purchases\/bills\/[^/]+$/);
  await page.locator(byTestId('bill-status'), { hasText: 'Open' }).waitFor();
  expect(await page.locator(byTestId('bill-number')).textContent()).toContain('BILL-00001');
  expect(await page.locator(byTestId('total-balance')).textContent()).toContain('84.00');
  const billUrl = page.url();

  // Paying it: the bill comes ticked at what is owed.
  await page.locator(byTestId('pay-bill')).click();
  await page.waitForURL(/\/purchases\/payments\/new/);
  await page.locator(byTestId('payable-0-amount')).waitFor();
  expect(await page.locator(byTestId('payable-0-amount')).inputValue()).toBe('84.00');
  await page.locator(byTestId('payment-total'), { hasText: '84.00' }).waitFor();
  await fill('field-reference', 'TR-1');
  await shot('bill-payment-en-1280');
  await page.locator(byTestId('submit-bill-payment')).click();
  await page.waitForURL(/\/purchases\/payments\/[^/]+$/);
  await page.locator(byTestId('bill-payment-allocations'), { hasText: 'BILL-00001' }).waitFor();
  await page.goto(billUrl);
  await page.locator(byTestId('bill-status'), { hasText: 'Paid' }).waitFor();
  expect(await page.locator(byTestId('total-balance')).textContent()).toContain('0.00');
  await page.goto(`${base}/purchases/orders`);
  await page.locator(`${byTestId('purchase-orders-table')} tr[data-status="closed"]`, { hasText: 'PO-00001' }).waitFor();

  // The product's stock card (the API's; the inventory pages are built separately): both receipts, at the order's cost.
  const card = await (await page.request.get(api(`/products/${productId}/stock-card`))).json();
  expect(
    card.items.map((m: { kind: string; quantity: string; value: { amountMinor: string }; balanceQuantity: string; description: string }) => [
      m.kind,
      m.quantity,
      m.value.amountMinor,
      m.balanceQuantity,
      m.description,
    ]),
  ).toEqual([
    ['receipt', '6', '5040', '10', 'Receipt on PO-00001 from Leaf & Co E2E'],
    ['receipt', '4', '3360', '4', 'Receipt on PO-00001 from Leaf & Co E2E (DN-1)'],
  ]);

  // Nothing is owed any more: the payables aging is empty.
  await page.goto(`${base}/reports/ap-aging`);
  await page.locator(byTestId('ap-aging-empty')).waitFor();
});

test('record an expense with a photo of the receipt, and see it on the expense', async () => {
  const businessId = await session.signUpWithBusiness('E2E Spender', 'e2e-expense');
  const base = `${WEB_URL}/b/${businessId}`;
  await page.goto(`${base}/purchases/expenses`);
  await page.locator(byTestId('expenses-empty')).waitFor();
  await page.locator(byTestId('new-expense')).click();
  await page.locator(byTestId('field-accountId')).selectOption({ label: '6600 · Travel' });
  await page.locator(byTestId('field-paidFrom')).selectOption('cash');
  await fill('field-payee', 'City Taxi');
  await fill('field-description', 'To the tea fair');
  await fill('field-amount', '45.20');
  await page.locator(byTestId('receipt-file')).setInputFiles({ name: 'taxi.png', mimeType: 'image/png', buffer: PNG });
  await page.locator(`${byTestId('receipt-preview')} img`).waitFor();
  await shot('expense-new-en-1280');
  await page.locator(byTestId('save-expense')).click();
  await page.waitForURL(/\/purchases\/expenses\/[^/]+$/);
  await page.locator(byTestId('expense-status'), { hasText: 'Paid' }).waitFor();
  const img = page.locator(`${byTestId('expense-receipt')} img`);
  await img.waitFor();
  const decoded = await img.evaluate(async (el) => {
    const image = el as HTMLImageElement;
    if (!image.complete) await new Promise((resolve) => image.addEventListener('load', resolve, { once: true }));
    return image.naturalWidth;
  });
  expect(decoded).toBe(1);
  expect(await page.locator(byTestId('download-receipt')).getAttribute('download')).toBe('taxi.png');
  await shot('expense-detail-en-1280');
  await atPhoneWidth('expense-detail-en-390');

  await page.goto(`${base}/purchases/expenses`);
  await page.locator(byTestId('expenses-table'), { hasText: 'City Taxi' }).waitFor();
  await shot('expenses-list-en-1280');
});
