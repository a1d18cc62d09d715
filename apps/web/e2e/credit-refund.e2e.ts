/// <reference types="jest" />
/// <reference types="node" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { byTestId, SCREENSHOT_DIR, useBrowser, WEB_URL } from './support';

const session = useBrowser('credit-refund');
let page: Page;
beforeEach(() => {
  page = session.page;
});

/** Data the flow starts from, written through the API with the signed-in session (cookie + CSRF header). */
async function api<T>(method: 'GET' | 'POST', apiPath: string, body?: object): Promise<T> {
  const cookies = await session.context.cookies();
  const csrf = decodeURIComponent(cookies.find((c) => c.name === 'keeper_csrf')?.value ?? '');
  const res = await session.context.request.fetch(`${WEB_URL}${apiPath}`, { method, data: body, headers: { 'X-CSRF-Token': csrf } });
  if (!res.ok()) throw new Error(`${method} ${apiPath}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

const text = async (testId: string) => (await page.locator(byTestId(testId)).textContent()) ?? '';
const confirm = () => page.locator(`dialog[open] ${byTestId('confirm-accept')}`).click();
const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

test('credit applied to another invoice, a refund that takes money back, full and partial credit notes, the PDF and the CSV links', async () => {
  const businessId = await session.signUpWithBusiness('E2E Refunder', 'e2e-refund');
  const base = `${WEB_URL}/b/${businessId}`;
  const apiBase = `/api/businesses/${businessId}`;
  const customer = (await api<{ id: string }>('POST', `${apiBase}/contacts`, { kind: 'customer', name: 'Harbour Cafe', currency: 'USD' })).id;
  const issue = async (unitPrice: string) => {
    const draft = await api<{ id: string }>('POST', `${apiBase}/invoices`, {
      contactId: customer,
      lines: [
        { description: 'Oolong tea', quantity: '2', unitPrice },
        { description: 'Delivery', quantity: '1', unitPrice: '10.00' },
      ],
    });
    return api<{ id: string; number: string }>('POST', `${apiBase}/invoices/${draft.id}/issue`, {});
  };
  const a = await issue('45.00'); // 100.00
  const b = await issue('35.00'); // 80.00
  const c = await issue('20.00'); // 50.00
  const openInvoice = async (id: string) => {
    await page.goto(`${base}/sales/invoices/${id}`);
    await page.locator(byTestId('page-invoice')).waitFor();
  };

  // 150.00 received for A (100.00): the other 50.00 stays as customer credit.
  await openInvoice(a.id);
  await page.locator(byTestId('record-payment')).click();
  await session.fill('field-amount', '150.00');
  await confirm();
  await page.locator(byTestId('total-balance'), { hasText: '$0.00' }).waitFor();
  // A paid invoice cannot be voided: the action is not offered.
  expect(await page.locator(byTestId('void-invoice')).count()).toBe(0);
  await page.locator(`${byTestId('invoice-payments')} a`).first().click();
  await page.locator(byTestId('page-payment')).waitFor();
  expect(await text('payment-unapplied')).toContain('$50.00');

  // More than the credit is refused, under the amount; the suggested amount then applies all of it to B.
  await page.locator(byTestId('apply-credit')).click();
  await page.locator('dialog[open] select[name="invoiceId"]').selectOption(b.id);
  await session.fill('field-amount', '60.00');
  await confirm();
  await page.locator(`dialog[open] ${byTestId('field-error-amount')}`, { hasText: '50.00' }).waitFor();
  await session.fill('field-amount', '');
  await confirm();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
  await page.locator(byTestId('payment-unapplied'), { hasText: '$0.00' }).waitFor();
  await page.locator(byTestId('payment-allocations'), { hasText: b.number }).waitFor();

  // A refund of 20.00 with no credit left takes the money back from the first invoice it settled.
  await page.locator(byTestId('refund-payment')).click();
  await session.fill('field-amount', '20.00');
  await session.fill('field-reason', 'One box returned');
  await confirm();
  await page.locator(byTestId('payment-refunded'), { hasText: '$20.00' }).waitFor();
  await page.locator(byTestId('payment-refunds'), { hasText: 'One box returned' }).waitFor();
  await shot('payment-refunded-en-1280');
  await openInvoice(a.id);
  await page.locator(byTestId('total-balance'), { hasText: '$20.00' }).waitFor();
  expect(await text(`applied-here-${(await page.locator(`${byTestId('invoice-payments')} a`).first().getAttribute('href'))!.split('/').pop()}`)).toContain(
    '$80.00',
  );

  // A full credit note settles C; a partial one on B refuses more than was invoiced before asking the API.
  await openInvoice(c.id);
  await page.locator(byTestId('issue-credit-note')).click();
  await session.fill('field-reason', 'Order cancelled');
  await confirm();
  await page.waitForURL(/\/sales\/credit-notes\/[^/]+$/);
  await openInvoice(c.id);
  await page.locator(byTestId('total-balance'), { hasText: '$0.00' }).waitFor();

  await openInvoice(b.id);
  await page.locator(byTestId('issue-credit-note')).click();
  expect(await page.locator(byTestId('credit-full')).isDisabled()).toBe(true);
  await session.fill('field-line-0-quantity', '3');
  await page.locator(`dialog[open] ${byTestId('field-error-line-0-quantity')}`).waitFor();
  expect(await page.locator(`dialog[open] ${byTestId('confirm-accept')}`).isDisabled()).toBe(true);
  // 2 × 35.00 = 70.00 is more than the 30.00 still open on B: the API says so, in the dialog.
  await session.fill('field-line-0-quantity', '2');
  await session.fill('field-reason', 'Damaged');
  await confirm();
  await page.locator(byTestId('credit-note-lines-error'), { hasText: '30.00' }).waitFor();
  await session.fill('field-line-0-quantity', '');
  await session.fill('field-line-1-quantity', '1');
  await confirm();
  await page.waitForURL(/\/sales\/credit-notes\/[^/]+$/);
  await openInvoice(b.id);
  await page.locator(byTestId('total-balance'), { hasText: '$20.00' }).waitFor();
  await shot('invoice-credited-en-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot('invoice-credited-en-390');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The PDF downloads from the invoice page.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator(byTestId('download-invoice-pdf')).click()]);
  expect(download.suggestedFilename()).toBe(`${b.number}.pdf`);

  // What is owed now: A 20.00 + B 20.00; the dashboard and the aging agree.
  await page.goto(`${base}/dashboard`);
  await page.locator(byTestId('dashboard-outstanding-amount'), { hasText: '$40.00' }).waitFor();
  await page.goto(`${base}/reports/ar-aging`);
  expect(await page.locator(byTestId('ar-aging-totals')).textContent()).toContain('$40.00');

  // The lists' CSV links carry the filters on screen.
  await page.goto(`${base}/sales/payments`);
  await page.locator(byTestId('payments-table')).waitFor();
  await page.locator(byTestId('payments-method')).selectOption('bank_transfer');
  await expect(page.locator(byTestId('export-payments')).getAttribute('href')).resolves.toBe(
    `/api/businesses/${businessId}/payments/export.csv?method=bank_transfer`,
  );
  await page.goto(`${base}/sales/credit-notes`);
  await page.locator(byTestId('credit-notes-table'), { hasText: 'Order cancelled' }).waitFor();
  expect(await page.locator(byTestId('export-credit-notes')).getAttribute('href')).toBe(`/api/businesses/${businessId}/credit-notes/export.csv`);
});
