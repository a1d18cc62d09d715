import type { INestApplicationContext } from '@nestjs/common';
import { money, toDecimalString, type CurrencyCode } from '@keeper/money';
import { addDays, addMonths } from '../../common/dates';
import { Db } from '../../db/db';
import type { BusinessAccess, Principal } from '../../modules/access/principal';
import { BusinessesService } from '../../modules/businesses/businesses.service';
import { ContactsService } from '../../modules/catalog/contacts/contacts.service';
import { ProductsService } from '../../modules/catalog/products/products.service';
import { TaxRatesService } from '../../modules/catalog/taxes/tax-rates.service';
import { CreditNotesService } from '../../modules/credit-notes/credit-notes.service';
import { StockCountsService } from '../../modules/inventory/counts/stock-counts.service';
import { InventoryService } from '../../modules/inventory/inventory.service';
import { ReorderService } from '../../modules/inventory/reorder/reorder.service';
import { InvoicesService } from '../../modules/invoices/invoices.service';
import { JournalService } from '../../modules/ledger/journal.service';
import { LedgerService } from '../../modules/ledger/ledger.service';
import { PaymentsService } from '../../modules/payments/payments.service';
import { BillPaymentsService } from '../../modules/purchasing/bill-payments/bill-payments.service';
import { BillsService } from '../../modules/purchasing/bills/bills.service';
import { ExpensesService } from '../../modules/purchasing/expenses/expenses.service';
import { PurchaseOrdersService } from '../../modules/purchasing/purchase-orders/purchase-orders.service';
import { SalesFulfilmentService as FulfilmentService } from '../../modules/sales/orders/fulfilment.service';
import { SalesOrdersService } from '../../modules/sales/orders/sales-orders.service';
import { QuotesService } from '../../modules/sales/quotes/quotes.service';
import type { BusinessPlan, PlanEvent, SaleLine } from './scenario';

/**
 * Replays a business plan through the app's own services: every order, shipment, invoice,
 * payment, receipt, bill, expense, transfer and count is the same call a person's click makes, so
 * the ledger, stock, numbering and audit trail are exactly what the app would have produced. The
 * whole history of one business is one transaction: it is there completely or not at all.
 */

type Sale = Extract<PlanEvent, { kind: 'sale' }>;
type Purchase = Extract<PlanEvent, { kind: 'purchase' }>;

/** One dated step; several per plan event (an order is shipped and invoiced later, paid later still). */
interface Action {
  date: string;
  /** Same-day order: stock in before stock out, documents before their payments. */
  rank: number;
  seq: number;
  run: () => Promise<void>;
}

export interface DemoSummary {
  key: string;
  name: string;
  businessId: string;
  counts: Record<string, number>;
  ms: number;
}

const decimal = (minor: bigint, currency: CurrencyCode) => toDecimalString(money(minor, currency));

export class DemoBusinessBuilder {
  private readonly s: {
    db: Db;
    businesses: BusinessesService;
    taxes: TaxRatesService;
    contacts: ContactsService;
    products: ProductsService;
    inventory: InventoryService;
    reorder: ReorderService;
    ledger: LedgerService;
    journal: JournalService;
    quotes: QuotesService;
    orders: SalesOrdersService;
    fulfilment: FulfilmentService;
    invoices: InvoicesService;
    payments: PaymentsService;
    creditNotes: CreditNotesService;
    purchaseOrders: PurchaseOrdersService;
    bills: BillsService;
    billPayments: BillPaymentsService;
    expenses: ExpensesService;
    counts: StockCountsService;
  };

  constructor(app: INestApplicationContext) {
    const get = <T>(type: new (...args: never[]) => T) => app.get(type, { strict: false });
    this.s = {
      db: get(Db),
      businesses: get(BusinessesService),
      taxes: get(TaxRatesService),
      contacts: get(ContactsService),
      products: get(ProductsService),
      inventory: get(InventoryService),
      reorder: get(ReorderService),
      ledger: get(LedgerService),
      journal: get(JournalService),
      quotes: get(QuotesService),
      orders: get(SalesOrdersService),
      fulfilment: get(FulfilmentService),
      invoices: get(InvoicesService),
      payments: get(PaymentsService),
      creditNotes: get(CreditNotesService),
      purchaseOrders: get(PurchaseOrdersService),
      bills: get(BillsService),
      billPayments: get(BillPaymentsService),
      expenses: get(ExpensesService),
      counts: get(StockCountsService),
    };
  }

