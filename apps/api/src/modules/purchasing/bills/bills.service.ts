import { Injectable } from '@nestjs/common';
import { assertCurrency } from '@keeper/money';
import { csvFile, decimalAmount, EXPORT_LIMIT } from '../../../common/csv-export';
import { addDays } from '../../../common/dates';
import { trimZeros } from '../../../common/decimal';
import { DomainError, notFound, validationFailed, type FieldError } from '../../../common/errors';
import { exchangeRateFor } from '../../../common/money-input';
import { moneyDto } from '../../../common/money.dto';
import { pageOf } from '../../../common/pagination';
import { Db, type TenantTx } from '../../../db/db';
import type { BusinessAccess } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { qtyText, toQty } from '../../inventory/quantity';
import { InvoicesRepository } from '../../invoices/invoices.repository';
import { LedgerService } from '../../ledger/ledger.service';
import { grniClearance, netCost, payableLines, type PostableLine } from '../purchase-cost';
import { parsePrice, PurchaseLookups } from '../purchase-lookups';
import { PurchaseOrdersRepository, type OrderLineRow, type PurchaseOrderRow } from '../purchase-orders/purchase-orders.repository';
import { openQuantities, PurchaseOrdersService, totalsOf } from '../purchase-orders/purchase-orders.service';
import { BillsRepository, type BillHeader, type BillLineValues, type BillRow } from './bills.repository';
import type { BillDraftDto, BillDto, BillListQueryDto, BillPageDto, PostBillDto } from './dto/bill.dto';

export const billBalance = (b: Pick<BillRow, 'totalMinor' | 'paidMinor'>) => BigInt(b.totalMinor) - BigInt(b.paidMinor);

const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * Supplier bills (accounts payable). A bill is a draft until posted; posting numbers it, fixes its
 * exchange rate and posts Dr GRNI (what received goods were valued at) / Dr purchase price variance /
 * Dr FX (order vs bill rate) / Dr expenses / Dr input tax / Cr accounts payable, and moves the
 * billed quantities of the purchase order lines it bills, all in one transaction. Voiding reverses
 * that entry and gives the quantities back.
 */
