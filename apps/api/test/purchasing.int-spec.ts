import { readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Client } from 'pg';
import { SendPurchaseOrderEmailJob } from '../src/modules/purchasing/purchase-orders/jobs/send-purchase-order-email.job';
import { addMember, Api, Session, signUp, sqlAs, startApi } from './harness';

/**
 * Purchasing end to end through the API: purchase orders and partial receipts into stock at the
 * order's cost, bills from what was received (price variance, FX between the order's and the
 * bill's rate), standalone bills, payments to suppliers, expenses with receipt files, and the
 * payables aging, each checked against the ledger.
 */
describe('purchasing', () => {
  let api: Api;
  let owner: Session;
  let db: Client;
  const mailDir = `/tmp/keeper-purchasing-test-${process.pid}`;

  beforeAll(async () => {
    rmSync(mailDir, { recursive: true, force: true });
    api = await startApi({ MAIL_DIR: mailDir });
    owner = await signUp(api, 'Buyer');
    db = await sqlAs('postgres');
  });
  afterAll(async () => {
    await db.end();
    await api.close();
  });

  /** A fresh business (its own tenant) with a supplier, a stocked product, a service and a 10 % tax rate. */
  async function setup(baseCurrency = 'USD', supplierCurrency = baseCurrency) {
    const bid = (await owner.post('/api/businesses', { name: `Purchasing ${baseCurrency}`, baseCurrency }).expect(201)).body.id as string;
    const base = `/api/businesses/${bid}`;
    const tax = (await owner.post(`${base}/tax-rates`, { name: 'VAT 10', rate: '10' }).expect(201)).body.id as string;
    const supplier = (
      await owner
        .post(`${base}/contacts`, { kind: 'supplier', name: 'Leaf Co', currency: supplierCurrency, paymentTermsDays: 30, email: 'orders@leaf.example' })
        .expect(201)
    ).body.id as string;
    const tea = (
      await owner
        .post(`${base}/products`, { sku: 'TEA', name: 'Green tea', trackStock: true, purchaseCost: baseCurrency === 'JPY' ? '800' : '8.00', taxRateId: tax })
        .expect(201)
    ).body.id as string;
    const design = (await owner.post(`${base}/products`, { sku: 'DESIGN', name: 'Label design', kind: 'service' }).expect(201)).body.id as string;
    const location = (await owner.get(`${base}/locations`).expect(200)).body.items[0].id as string;
    return { bid, base, tax, supplier, tea, design, location };
  }

  /** Base-currency balance (debit positive) of a system account, from the journal. */
  const balance = async (bid: string, key: string) =>
    BigInt(
      (
        await db.query(
          `SELECT coalesce(sum(l.base_amount_minor), 0)::text AS b FROM journal_lines l
             JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id
            WHERE l.business_id = $1 AND a.system_key = $2`,
          [bid, key],
        )
      ).rows[0].b,
    );
  const unbalancedEntries = async (bid: string) =>
    (
      await db.query(
        `SELECT entry_id FROM journal_lines WHERE business_id = $1 GROUP BY entry_id, currency HAVING sum(amount_minor) <> 0
         UNION ALL SELECT entry_id FROM journal_lines WHERE business_id = $1 GROUP BY entry_id HAVING sum(base_amount_minor) <> 0`,
        [bid],
      )
    ).rows;

  it('orders, receives in parts at the order cost, and shows each receipt on the stock card', async () => {
    const s = await setup();
    const customer = (await owner.post(`${s.base}/contacts`, { kind: 'customer', name: 'Not a supplier' }).expect(201)).body.id;
    const wrong = await owner.post(`${s.base}/purchase-orders`, { contactId: customer, lines: [{ productId: s.tea, quantity: '1' }] }).expect(400);
    expect(wrong.body.error.fields).toEqual([expect.objectContaining({ field: 'contactId', code: 'not_a_supplier' })]);

    const draft = await owner
      .post(`${s.base}/purchase-orders`, {
        contactId: s.supplier,
        expectedDate: '2099-01-31',
        lines: [
          { productId: s.tea, quantity: '10' },
          { productId: s.design, quantity: '1', unitCost: '50.00', taxRateId: null },
        ],
      })
      .expect(201);
    expect(draft.body).toMatchObject({
      number: null,
      status: 'draft',
      currency: 'USD',
      location: { id: s.location },
      subtotal: { amountMinor: '13000' },
      tax: { amountMinor: '800' },
      total: { amountMinor: '13800' },
    });
    expect(draft.body.lines[0]).toMatchObject({ stocked: true, unitCost: { amountMinor: '800' }, taxRatePercent: '10', account: null });
    expect(draft.body.lines[1]).toMatchObject({ stocked: false, account: expect.objectContaining({ code: '6900' }) });
    const id = draft.body.id;
    const [teaLine, designLine] = draft.body.lines.map((l: { id: string }) => l.id);

    await owner.post(`${s.base}/purchase-orders/${id}/receipts`, { lines: [{ purchaseOrderLineId: teaLine, quantity: '1' }] }).expect(409);
    const ordered = await owner.post(`${s.base}/purchase-orders/${id}/order`, {}).expect(200);
    expect(ordered.body).toMatchObject({ number: 'PO-00001', status: 'ordered', exchangeRate: '1' });
    await owner.patch(`${s.base}/purchase-orders/${id}`, { contactId: s.supplier, lines: [{ productId: s.tea, quantity: '1' }] }).expect(409);

    const r1 = await owner
      .post(`${s.base}/purchase-orders/${id}/receipts`, { reference: 'DN-1', lines: [{ purchaseOrderLineId: teaLine, quantity: '4' }] })
      .expect(201);
    expect(r1.body.status).toBe('partially_received');
    expect(r1.body.lines[0]).toMatchObject({ receivedQuantity: '4', toReceiveQuantity: '6', toBillQuantity: '4', receivedValue: { amountMinor: '3200' } });
    expect(r1.body.lines[1]).toMatchObject({ toReceiveQuantity: '0', toBillQuantity: '1' });

    const over = await owner
      .post(`${s.base}/purchase-orders/${id}/receipts`, {
        lines: [
          { purchaseOrderLineId: teaLine, quantity: '7' },
          { purchaseOrderLineId: designLine, quantity: '1' },
        ],
      })
      .expect(400);
    expect(over.body.error.fields).toEqual([
      expect.objectContaining({ field: 'lines.0.quantity', code: 'exceeds_open', message: 'is more than the 6 still to receive' }),
      expect.objectContaining({ field: 'lines.1.purchaseOrderLineId', code: 'not_stocked' }),
    ]);

    const r2 = await owner
      .post(`${s.base}/purchase-orders/${id}/receipts`, { date: draft.body.orderDate, lines: [{ purchaseOrderLineId: teaLine, quantity: '6' }] })
      .expect(201);
    expect(r2.body).toMatchObject({ status: 'received', receipts: [expect.anything(), expect.anything()] });
    await owner.post(`${s.base}/purchase-orders/${id}/receipts`, { lines: [{ purchaseOrderLineId: teaLine, quantity: '1' }] }).expect(400);

    expect(await balance(s.bid, 'inventory')).toBe(8000n);
    expect(await balance(s.bid, 'goods_received_not_invoiced')).toBe(-8000n);
    const card = await owner.get(`${s.base}/products/${s.tea}/stock-card`).expect(200);
    expect(card.body.items.map((m: { kind: string; quantity: string; value: { amountMinor: string }; sourceType: string; description: string }) => [
      m.kind,
      m.quantity,
      m.value.amountMinor,
      m.sourceType,
      m.description,
    ])).toEqual([
      ['receipt', '6', '4800', 'purchase_receipt', 'Receipt on PO-00001 from Leaf Co'],
      ['receipt', '4', '3200', 'purchase_receipt', 'Receipt on PO-00001 from Leaf Co (DN-1)'],
    ]);

    await owner.post(`${s.base}/purchase-orders/${id}/cancel`, { reason: 'no' }).expect(409);
    const listed = await owner.get(`${s.base}/purchase-orders?status=received&productId=${s.tea}`).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id, number: 'PO-00001', billedFully: false })]);
    const csv = await owner.get(`${s.base}/purchase-orders/export.csv`).expect(200);
    expect(csv.text).toContain('PO-00001,received,Leaf Co');
  });

  it('bills what was received: GRNI cleared at receipt value, the price difference to variance, over-billing refused', async () => {
    const s = await setup();
    const po = (
      await owner
        .post(`${s.base}/purchase-orders`, { contactId: s.supplier, lines: [{ productId: s.tea, quantity: '3', unitCost: '3.33' }, { productId: s.design, quantity: '2', unitCost: '25', taxRateId: null }] })
        .expect(201)
    ).body;
    await owner.post(`${s.base}/purchase-orders/${po.id}/order`, {}).expect(200);
    const [tea, design] = po.lines.map((l: { id: string }) => l.id);
    for (const q of ['1', '1', '1']) {
      await owner.post(`${s.base}/purchase-orders/${po.id}/receipts`, { lines: [{ purchaseOrderLineId: tea, quantity: q }] }).expect(201);
    }
    // Three receipts of 1 × 3.33 = 9.99 in GRNI.
    expect(await balance(s.bid, 'goods_received_not_invoiced')).toBe(-999n);

    const tooMuch = await owner
      .post(`${s.base}/bills`, { contactId: s.supplier, lines: [{ purchaseOrderLineId: tea, quantity: '4' }] })
      .expect(400);
    expect(tooMuch.body.error.fields).toEqual([expect.objectContaining({ field: 'lines.0.quantity', message: 'is more than the 3 received and not billed yet' })]);

    // Bill 2 at 3.50 (variance 0.17 each) plus the design service, and a freight line booked to an expense account.
    const accounts = (await owner.get(`${s.base}/spend-accounts`).expect(200)).body.items;
    const travel = accounts.find((a: { code: string }) => a.code === '6600').id;
    const draft = await owner
      .post(`${s.base}/bills`, {
        contactId: s.supplier,
        supplierReference: 'LC-881',
        lines: [
          { purchaseOrderLineId: tea, quantity: '2', unitPrice: '3.50' },
          { purchaseOrderLineId: design, quantity: '2' },
          { description: 'Freight', quantity: '1', unitPrice: '12.00', accountId: travel, taxRateId: null },
        ],
      })
      .expect(201);
    expect(draft.body).toMatchObject({ status: 'draft', number: null, subtotal: { amountMinor: '6900' }, tax: { amountMinor: '70' }, total: { amountMinor: '6970' } });
    const dup = await owner
      .post(`${s.base}/bills`, { contactId: s.supplier, supplierReference: 'lc-881', lines: [{ description: 'x', quantity: '1', unitPrice: '1' }] })
      .expect(400);
    expect(dup.body.error.fields).toEqual([expect.objectContaining({ field: 'supplierReference', code: 'duplicate' })]);

    const posted = await owner.post(`${s.base}/bills/${draft.body.id}/post`, {}).expect(200);
    expect(posted.body).toMatchObject({ number: 'BILL-00001', status: 'open', balance: { amountMinor: '6970' }, exchangeRate: '1' });
    expect(posted.body.lines[0].grniCleared).toEqual({ amountMinor: '666', currency: 'USD' });
    expect(posted.body.lines[1].grniCleared).toBeNull();
    expect(await balance(s.bid, 'goods_received_not_invoiced')).toBe(-333n);
    expect(await balance(s.bid, 'purchase_price_variance')).toBe(34n);
    expect(await balance(s.bid, 'other_expenses')).toBe(5000n);
    expect(await balance(s.bid, 'travel')).toBe(1200n);
    expect(await balance(s.bid, 'tax_receivable')).toBe(70n);
    expect(await balance(s.bid, 'accounts_payable')).toBe(-6970n);
    expect(await unbalancedEntries(s.bid)).toEqual([]);

    const order = (await owner.get(`${s.base}/purchase-orders/${po.id}`).expect(200)).body;
    expect(order.lines.map((l: { billedQuantity: string; toBillQuantity: string }) => [l.billedQuantity, l.toBillQuantity])).toEqual([
      ['2', '1'],
      ['2', '0'],
    ]);
    expect(order.bills).toEqual([expect.objectContaining({ number: 'BILL-00001', status: 'open' })]);

    // The rest, from the order: exactly the last unit, and GRNI ends at zero.
    const rest = await owner.post(`${s.base}/bills/from-purchase-order`, { purchaseOrderId: po.id }).expect(201);
    expect(rest.body.lines).toEqual([expect.objectContaining({ purchaseOrderLineId: tea, quantity: '1', unitPrice: { amountMinor: '333', currency: 'USD' } })]);
    await owner.post(`${s.base}/bills/from-purchase-order`, { purchaseOrderId: po.id }).expect(409);
    await owner.post(`${s.base}/bills/${rest.body.id}/post`, {}).expect(200);
    expect(await balance(s.bid, 'goods_received_not_invoiced')).toBe(0n);
    expect((await owner.get(`${s.base}/purchase-orders/${po.id}`).expect(200)).body.status).toBe('closed');

    // Voiding gives the quantities back and puts GRNI back exactly.
    const voided = await owner.post(`${s.base}/bills/${draft.body.id}/void`, { reason: 'Wrong prices' }).expect(200);
    expect(voided.body).toMatchObject({ status: 'void', balance: { amountMinor: '0' }, voidReason: 'Wrong prices' });
    expect(await balance(s.bid, 'goods_received_not_invoiced')).toBe(-666n);
    expect(await balance(s.bid, 'purchase_price_variance')).toBe(0n);
    expect(await balance(s.bid, 'accounts_payable')).toBe(-333n - 33n);
    expect((await owner.get(`${s.base}/purchase-orders/${po.id}`).expect(200)).body.status).toBe('received');
    // Its supplier reference may be entered again.
    await owner.post(`${s.base}/bills`, { contactId: s.supplier, supplierReference: 'LC-881', lines: [{ purchaseOrderLineId: tea, quantity: '2' }] }).expect(201);
  });

  it('refuses stocked products on bills without an order, and bills services straight to an expense account', async () => {
    const s = await setup();
    const stocked = await owner.post(`${s.base}/bills`, { contactId: s.supplier, lines: [{ productId: s.tea, quantity: '1', unitPrice: '1' }] }).expect(400);
    expect(stocked.body.error.fields).toEqual([expect.objectContaining({ field: 'lines.0.productId', code: 'stocked_product' })]);
    const notSpend = await owner.get(`${s.base}/spend-accounts`).expect(200);
    expect(notSpend.body.items.map((a: { code: string }) => a.code)).not.toContain('1200');
    const bill = await owner
      .post(`${s.base}/bills`, { contactId: s.supplier, billDate: '2026-01-10', lines: [{ productId: s.design, quantity: '1', unitPrice: '80' }] })
      .expect(201);
    expect(bill.body).toMatchObject({ dueDate: '2026-02-09', lines: [expect.objectContaining({ description: 'Label design', account: expect.objectContaining({ code: '6900' }) })] });
    await owner.post(`${s.base}/bills/${bill.body.id}/post`, {}).expect(200);
    await owner.post(`${s.base}/bills/${bill.body.id}/post`, {}).expect(409);
    await owner.delete(`${s.base}/bills/${bill.body.id}`).expect(409);
    expect(await balance(s.bid, 'other_expenses')).toBe(8000n);
  });

  it('values a foreign order at its rate, bills at the bill rate (variance and FX apart), and pays at a third rate', async () => {
    const s = await setup('CNY', 'USD');
    const po = (await owner.post(`${s.base}/purchase-orders`, { contactId: s.supplier, lines: [{ productId: s.tea, quantity: '2', unitCost: '10.00', taxRateId: null }] }).expect(201)).body;
    expect(po.currency).toBe('USD');
    const noRate = await owner.post(`${s.base}/purchase-orders/${po.id}/order`, {}).expect(400);
    expect(noRate.body.error.fields).toEqual([expect.objectContaining({ field: 'exchangeRate', code: 'required' })]);
    await owner.post(`${s.base}/purchase-orders/${po.id}/order`, { exchangeRate: '7.00' }).expect(200);
    await owner.post(`${s.base}/purchase-orders/${po.id}/receipts`, { lines: [{ purchaseOrderLineId: po.lines[0].id, quantity: '2' }] }).expect(201);
    expect(await balance(s.bid, 'inventory')).toBe(14000n); // 20.00 USD × 7.00

    const bill = (await owner.post(`${s.base}/bills/from-purchase-order`, { purchaseOrderId: po.id }).expect(201)).body;
    await owner
      .patch(`${s.base}/bills/${bill.id}`, { contactId: s.supplier, lines: [{ purchaseOrderLineId: po.lines[0].id, quantity: '2', unitPrice: '11.00' }] })
      .expect(200);
    await owner.post(`${s.base}/bills/${bill.id}/post`, {}).expect(400);
    await owner.post(`${s.base}/bills/${bill.id}/post`, { exchangeRate: '7.20' }).expect(200);
    expect(await balance(s.bid, 'goods_received_not_invoiced')).toBe(0n);
    expect(await balance(s.bid, 'purchase_price_variance')).toBe(1440n); // 2.00 USD × 7.20
    expect(await balance(s.bid, 'fx_gain_loss')).toBe(400n); // 20.00 USD × 0.20
    expect(await balance(s.bid, 'accounts_payable')).toBe(-15840n); // 22.00 USD × 7.20

    const payment = await owner
      .post(`${s.base}/bill-payments`, { contactId: s.supplier, method: 'bank_transfer', exchangeRate: '7.10', allocations: [{ billId: bill.id, amount: '22.00' }] })
      .expect(201);
    expect(payment.body).toMatchObject({ currency: 'USD', amount: { amountMinor: '2200' }, status: 'posted' });
    expect(await balance(s.bid, 'accounts_payable')).toBe(0n);
    expect(await balance(s.bid, 'bank')).toBe(-15620n); // 22.00 USD × 7.10
    expect(await balance(s.bid, 'fx_gain_loss')).toBe(400n - 220n); // a 0.10 gain on 22.00 USD
    expect((await owner.get(`${s.base}/bills/${bill.id}`).expect(200)).body).toMatchObject({ status: 'paid', balance: { amountMinor: '0' } });
    expect(await unbalancedEntries(s.bid)).toEqual([]);
  });

  it('pays several bills and an on-account expense of one supplier, in part, and voids a payment to reopen them', async () => {
    const s = await setup();
    const bill = async (amount: string, billDate = '2026-03-01') => {
      const d = (await owner.post(`${s.base}/bills`, { contactId: s.supplier, billDate, lines: [{ description: 'Service', quantity: '1', unitPrice: amount, taxRateId: null }] }).expect(201)).body;
      return (await owner.post(`${s.base}/bills/${d.id}/post`, {}).expect(200)).body.id as string;
    };
    const b1 = await bill('100.00');
    const b2 = await bill('50.00');
    const accounts = (await owner.get(`${s.base}/spend-accounts`).expect(200)).body.items;
    const rent = accounts.find((a: { code: string }) => a.code === '6000').id;
    const expense = (
      await owner
        .post(`${s.base}/expenses`, { date: '2026-03-02', accountId: rent, contactId: s.supplier, amount: '30.00', taxRateId: null, paidFrom: 'accounts_payable' })
        .expect(201)
    ).body;
    expect(expense).toMatchObject({ status: 'open', payee: 'Leaf Co', dueDate: '2026-04-01', balance: { amountMinor: '3000' } });
    expect(await balance(s.bid, 'accounts_payable')).toBe(-18000n);

    const open = await owner.get(`${s.base}/payables?contactId=${s.supplier}`).expect(200);
    expect(open.body.items.map((p: { kind: string; balance: { amountMinor: string } }) => [p.kind, p.balance.amountMinor])).toEqual([
      ['bill', '10000'],
      ['bill', '5000'],
      ['expense', '3000'],
    ]);

    const bad = await owner
      .post(`${s.base}/bill-payments`, {
        contactId: s.supplier,
        method: 'cash',
        allocations: [{ billId: b1, amount: '100.01' }, { billId: b2, expenseId: expense.id, amount: '1' }, { billId: b1, amount: '1' }],
      })
      .expect(400);
    expect(bad.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
      ['allocations.1.billId', 'required'],
      ['allocations.2.billId', 'duplicate'],
    ]);
    const exceeds = await owner
      .post(`${s.base}/bill-payments`, { contactId: s.supplier, method: 'cash', allocations: [{ billId: b1, amount: '100.01' }] })
      .expect(400);
    expect(exceeds.body.error.fields).toEqual([expect.objectContaining({ field: 'allocations.0.amount', code: 'exceeds_balance' })]);

    const paid = await owner
      .post(`${s.base}/bill-payments`, {
        contactId: s.supplier,
        method: 'bank_transfer',
        reference: 'TR-1',
        allocations: [{ billId: b1, amount: '60.00' }, { billId: b2, amount: '50.00' }, { expenseId: expense.id, amount: '30.00' }],
      })
      .expect(201);
    expect(paid.body).toMatchObject({ amount: { amountMinor: '14000' }, paidFrom: 'bank', allocations: expect.arrayContaining([expect.objectContaining({ kind: 'expense', label: 'Leaf Co' })]) });
    expect((await owner.get(`${s.base}/bills/${b1}`).expect(200)).body).toMatchObject({ status: 'partially_paid', balance: { amountMinor: '4000' } });
    expect((await owner.get(`${s.base}/bills/${b2}`).expect(200)).body.status).toBe('paid');
    expect((await owner.get(`${s.base}/expenses/${expense.id}`).expect(200)).body.status).toBe('paid');
    expect(await balance(s.bid, 'accounts_payable')).toBe(-4000n);
    expect(await balance(s.bid, 'bank')).toBe(-14000n);

    await owner.post(`${s.base}/bills/${b2}/void`, { reason: 'x' }).expect(409);
    await owner.post(`${s.base}/expenses/${expense.id}/void`, { reason: 'x' }).expect(409);
    const voided = await owner.post(`${s.base}/bill-payments/${paid.body.id}/void`, { reason: 'Bounced' }).expect(200);
    expect(voided.body).toMatchObject({ status: 'void', voidReason: 'Bounced' });
    expect(await balance(s.bid, 'accounts_payable')).toBe(-18000n);
    expect(await balance(s.bid, 'bank')).toBe(0n);
    expect((await owner.get(`${s.base}/bills/${b2}`).expect(200)).body).toMatchObject({ status: 'open', payments: [expect.objectContaining({ voided: true })] });
    await owner.post(`${s.base}/bill-payments/${paid.body.id}/void`, { reason: 'again' }).expect(200);
    expect(await balance(s.bid, 'accounts_payable')).toBe(-18000n);

    // Payables aging: as of the day before the payment existed, and as of now.
    const aging = await owner.get(`${s.base}/reports/ap-aging?asOf=2026-05-15`).expect(200);
    expect(aging.body.suppliers).toEqual([
      expect.objectContaining({ contact: { id: s.supplier, name: 'Leaf Co' }, invoiceCount: 3, days31To60: { amountMinor: '18000', currency: 'USD' } }),
    ]);
    const before = await owner.get(`${s.base}/reports/ap-aging?asOf=2026-03-01`).expect(200);
    expect(before.body.totals).toMatchObject({ current: { amountMinor: '15000', currency: 'USD' }, total: { amountMinor: '15000', currency: 'USD' }, invoiceCount: 2 });
    const csv = await owner.get(`${s.base}/reports/ap-aging.csv?asOf=2026-05-15`).expect(200);
    expect(csv.text).toContain('Leaf Co,3,0.00,0.00,180.00,0.00,0.00,180.00');

    const paidLater = await owner
      .post(`${s.base}/bill-payments`, { contactId: s.supplier, method: 'cash', paidFrom: 'cash', date: '2026-03-10', allocations: [{ billId: b1, amount: '100.00' }] })
      .expect(201);
    expect(paidLater.body.paidFrom).toBe('cash');
    const after = await owner.get(`${s.base}/reports/ap-aging?asOf=2026-03-10`).expect(200);
    expect(after.body.totals.total).toEqual({ amountMinor: '8000', currency: 'USD' });
    const dashboard = await owner.get(`${s.base}/dashboard`).expect(200);
    expect(dashboard.body.payables).toMatchObject({ outstanding: { amountMinor: '8000' }, outstandingCount: 2 });
  });

  it('records expenses paid now and owed, with input tax, and voids them as a reversal', async () => {
    const s = await setup();
    const accounts = (await owner.get(`${s.base}/spend-accounts`).expect(200)).body.items;
    const travel = accounts.find((a: { code: string }) => a.code === '6600').id;
    const equipment = accounts.find((a: { code: string }) => a.code === '1500').id;
    const noCategory = await owner.post(`${s.base}/expenses`, { accountId: equipment, amount: '10', paidFrom: 'cash', payee: 'X' }).expect(400);
    expect(noCategory.body.error.fields).toEqual([expect.objectContaining({ field: 'accountId', code: 'not_a_spend_account' })]);
    const noPayee = await owner.post(`${s.base}/expenses`, { accountId: travel, amount: '10', paidFrom: 'accounts_payable' }).expect(400);
    expect(noPayee.body.error.fields).toEqual([expect.objectContaining({ field: 'contactId', code: 'required' })]);

    const taxi = await owner
      .post(`${s.base}/expenses`, { accountId: travel, payee: 'City Taxi', description: 'To the fair', amount: '22.00', taxRateId: s.tax, paidFrom: 'cash' })
      .expect(201);
    expect(taxi.body).toMatchObject({ status: 'paid', net: { amountMinor: '2000' }, tax: { amountMinor: '200' }, total: { amountMinor: '2200' }, balance: { amountMinor: '0' }, receipt: null });
    expect(await balance(s.bid, 'travel')).toBe(2000n);
    expect(await balance(s.bid, 'tax_receivable')).toBe(200n);
    expect(await balance(s.bid, 'cash')).toBe(-2200n);
    const exclusive = await owner
      .post(`${s.base}/expenses`, { accountId: travel, payee: 'Hotel', amount: '100.00', amountIncludesTax: false, taxRateId: s.tax, paidFrom: 'bank' })
      .expect(201);
    expect(exclusive.body.total).toEqual({ amountMinor: '11000', currency: 'USD' });

    const list = await owner.get(`${s.base}/expenses?accountId=${travel}&q=taxi`).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: taxi.body.id, hasReceipt: false })]);
    const csv = await owner.get(`${s.base}/expenses/export.csv?paidFrom=cash`).expect(200);
    expect(csv.text).toContain('6600,Travel,City Taxi,To the fair,,cash,paid,USD,1,20.00,2.00,22.00,0.00,no');

    const voided = await owner.post(`${s.base}/expenses/${taxi.body.id}/void`, { reason: 'Personal' }).expect(200);
    expect(voided.body).toMatchObject({ status: 'void', voidReason: 'Personal' });
    expect(await balance(s.bid, 'travel')).toBe(10000n);
    expect(await balance(s.bid, 'cash')).toBe(0n);
    expect(await unbalancedEntries(s.bid)).toEqual([]);
  });

  it('stores receipt files in the database, serves them back, and checks their type and size', async () => {
    const s = await setup();
    const travel = (await owner.get(`${s.base}/spend-accounts`).expect(200)).body.items.find((a: { code: string }) => a.code === '6600').id;
    const e = (await owner.post(`${s.base}/expenses`, { accountId: travel, payee: 'Taxi', amount: '5', paidFrom: 'cash' }).expect(201)).body;
    const url = `${s.base}/expenses/${e.id}/receipt`;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]);
    const put = (body: Buffer, type: string, key?: string) => {
      const req = owner.agent.put(`${url}?fileName=taxi.png`).set('X-CSRF-Token', owner.csrf).set('Content-Type', type);
      if (key) req.set('Idempotency-Key', key);
      return req.send(body);
    };

    await owner.get(url).expect(404);
    const up = await put(png, 'image/png', 'receipt-1').expect(200);
    expect(up.body.receipt).toMatchObject({ fileName: 'taxi.png', contentType: 'image/png', size: png.length });
    const replay = await put(png, 'image/png', 'receipt-1').expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    await put(Buffer.concat([png, Buffer.from([1])]), 'image/png', 'receipt-1').expect(422);

    const down = await owner.get(url).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(down.body as Buffer, png)).toBe(0);
    expect((await owner.get(`${s.base}/expenses?limit=5`).expect(200)).body.items[0].hasReceipt).toBe(true);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const fake = await put(pdf, 'image/png').expect(415);
    expect(fake.body.error.message).toContain('it looks like a PDF');
    await put(Buffer.from('<html></html>'), 'text/html').expect(415);
    await put(Buffer.alloc(0), 'image/png').expect(400);
    const big = await put(Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), 'image/png').expect(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const replaced = await put(pdf, 'application/pdf').expect(200);
    expect(replaced.body.receipt).toMatchObject({ contentType: 'application/pdf', fileName: 'taxi.png' });
    const audit = await db.query(`SELECT action FROM audit_events WHERE business_id = $1 AND target_id = $2 ORDER BY created_at`, [s.bid, e.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['expense.recorded', 'expense.receipt_attached', 'expense.receipt_attached']);

    await owner.delete(url).expect(200);
    await owner.get(url).expect(404);
    await owner.delete(url).expect(404);
  });

  it('makes one receipt and one payment of concurrent requests with the same key', async () => {
    const s = await setup();
    const po = (await owner.post(`${s.base}/purchase-orders`, { contactId: s.supplier, lines: [{ productId: s.tea, quantity: '5' }] }).expect(201)).body;
    await owner.post(`${s.base}/purchase-orders/${po.id}/order`, {}).expect(200);
    const body = { lines: [{ purchaseOrderLineId: po.lines[0].id, quantity: '2' }] };
    const results = await Promise.all(Array.from({ length: 8 }, () => owner.post(`${s.base}/purchase-orders/${po.id}/receipts`, body, 'receive-once')));
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const after = (await owner.get(`${s.base}/purchase-orders/${po.id}`).expect(200)).body;
    expect(after.receipts).toHaveLength(1);
    expect(after.lines[0].receivedQuantity).toBe('2');
    expect(await balance(s.bid, 'inventory')).toBe(1600n);

    const bill = (await owner.post(`${s.base}/bills/from-purchase-order`, { purchaseOrderId: po.id }).expect(201)).body;
    await owner.post(`${s.base}/bills/${bill.id}/post`, {}).expect(200);
    const pay = { contactId: s.supplier, method: 'cash', allocations: [{ billId: bill.id, amount: '1.00' }] };
    const paid = await Promise.all(Array.from({ length: 8 }, () => owner.post(`${s.base}/bill-payments`, pay, 'pay-once')));
    expect(paid.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    const payments = (await owner.get(`${s.base}/bill-payments?contactId=${s.supplier}`).expect(200)).body.items;
    expect(payments).toHaveLength(1);
    expect((await owner.get(`${s.base}/bills/${bill.id}`).expect(200)).body.paid.amountMinor).toBe('100');
  });

  it('lets staff order, receive and record expenses, but not pay suppliers or void', async () => {
    const s = await setup();
    const staff = await addMember(api, owner, s.bid, 'staff');
    const po = (await staff.post(`${s.base}/purchase-orders`, { contactId: s.supplier, lines: [{ productId: s.tea, quantity: '1' }] }).expect(201)).body;
    await staff.post(`${s.base}/purchase-orders/${po.id}/order`, {}).expect(200);
    await staff.post(`${s.base}/purchase-orders/${po.id}/receipts`, { lines: [{ purchaseOrderLineId: po.lines[0].id, quantity: '1' }] }).expect(201);
    const bill = (await staff.post(`${s.base}/bills/from-purchase-order`, { purchaseOrderId: po.id }).expect(201)).body;
    await staff.post(`${s.base}/bills/${bill.id}/post`, {}).expect(200);
    await staff.post(`${s.base}/bill-payments`, { contactId: s.supplier, method: 'cash', allocations: [{ billId: bill.id, amount: '1' }] }).expect(403);
    await staff.post(`${s.base}/bills/${bill.id}/void`, { reason: 'x' }).expect(403);
    const travel = (await staff.get(`${s.base}/spend-accounts`).expect(200)).body.items.find((a: { code: string }) => a.code === '6600').id;
    const e = (await staff.post(`${s.base}/expenses`, { accountId: travel, payee: 'Bus', amount: '2', paidFrom: 'cash' }).expect(201)).body;
    await staff.post(`${s.base}/expenses/${e.id}/void`, { reason: 'x' }).expect(403);
    await staff.get(`${s.base}/reports/ap-aging`).expect(403);
  });

  it("never settles another tenant's bill or receives against another tenant's order", async () => {
    const a = await setup();
    const b = await setup();
    const billB = (await owner.post(`${b.base}/bills`, { contactId: b.supplier, lines: [{ description: 'x', quantity: '1', unitPrice: '5' }] }).expect(201)).body;
    await owner.post(`${b.base}/bills/${billB.id}/post`, {}).expect(200);
    const res = await owner
      .post(`${a.base}/bill-payments`, { contactId: a.supplier, method: 'cash', allocations: [{ billId: billB.id, amount: '5' }] })
      .expect(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'allocations.0.billId', code: 'not_found' })]);
    const poB = (await owner.post(`${b.base}/purchase-orders`, { contactId: b.supplier, lines: [{ productId: b.tea, quantity: '1' }] }).expect(201)).body;
    const poA = (await owner.post(`${a.base}/purchase-orders`, { contactId: a.supplier, lines: [{ productId: a.tea, quantity: '1' }] }).expect(201)).body;
    await owner.post(`${a.base}/purchase-orders/${poA.id}/order`, {}).expect(200);
    const cross = await owner
      .post(`${a.base}/purchase-orders/${poA.id}/receipts`, { lines: [{ purchaseOrderLineId: poB.lines[0].id, quantity: '1' }] })
      .expect(400);
    expect(cross.body.error.fields).toEqual([expect.objectContaining({ field: 'lines.0.purchaseOrderLineId', code: 'not_found' })]);
    await owner.post(`${a.base}/bills`, { contactId: a.supplier, lines: [{ purchaseOrderLineId: poB.lines[0].id, quantity: '1' }] }).expect(400);
    await owner.get(`${a.base}/purchase-orders/${poB.id}`).expect(404);
  });

  it('emails an order to the supplier once, ordering a draft first', async () => {
    const s = await setup();
    const po = (await owner.post(`${s.base}/purchase-orders`, { contactId: s.supplier, lines: [{ productId: s.tea, quantity: '3' }] }).expect(201)).body;
    const sent = await owner.post(`${s.base}/purchase-orders/${po.id}/send`, { message: 'Please confirm' }).expect(200);
    expect(sent.body).toMatchObject({ status: 'ordered', number: 'PO-00001', sends: [expect.objectContaining({ toEmail: 'orders@leaf.example', sentAt: null })] });
    const outbox = await db.query(`SELECT id, payload FROM outbox WHERE business_id = $1 AND job = 'purchase-order.send-email'`, [s.bid]);
    expect(outbox.rows).toEqual([expect.objectContaining({ payload: expect.objectContaining({ purchaseOrderId: po.id }) })]);

    // The worker's handler, delivered twice: one email, the send stamped, the outbox row done.
    const job = api.app.get(SendPurchaseOrderEmailJob);
    for (const attempt of [1, 2]) await job.handle(outbox.rows[0].payload, { jobId: outbox.rows[0].id, outboxId: outbox.rows[0].id, attempt });
    const mails = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
    expect(mails).toHaveLength(1);
    const eml = readFileSync(`${mailDir}/${mails[0]}`, 'utf8');
    expect(eml).toContain('To: orders@leaf.example');
    expect(eml).toContain('Subject: =?UTF-8?Q?Purchase_order_PO-00001');
    expect(eml).toContain('Green tea [TEA] @ $8.00 =3D $24.00');
    const after = (await owner.get(`${s.base}/purchase-orders/${po.id}`).expect(200)).body;
    expect(after.sends[0].sentAt).not.toBeNull();
    const done = await db.query(`SELECT status FROM outbox WHERE id = $1`, [outbox.rows[0].id]);
    expect(done.rows[0].status).toBe('done');
  });
});