  /** Creates the business and its whole history in one transaction; returns what it made. */
  async build(owner: Principal, plan: BusinessPlan, today: string): Promise<DemoSummary> {
    const started = Date.now();
    const s = this.s;
    const counts: Record<string, number> = {};
    const count = (what: string) => (counts[what] = (counts[what] ?? 0) + 1);
    return s.db.account(owner.userId, async () => {
      const business = await s.businesses.create(owner, {
        name: plan.name,
        baseCurrency: plan.baseCurrency,
        country: plan.country,
        timezone: plan.timezone,
      });
      const a: BusinessAccess = { businessId: business.id, membershipId: '', role: 'owner', userId: owner.userId };
      const cur = plan.baseCurrency as CurrencyCode;
      const amount = (minor: bigint) => decimal(minor, cur);

      // Settings and the catalogue.
      await s.inventory.updateSettings(a, { valuationMethod: plan.valuationMethod });
      const taxRateId = plan.taxPercent !== '0' ? (await s.taxes.create(a, { name: `VAT ${plan.taxPercent}%`, rate: plan.taxPercent, isDefault: true })).id : null;
      const locations = (await s.inventory.listLocations(a, false)).items;
      const location = { MAIN: locations[0].id, SHOP: '' };
      if (plan.shop) location.SHOP = (await s.inventory.createLocation(a, { code: plan.shop.code, name: plan.shop.name, kind: 'shop' })).id;
      const contact = new Map<string, string>();
      for (const c of plan.customers) {
        contact.set(c.key, (await s.contacts.create(a, { kind: 'customer', name: c.name, email: c.email, currency: cur, paymentTermsDays: c.termsDays })).id);
      }
      for (const c of plan.suppliers) {
        contact.set(c.key, (await s.contacts.create(a, { kind: 'supplier', name: c.name, email: c.email, currency: cur, paymentTermsDays: c.termsDays })).id);
      }
      const product = new Map<string, { id: string; stocked: boolean }>();
      for (const p of plan.products) {
        const created = await s.products.create(a, {
          sku: p.sku,
          name: p.name,
          kind: p.kind,
          unit: p.unit,
          salesPrice: amount(p.priceMinor),
          purchaseCost: p.kind === 'product' ? amount(p.costMinor) : null,
          taxRateId,
          trackStock: p.kind === 'product',
        });
        product.set(p.sku, { id: created.id, stocked: p.kind === 'product' });
      }
      const lines = (xs: SaleLine[]) => xs.map((l) => ({ productId: product.get(l.sku)!.id, quantity: String(l.quantity) }));

      // Every plan event becomes dated actions, replayed in date order.
      const actions: Action[] = [];
      const at = (date: string, rank: number, run: () => Promise<void>) => actions.push({ date, rank, seq: actions.length, run });
      const invoiceOf = new Map<number, string>();
      const dues = new Map<string, { contactId: string; date: string; invoices: { ref: number; percent: number }[] }>();
      const billDues = new Map<string, { contactId: string; date: string; bills: { billId: string }[] }>();

      const account = (key: Parameters<LedgerService['accountIdByKey']>[1]) => s.db.tenant(a.businessId, (t) => s.ledger.accountIdByKey(t, key));
      const entry = async (date: string, description: string, lines: [string, 'debit' | 'credit', bigint][]) => {
        const posted = lines.filter(([, , v]) => v > 0n);
        if (posted.length < 2) return;
        await s.journal.postManual(a, { date, description, lines: posted.map(([accountId, side, v]) => ({ accountId, side, amount: amount(v) })) });
        count('journalEntries');
      };

      // The first day: what the owner paid in, and what the bank lent.
      const first = plan.events[0].date;
      at(first, -1, async () => {
        await entry(first, 'Owner’s capital paid in', [[await account('bank'), 'debit', plan.openingCapitalMinor], [await account('owner_equity'), 'credit', plan.openingCapitalMinor]]);
        await entry(first, 'Bank loan drawn', [[await account('bank'), 'debit', plan.openingLoanMinor], [await account('loans_payable'), 'credit', plan.openingLoanMinor]]);
      });

      // Sales tax is paid over every quarter (output tax less input tax), on the 15th after the quarter.
      if (plan.taxPercent !== '0') {
        for (let q = addDays(`${first.slice(0, 8)}01`, 0); q <= today; q = addMonths(q, 1)) {
          const month = Number(q.slice(5, 7));
          if (month % 3 !== 1 || q <= first) continue;
          const quarterEnd = addDays(q, -1);
          const payOn = addDays(q, 14);
          if (payOn > today) continue;
          at(payOn, 7, async () => {
            const balance = async (key: 'tax_payable' | 'tax_receivable') =>
              s.db.tenant(a.businessId, async (t) => {
                const [row] = await t.query<{ n: string }>(
                  `SELECT coalesce(sum(l.base_amount_minor), 0)::text AS n FROM journal_lines l
                     JOIN journal_entries e ON e.business_id = l.business_id AND e.id = l.entry_id
                     JOIN accounts x ON x.business_id = l.business_id AND x.id = l.account_id
                    WHERE l.business_id = $1 AND x.system_key = $2 AND e.entry_date <= $3`,
                  [t.businessId, key, quarterEnd],
                );
                return BigInt(row.n);
              });
            const output = -(await balance('tax_payable'));
            const input = await balance('tax_receivable');
            const net = output - input;
            await entry(payOn, `Sales tax for the quarter to ${quarterEnd}`, [
              [await account('tax_payable'), 'debit', output],
              [await account('tax_receivable'), 'credit', input],
              [await account('bank'), net >= 0n ? 'credit' : 'debit', net >= 0n ? net : -net],
            ]);
          });
        }
      }

      for (const e of plan.events) {
        if (e.kind === 'purchase') this.purchase(e, a, at, { contact, product, location: location.MAIN, amount, billDues, count });
        else if (e.kind === 'sale') this.sale(e, a, at, { today, contact, product, location, lines, invoiceOf, dues, count });
        else if (e.kind === 'lost_quote') {
          at(e.date, 1, async () => {
            const q = await s.quotes.create(a, { contactId: contact.get(e.customerKey)!, issueDate: e.date, validUntil: addDays(e.date, 14), lines: lines(e.lines) });
            // A quote is sent only while valid, so a lost quote from the past is recorded as declined.
            await s.quotes.decline(a, q.id, { reason: e.outcome === 'declined' ? 'Went with another supplier' : 'No answer before the quote ran out' });
            count('declinedQuotes');
          });
        } else if (e.kind === 'credit_note') {
          at(e.date, 5, async () => {
            const invoiceId = invoiceOf.get(e.saleRef);
            if (!invoiceId) return;
            const inv = await s.invoices.get(a, invoiceId);
            if (inv.status !== 'issued') return;
            const first = inv.lines[0];
            await s.creditNotes.create(a, {
              invoiceId,
              date: e.date,
              reason: e.reason,
              lines:
                e.percent === 100
                  ? undefined
                  : [
                      {
                        description: `${first.description} (${e.reason.toLowerCase()})`,
                        quantity: String(Math.max(1, Math.floor((Number(first.quantity) * e.percent) / 100))),
                        unitPrice: decimal(BigInt(first.unitPrice.amountMinor), cur),
                        discountPercent: first.discountPercent,
                        taxRateId: first.taxRateId,
                      },
                    ],
            });
            count('creditNotes');
          });
        } else if (e.kind === 'expense') {
          at(e.date, 4, async () => {
            await s.expenses.create(a, {
              date: e.date,
              accountId: await s.db.tenant(a.businessId, (t) => s.ledger.accountIdByKey(t, e.category)),
              payee: e.payee,
              description: e.description,
              amount: amount(e.amountMinor),
              paidFrom: 'bank',
            });
            count('expenses');
          });
        } else if (e.kind === 'transfer') {
          at(e.date, 1, async () => {
            await s.inventory.transfer(a, { fromLocationId: location.MAIN, toLocationId: location.SHOP, date: e.date, note: 'Monthly shop restock', lines: lines(e.lines) });
            count('transfers');
          });
        } else if (e.kind === 'stock_count') {
          at(e.date, 4, async () => {
            const productId = product.get(e.shrinkSku)!.id;
            const c = await s.counts.create(a, { locationId: location.MAIN, productIds: [productId], note: 'Half-year count' });
            const [line] = (await s.counts.lines(a, c.id, {})).items;
            const counted = Number(line.book) - e.shrinkUnits;
            await s.counts.updateLines(a, c.id, { lines: [{ lineId: line.id, countedQuantity: String(Math.max(0, counted)) }] });
            await s.counts.post(a, c.id, { date: e.date });
            count('stockCounts');
          });
        }
      }

      actions.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.rank - y.rank || x.seq - y.seq));
      for (const action of actions) await action.run();

      // Low-stock rules on the main warehouse, so the reorder page has something to say.
      for (const p of plan.products.filter((x) => x.kind === 'product' && x.reorderPoint > 0)) {
        await s.reorder.createRule(a, {
          productId: product.get(p.sku)!.id,
          locationId: location.MAIN,
          reorderPoint: String(p.reorderPoint),
          reorderQuantity: String(p.monthlyUnits),
          preferredSupplierId: p.supplierKey ? contact.get(p.supplierKey)! : null,
        });
      }
      return { key: plan.key, name: plan.name, businessId: business.id, counts, ms: Date.now() - started };
    });
  }

  private sale(
    e: Sale,
    a: BusinessAccess,
    at: (date: string, rank: number, run: () => Promise<void>) => void,
    ctx: {
      today: string;
      contact: Map<string, string>;
      product: Map<string, { id: string; stocked: boolean }>;
      location: { MAIN: string; SHOP: string };
      lines: (xs: SaleLine[]) => { productId: string; quantity: string }[];
      invoiceOf: Map<number, string>;
      dues: Map<string, { contactId: string; date: string; invoices: { ref: number; percent: number }[] }>;
      count: (what: string) => void;
    },
  ) {
    const s = this.s;
    const contactId = ctx.contact.get(e.customerKey)!;
    if (e.quotedOn && e.quotedOn >= addDays(ctx.today, -10)) {
      // A recent sale still at the quote stage: the quote is out, the customer has not answered yet.
      at(e.quotedOn, 1, async () => {
        const q = await s.quotes.create(a, { contactId, issueDate: e.quotedOn!, validUntil: addDays(e.quotedOn!, 30), lines: ctx.lines(e.lines) });
        await s.quotes.send(a, q.id, {});
        ctx.count('openQuotes');
      });
      return;
    }
    const state = { orderId: '', lines: [] as { id: string; stocked: boolean; quantity: string }[] };
    at(e.date, 2, async () => {
      const order = await s.orders.create(a, { contactId, orderDate: e.date, locationId: ctx.location[e.location], lines: ctx.lines(e.lines) });
      const confirmed = await s.orders.confirm(a, order.id);
      state.orderId = order.id;
      state.lines = confirmed.lines.map((l, i) => ({ id: l.id, stocked: ctx.product.get(e.lines[i].sku)!.stocked, quantity: l.quantity }));
      ctx.count('salesOrders');
    });
    at(e.shipOn, 3, async () => {
      const toShip = state.lines.filter((l) => l.stocked);
      if (toShip.length > 0) {
        await s.fulfilment.ship(a, state.orderId, { shipDate: e.shipOn, lines: toShip.map((l) => ({ orderLineId: l.id, quantity: l.quantity })) });
        ctx.count('shipments');
      }
      const invoice = await s.fulfilment.invoice(a, state.orderId, { issueDate: e.shipOn });
      ctx.invoiceOf.set(e.ref, invoice.id);
      ctx.count('invoices');
    });
    if (!e.paidOn && !e.partialPercent) return;
    const payDate = e.paidOn ?? ctx.today;
    const key = `${e.customerKey}|${payDate}`;
    let due = ctx.dues.get(key);
    if (!due) {
      const created = { contactId, date: payDate, invoices: [] as { ref: number; percent: number }[] };
      ctx.dues.set(key, created);
      at(payDate, 6, () => this.pay(a, created, ctx.invoiceOf, ctx.count));
      due = created;
    }
    due.invoices.push({ ref: e.ref, percent: e.partialPercent ?? 100 });
  }

  private purchase(
    e: Purchase,
    a: BusinessAccess,
    at: (date: string, rank: number, run: () => Promise<void>) => void,
    ctx: {
      contact: Map<string, string>;
      product: Map<string, { id: string; stocked: boolean }>;
      location: string;
      amount: (minor: bigint) => string;
      billDues: Map<string, { contactId: string; date: string; bills: { billId: string }[] }>;
      count: (what: string) => void;
    },
  ) {
    const s = this.s;
    const state = { orderId: '', lineIds: [] as string[], billId: '' };
    at(e.date, 0, async () => {
      const po = await s.purchaseOrders.create(a, {
        contactId: ctx.contact.get(e.supplierKey)!,
        orderDate: e.date,
        locationId: ctx.location,
        lines: e.lines.map((l) => ({ productId: ctx.product.get(l.sku)!.id, quantity: String(l.quantity), unitCost: ctx.amount(l.unitCostMinor) })),
      });
      await s.purchaseOrders.order(a, po.id, {});
      state.orderId = po.id;
      state.lineIds = po.lines.map((l) => l.id);
      ctx.count('purchaseOrders');
    });
    at(e.receiveOn, 0, async () => {
      await s.purchaseOrders.receive(a, state.orderId, {
        date: e.receiveOn,
        locationId: ctx.location,
        lines: e.lines.map((l, i) => ({ purchaseOrderLineId: state.lineIds[i], quantity: String(l.quantity) })),
      });
      ctx.count('receipts');
    });
    at(e.billOn, 1, async () => {
      const bill = await s.bills.create(a, {
        contactId: ctx.contact.get(e.supplierKey)!,
        billDate: e.billOn,
        supplierReference: `INV-${e.billOn.replace(/-/g, '')}-${state.orderId.slice(0, 4).toUpperCase()}`,
        lines: e.lines.map((l, i) => ({ purchaseOrderLineId: state.lineIds[i], quantity: String(l.quantity) })),
      });
      await s.bills.post(a, bill.id, {});
      state.billId = bill.id;
      ctx.count('bills');
    });
    if (e.payOn) {
      const key = `${e.supplierKey}|${e.payOn}`;
      const due = ctx.billDues.get(key) ?? { contactId: ctx.contact.get(e.supplierKey)!, date: e.payOn, bills: [] };
      if (!ctx.billDues.has(key)) {
        ctx.billDues.set(key, due);
        at(e.payOn, 6, async () => {
          const allocations = [];
          for (const { billId } of due.bills) {
            const bill = await s.bills.get(a, billId);
            if (bill.balance.amountMinor !== '0') allocations.push({ billId, amount: ctx.amount(BigInt(bill.balance.amountMinor)) });
          }
          if (allocations.length === 0) return;
          await s.billPayments.create(a, { contactId: due.contactId, method: 'bank_transfer', date: due.date, allocations });
          ctx.count('billPayments');
        });
      }
      due.bills.push(state);
    }
  }

  /** One payment from a customer for the invoices it settles that day (a share of each, for the one who stops paying). */
  private async pay(
    a: BusinessAccess,
    due: { contactId: string; date: string; invoices: { ref: number; percent: number }[] },
    invoiceOf: Map<number, string>,
    count: (what: string) => void,
  ) {
    const s = this.s;
    const allocations: { invoiceId: string; amount: string }[] = [];
    let total = 0n;
    let currency: CurrencyCode | null = null;
    for (const x of due.invoices) {
      const invoiceId = invoiceOf.get(x.ref);
      if (!invoiceId) continue;
      const inv = await s.invoices.get(a, invoiceId);
      const open = BigInt(inv.balance.amountMinor);
      const part = (open * BigInt(x.percent)) / 100n;
      if (part <= 0n) continue;
      currency = inv.currency as CurrencyCode;
      allocations.push({ invoiceId, amount: decimal(part, currency) });
      total += part;
    }
    if (!currency || total === 0n) return;
    await s.payments.create(a, { contactId: due.contactId, method: 'bank_transfer', date: due.date, amount: decimal(total, currency), allocations });
    count('payments');
  }
}