@Injectable()
export class BillsService {
  constructor(
    private readonly db: Db,
    private readonly bills: BillsRepository,
    private readonly orders: PurchaseOrdersRepository,
    private readonly orderService: PurchaseOrdersService,
    private readonly lookups: PurchaseLookups,
    private readonly numbering: InvoicesRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  create(access: BusinessAccess, dto: BillDraftDto): Promise<BillDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const p = await this.prepare(t, dto, null);
      const id = await this.bills.insert(t, p.header, p.totals, access.userId);
      await this.bills.replaceLines(t, id, p.lines, p.totals);
      return this.present(t, id);
    });
  }

  /** A draft bill for what an order received (or, for lines that are not stocked, ordered) and is not billed or drafted yet. */
  createFromOrder(access: BusinessAccess, orderId: string): Promise<BillDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const order = await this.orders.get(t, orderId);
      if (!order) throw notFound('Purchase order');
      if (order.status === 'draft' || order.status === 'cancelled') {
        throw new DomainError('CONFLICT', `A ${order.status} purchase order cannot be billed`);
      }
      const lines = await this.orders.lines(t, orderId);
      const drafted = await this.bills.draftedQuantities(t, lines.map((l) => l.id), null);
      const billable = lines
        .map((l) => ({ line: l, quantity: openQuantities(l).toBill - toQty(drafted.get(l.id) ?? '0') }))
        .filter((x) => x.quantity > 0n);
      if (billable.length === 0) {
        throw new DomainError(
          'CONFLICT',
          drafted.size > 0
            ? 'Everything waiting to be billed on this order is already on a draft bill'
            : 'Nothing on this order is waiting to be billed; receive the goods first',
        );
      }
      const p = await this.prepare(
        t,
        {
          contactId: order.contactId,
          currency: order.currency,
          lines: billable.map((x) => ({ purchaseOrderLineId: x.line.id, quantity: qtyText(x.quantity) })),
        },
        null,
      );
      const id = await this.bills.insert(t, p.header, p.totals, access.userId);
      await this.bills.replaceLines(t, id, p.lines, p.totals);
      return this.present(t, id);
    });
  }

  update(access: BusinessAccess, id: string, dto: BillDraftDto): Promise<BillDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const current = await this.bills.get(t, id, { lock: true });
      if (!current) throw notFound('Bill');
      if (current.status !== 'draft') throw new DomainError('CONFLICT', 'Only a draft bill can be changed; void it and enter it again');
      const p = await this.prepare(t, dto, id);
      await this.bills.updateDraft(t, id, p.header, p.totals);
      await this.bills.replaceLines(t, id, p.lines, p.totals);
      return this.present(t, id);
    });
  }

  remove(access: BusinessAccess, id: string): Promise<void> {
    return this.db.tenant(access.businessId, async (t) => {
      const current = await this.bills.get(t, id, { lock: true });
      if (!current) throw notFound('Bill');
      if (current.status !== 'draft') throw new DomainError('CONFLICT', 'A posted bill cannot be deleted; void it instead');
      await this.bills.deleteDraft(t, id);
    });
  }

  /** Posts a draft bill to the books (see the class comment). */
  post(access: BusinessAccess, id: string, dto: PostBillDto): Promise<BillDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const bill = await this.bills.get(t, id, { lock: true });
      if (!bill) throw notFound('Bill');
      if (bill.status !== 'draft') throw new DomainError('CONFLICT', `Bill ${bill.number} is already posted`);
      if (BigInt(bill.totalMinor) === 0n) throw new DomainError('CONFLICT', 'A bill for nothing cannot be posted; add a priced line');
      const fields: FieldError[] = [];
      const base = await this.ledger.baseCurrency(t);
      const currency = assertCurrency(bill.currency);
      const rate = exchangeRateFor(currency, base, dto.exchangeRate, fields, 'bills');
      await this.lookups.supplier(t, bill.contactId, fields);
      if (fields.length) throw validationFailed(fields);

      const lines = await this.bills.lines(t, id);
      const { orders, orderLines } = await this.lockOrderLines(t, lines.flatMap((l) => (l.purchaseOrderLineId ? [l.purchaseOrderLineId] : [])));
      const postable: PostableLine[] = [];
      const moves: { lineId: string; orderLineId: string; quantity: bigint; grni: bigint }[] = [];
      lines.forEach((l, i) => {
        if (!l.purchaseOrderLineId) {
          postable.push({ netMinor: BigInt(l.netMinor), description: l.description, account: { id: l.accountId! } });
          return;
        }
        const ol = orderLines.get(l.purchaseOrderLineId)!;
        const order = orders.get(ol.purchaseOrderId)!;
        const problem = orderLineProblem(order, bill);
        if (problem) {
          fields.push({ field: `lines.${i}.purchaseOrderLineId`, ...problem });
          return;
        }
        const quantity = toQty(l.quantity);
        const open = openQuantities(ol).toBill;
        if (quantity > open) {
          fields.push({ field: `lines.${i}.quantity`, code: 'exceeds_open', message: notBillableMessage(ol, open) });
          return;
        }
        if (!ol.stocked) {
          postable.push({ netMinor: BigInt(l.netMinor), description: l.description, account: { id: l.accountId! } });
          moves.push({ lineId: l.id, orderLineId: ol.id, quantity, grni: 0n });
          return;
        }
        const cost = { unitCostMinor: BigInt(ol.unitCostMinor), currency, rate: trimZeros(order.exchangeRate!) };
        const cleared = grniClearance({ billedQuantity: toQty(ol.billedQuantity), billedGrniMinor: BigInt(ol.billedGrniMinor) }, quantity, cost, base);
        // Two lines of this bill on the same order line: the second continues from the first.
        ol.billedQuantity = qtyText(toQty(ol.billedQuantity) + quantity);
        ol.billedGrniMinor = (BigInt(ol.billedGrniMinor) + cleared).toString();
        postable.push({
          netMinor: BigInt(l.netMinor),
          description: l.description,
          grni: { clearedMinor: cleared, netAtOrderCostMinor: netCost(quantity, cost.unitCostMinor) },
        });
        moves.push({ lineId: l.id, orderLineId: ol.id, quantity, grni: cleared });
      });
      if (fields.length) throw validationFailed(fields);

      const number = await this.numbering.takeNumber(t, bill.seriesId);
      const journalEntryId = await this.ledger.post(t, {
        date: bill.billDate,
        description: `Bill ${number} from ${bill.contactName}${bill.supplierReference ? ` (${bill.supplierReference})` : ''}`.slice(0, 500),
        sourceType: 'bill',
        sourceId: id,
        eventKey: `bill:${id}:post`,
        postedBy: access.userId,
        lines: payableLines({
          currency,
          rate,
          base,
          totalMinor: BigInt(bill.totalMinor),
          taxMinor: BigInt(bill.taxMinor),
          lines: postable,
          credit: { account: { key: 'accounts_payable' }, contactId: bill.contactId },
        }),
      });
      for (const m of moves) {
        if (orderLines.get(m.orderLineId)!.stocked) await this.bills.setGrni(t, m.lineId, m.grni);
        await this.orders.addBilled(t, m.orderLineId, qtyText(m.quantity), m.grni);
      }
      await this.bills.markPosted(t, id, { number, exchangeRate: rate, journalEntryId });
      for (const orderId of orders.keys()) await this.orderService.refreshStatus(t, orderId);
      await this.audit.record(t, {
        action: 'bill.posted',
        actorUserId: access.userId,
        targetType: 'bill',
        targetId: id,
        details: { number, supplierReference: bill.supplierReference, total: bill.totalMinor, currency: bill.currency, exchangeRate: rate },
      });
      return this.present(t, id);
    });
  }

  /** Voids a posted, unpaid bill: reverses its entry and gives the billed quantities back to the order. */
  void(access: BusinessAccess, id: string, reason: string): Promise<BillDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const bill = await this.bills.get(t, id, { lock: true });
      if (!bill) throw notFound('Bill');
      if (bill.status === 'void') return this.present(t, id);
      if (bill.status === 'draft') throw new DomainError('CONFLICT', 'A draft is deleted, not voided');
      if (BigInt(bill.paidMinor) > 0n) throw new DomainError('CONFLICT', 'This bill has payments; void those payments first');
      const lines = await this.bills.lines(t, id);
      const { orders } = await this.lockOrderLines(t, lines.flatMap((l) => (l.purchaseOrderLineId ? [l.purchaseOrderLineId] : [])));
      const date = maxDate(await this.ledger.today(t), bill.billDate);
      await this.ledger.reverse(t, bill.journalEntryId!, {
        date,
        eventKey: `bill:${id}:void`,
        description: `Void of bill ${bill.number}: ${reason}`.slice(0, 500),
        sourceType: 'void',
        postedBy: access.userId,
      });
      for (const l of lines) {
        if (l.purchaseOrderLineId) {
          await this.orders.addBilled(t, l.purchaseOrderLineId, qtyText(-toQty(l.quantity)), -BigInt(l.grniMinor ?? '0'));
        }
      }
      await this.bills.markVoid(t, id, { date, reason });
      for (const orderId of orders.keys()) await this.orderService.refreshStatus(t, orderId);
      await this.audit.record(t, {
        action: 'bill.voided',
        actorUserId: access.userId,
        targetType: 'bill',
        targetId: id,
        details: { number: bill.number, reason },
      });
      return this.present(t, id);
    });
  }

  get(access: BusinessAccess, id: string): Promise<BillDto> {
    return this.db.tenant(access.businessId, (t) => this.present(t, id));
  }

  list(access: BusinessAccess, q: BillListQueryDto): Promise<BillPageDto> {
    const limit = q.limit ?? 25;
    return this.db.tenant(access.businessId, async (t) => {
      const page = pageOf(await this.bills.list(t, { ...q, limit }), limit);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((b) => ({
          id: b.id,
          number: b.number,
          status: b.status,
          overdue: b.overdue,
          contact: { id: b.contactId, name: b.contactName },
          supplierReference: b.supplierReference,
          billDate: b.billDate,
          dueDate: b.dueDate,
          total: moneyDto(b.totalMinor, b.currency),
          balance: moneyDto(b.status === 'void' || b.status === 'draft' ? 0n : billBalance(b), b.currency),
          createdAt: b.createdAt,
        })),
      };
    });
  }

  exportCsv(access: BusinessAccess, q: BillListQueryDto): Promise<{ fileName: string; body: string }> {
    return this.db.tenant(access.businessId, async (t) => {
      const rows = await this.bills.list(t, { ...q, cursor: undefined, limit: EXPORT_LIMIT });
      return csvFile(
        'bills',
        await this.ledger.today(t),
        ['number', 'status', 'overdue', 'supplier', 'supplier_reference', 'bill_date', 'due_date', 'currency', 'exchange_rate', 'subtotal', 'tax', 'total', 'paid', 'balance'],
        rows.map((b) => [
          b.number ?? '',
          b.status,
          b.overdue ? 'yes' : 'no',
          b.contactName,
          b.supplierReference,
          b.billDate,
          b.dueDate,
          b.currency,
          b.exchangeRate === null ? '' : trimZeros(b.exchangeRate),
          ...[b.subtotalMinor, b.taxMinor, b.totalMinor, b.paidMinor, b.status === 'void' || b.status === 'draft' ? 0n : billBalance(b)].map(
            (m) => decimalAmount(m, b.currency),
          ),
        ]),
      );
    });
  }

  /** Locks the purchase orders (in id order), then the order lines, that a bill's lines refer to. */
  private async lockOrderLines(t: TenantTx, orderLineIds: string[]) {
    const orders = new Map<string, PurchaseOrderRow>();
    const orderLines = new Map<string, OrderLineRow>();
    if (orderLineIds.length === 0) return { orders, orderLines };
    const unlocked = await this.orders.linesByIds(t, orderLineIds);
    for (const orderId of [...new Set(unlocked.map((l) => l.purchaseOrderId))].sort()) {
      orders.set(orderId, (await this.orders.get(t, orderId, { lock: true }))!);
    }
    for (const l of await this.orders.linesByIds(t, orderLineIds, { lock: true })) orderLines.set(l.id, l);
    return { orders, orderLines };
  }

  private async present(t: TenantTx, id: string): Promise<BillDto> {
    const b = await this.bills.get(t, id);
    if (!b) throw notFound('Bill');
    const lines = await this.bills.lines(t, id);
    const payments = await this.bills.payments(t, id);
    const base = await this.ledger.baseCurrency(t);
    const m = (minor: string | bigint) => moneyDto(minor, b.currency);
    const totals = totalsOf(
      assertCurrency(b.currency),
      b.taxRounding,
      lines.map((l) => ({ quantity: l.quantity, priceMinor: BigInt(l.unitPriceMinor), taxRatePercent: l.taxRatePercent })),
    );
    return {
      id: b.id,
      number: b.number,
      status: b.status,
      overdue: b.overdue,
      contact: { id: b.contactId, name: b.contactName },
      supplierReference: b.supplierReference,
      currency: b.currency,
      exchangeRate: b.exchangeRate === null ? null : trimZeros(b.exchangeRate),
      billDate: b.billDate,
      dueDate: b.dueDate,
      notes: b.notes,
      lines: lines.map((l) => ({
        id: l.id,
        lineNo: l.lineNo,
        purchaseOrderLineId: l.purchaseOrderLineId,
        purchaseOrder: l.purchaseOrderId ? { id: l.purchaseOrderId, number: l.purchaseOrderNumber } : null,
        productId: l.productId,
        sku: l.sku,
        account: l.accountId ? { id: l.accountId, code: l.accountCode!, name: l.accountName! } : null,
        description: l.description,
        quantity: trimZeros(l.quantity),
        unitPrice: m(l.unitPriceMinor),
        taxRateId: l.taxRateId,
        taxRatePercent: trimZeros(l.taxRatePercent),
        net: m(l.netMinor),
        tax: m(l.taxMinor),
        total: m(l.totalMinor),
        grniCleared: l.grniMinor === null ? null : moneyDto(l.grniMinor, base),
      })),
      taxes: totals.taxes.map((g) => ({ ratePercent: g.ratePercent, net: m(g.netMinor), tax: m(g.taxMinor) })),
      subtotal: m(b.subtotalMinor),
      tax: m(b.taxMinor),
      total: m(b.totalMinor),
      paid: m(b.paidMinor),
      balance: m(b.status === 'void' || b.status === 'draft' ? 0n : billBalance(b)),
      payments: payments.map((p) => ({
        paymentId: p.paymentId,
        date: p.date,
        method: p.method,
        reference: p.reference,
        amount: m(p.amountMinor),
        voided: p.voided,
      })),
      journalEntryId: b.journalEntryId,
      voidReason: b.voidReason,
      postedAt: b.postedAt,
      createdAt: b.createdAt,
    };
  }

  /** Resolves defaults (supplier terms and currency, order line terms, product cost and tax) and computes totals. */
  private async prepare(t: TenantTx, dto: BillDraftDto, billId: string | null) {
    const fields: FieldError[] = [];
    const [business] = await t.query<{ baseCurrency: string; taxRounding: 'line' | 'document'; today: string }>(
      `SELECT base_currency AS "baseCurrency", tax_rounding AS "taxRounding", (now() AT TIME ZONE timezone)::date::text AS today
         FROM businesses WHERE id = $1`,
      [t.businessId],
    );
    const supplier = await this.lookups.supplier(t, dto.contactId, fields);
    const currency = assertCurrency(dto.currency ?? supplier?.currency ?? business.baseCurrency);
    const billDate = dto.billDate ?? business.today;
    const dueDate = dto.dueDate ?? addDays(billDate, supplier?.paymentTermsDays ?? 0);
    if (dueDate < billDate) fields.push({ field: 'dueDate', code: 'before_bill_date', message: 'must not be before the bill date' });
    const supplierReference = dto.supplierReference ?? '';
    if (supplier && supplierReference) {
      const taken = await this.bills.referenceTaken(t, supplier.id, supplierReference, billId);
      if (taken) {
        fields.push({ field: 'supplierReference', code: 'duplicate', message: `is already entered for this supplier (${taken}); a bill is entered once` });
      }
    }

    const orderLineIds = dto.lines.flatMap((l) => (l.purchaseOrderLineId ? [l.purchaseOrderLineId] : []));
    const orderLines = new Map((await this.orders.linesByIds(t, orderLineIds)).map((l) => [l.id, l]));
    const orders = new Map<string, PurchaseOrderRow | null>();
    const seen = new Set<string>();
    const lines: BillLineValues[] = [];
    for (const [i, l] of dto.lines.entries()) {
      const at = (f: string) => `lines.${i}.${f}`;
      const ol = l.purchaseOrderLineId ? orderLines.get(l.purchaseOrderLineId) : undefined;
      if (l.purchaseOrderLineId && !ol) {
        fields.push({ field: at('purchaseOrderLineId'), code: 'not_found', message: 'is not a purchase order line of this business' });
        continue;
      }
      let product = null;
      let accountId: string | null = null;
      if (ol) {
        if (!orders.has(ol.purchaseOrderId)) orders.set(ol.purchaseOrderId, await this.orders.get(t, ol.purchaseOrderId));
        const problem = orderLineProblem(orders.get(ol.purchaseOrderId)!, { contactId: dto.contactId, currency });
        if (problem) fields.push({ field: at('purchaseOrderLineId'), ...problem });
        if (seen.has(ol.id)) fields.push({ field: at('purchaseOrderLineId'), code: 'duplicate', message: 'appears twice; bill each order line once' });
        seen.add(ol.id);
        if (l.productId && l.productId !== ol.productId) {
          fields.push({ field: at('productId'), code: 'not_applicable', message: "must be omitted: it comes from the order line" });
        }
        const open = openQuantities(ol).toBill;
        if (toQty(l.quantity) > open) fields.push({ field: at('quantity'), code: 'exceeds_open', message: notBillableMessage(ol, open) });
        if (ol.stocked && l.accountId) {
          fields.push({ field: at('accountId'), code: 'not_applicable', message: 'must be omitted: received stock is billed against goods received' });
        } else if (!ol.stocked) {
          accountId = (await this.lookups.spendAccount(t, l.accountId ?? ol.accountId!, at('accountId'), fields, { allowAssets: true }))?.id ?? null;
        }
      } else {
        product = l.productId ? await this.lookups.product(t, l.productId, at('productId'), fields) : null;
        if (product?.trackStock) {
          fields.push({
            field: at('productId'),
            code: 'stocked_product',
            message: `${product.name} is stocked: order it on a purchase order, receive it, then bill the order`,
          });
        }
        accountId = (await this.lookups.spendAccount(t, l.accountId, at('accountId'), fields, { allowAssets: true }))?.id ?? null;
      }

      let unitPriceMinor: bigint | null = null;
      if (l.unitPrice !== undefined) unitPriceMinor = parsePrice(l.unitPrice, currency, at('unitPrice'), fields);
      else if (ol) unitPriceMinor = BigInt(ol.unitCostMinor);
      else if (product && product.purchaseCostMinor !== null && product.currency === currency) unitPriceMinor = BigInt(product.purchaseCostMinor);
      else fields.push({ field: at('unitPrice'), code: 'required', message: 'is required' });
      const taxRateId = l.taxRateId === undefined ? (ol ? ol.taxRateId : (product?.taxRateId ?? null)) : l.taxRateId;
      const taxRatePercent = await this.lookups.taxPercent(t, taxRateId, at('taxRateId'), fields);
      const description = l.description ?? ol?.description ?? product?.name;
      if (!description) fields.push({ field: at('description'), code: 'required', message: 'is required' });
      lines.push({
        purchaseOrderLineId: ol?.id ?? null,
        productId: ol ? ol.productId : (product?.id ?? null),
        accountId,
        description: description ?? '',
        quantity: l.quantity,
        unitPriceMinor: unitPriceMinor ?? 0n,
        taxRateId,
        taxRatePercent,
      });
    }
    if (fields.length) throw validationFailed(fields);
    const totals = totalsOf(currency, business.taxRounding, lines.map((l) => ({ quantity: l.quantity, priceMinor: l.unitPriceMinor, taxRatePercent: l.taxRatePercent })));
    const header: BillHeader = {
      seriesId: await this.orders.defaultSeries(t, 'bill'),
      contactId: dto.contactId,
      supplierReference,
      currency,
      billDate,
      dueDate,
      taxRounding: business.taxRounding,
      notes: dto.notes ?? '',
    };
    return { header, lines, totals };
  }
}

/** Why an order's line cannot go on a bill of this supplier and currency, or null. */
function orderLineProblem(
  order: Pick<PurchaseOrderRow, 'status' | 'contactId' | 'currency' | 'number'>,
  bill: { contactId: string; currency: string },
): { code: string; message: string } | null {
  if (order.status === 'draft' || order.status === 'cancelled') {
    return { code: `order_${order.status}`, message: `is on a ${order.status} purchase order` };
  }
  if (order.contactId !== bill.contactId) return { code: 'other_supplier', message: `is on ${order.number}, an order from another supplier` };
  if (order.currency !== bill.currency) {
    return { code: 'currency_mismatch', message: `is on ${order.number}, in ${order.currency}; bill it in ${order.currency}` };
  }
  return null;
}

function notBillableMessage(l: OrderLineRow, open: bigint): string {
  if (open <= 0n) return l.stocked ? 'nothing received on this line is waiting to be billed' : 'this line is fully billed';
  return `is more than the ${qtyText(open)} ${l.stocked ? 'received and not billed yet' : 'ordered and not billed yet'}`;
}
