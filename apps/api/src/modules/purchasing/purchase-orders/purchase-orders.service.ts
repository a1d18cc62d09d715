import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { computeTotals, type DocumentTotals } from '@keeper/invoicing';
import { assertCurrency, MoneyError, type CurrencyCode } from '@keeper/money';
import { csvFile, decimalAmount, EXPORT_LIMIT } from '../../../common/csv-export';
import { trimZeros } from '../../../common/decimal';
import { DomainError, notFound, validationFailed, type FieldError } from '../../../common/errors';
import { exchangeRateFor } from '../../../common/money-input';
import { moneyDto } from '../../../common/money.dto';
import { pageOf } from '../../../common/pagination';
import { Db, type TenantTx } from '../../../db/db';
import type { BusinessAccess } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { LocationsRepository } from '../../inventory/locations.repository';
import { qtyText, toQty } from '../../inventory/quantity';
import { StockService } from '../../inventory/stock.service';
import { InvoicesRepository } from '../../invoices/invoices.repository';
import { LedgerService } from '../../ledger/ledger.service';
import { OutboxService } from '../../outbox/outbox.service';
import { parsePrice, PurchaseLookups } from '../purchase-lookups';
import { receiptValue } from '../purchase-cost';
import type {
  OrderPurchaseOrderDto,
  PurchaseOrderDraftDto,
  PurchaseOrderDto,
  PurchaseOrderListQueryDto,
  PurchaseOrderPageDto,
  ReceivePurchaseOrderDto,
  SendPurchaseOrderDto,
} from './dto/purchase-order.dto';
import {
  PurchaseOrdersRepository,
  type OrderLineRow,
  type OrderLineValues,
  type PurchaseOrderHeader,
  type PurchaseOrderRow,
  type PurchaseOrderStatus,
} from './purchase-orders.repository';

/** What a purchase order draft is made of; the HTTP body, and what reorder suggestions pass in. */
export type PurchaseOrderDraftInput = PurchaseOrderDraftDto;

const notDraft = () => new DomainError('CONFLICT', 'Only a draft purchase order can be changed');

/** Quantities still to receive and to bill on a line (ten-thousandths). */
export function openQuantities(l: Pick<OrderLineRow, 'stocked' | 'quantity' | 'receivedQuantity' | 'billedQuantity'>) {
  const quantity = toQty(l.quantity);
  const received = toQty(l.receivedQuantity);
  const billed = toQty(l.billedQuantity);
  return {
    toReceive: l.stocked ? quantity - received : 0n,
    toBill: (l.stocked ? received : quantity) - billed,
  };
}

/**
 * The status an order's lines put it in. Cancelled orders and orders closed by hand stay as they
 * are; otherwise an order is closed once everything on it is billed (which, for stocked lines,
 * means received first), received once every stocked line has fully arrived.
 */
export function derivedStatus(
  order: Pick<PurchaseOrderRow, 'status' | 'closedAt'>,
  lines: Pick<OrderLineRow, 'stocked' | 'quantity' | 'receivedQuantity' | 'billedQuantity'>[],
): PurchaseOrderStatus {
  if (order.status === 'draft' || order.status === 'cancelled' || order.closedAt) return order.status;
  if (lines.every((l) => toQty(l.billedQuantity) === toQty(l.quantity))) return 'closed';
  const stocked = lines.filter((l) => l.stocked);
  if (stocked.length === 0) return 'ordered';
  if (stocked.every((l) => openQuantities(l).toReceive === 0n)) return 'received';
  return stocked.some((l) => toQty(l.receivedQuantity) > 0n) ? 'partially_received' : 'ordered';
}

/**
 * Purchase orders: drafts, ordering (which numbers the order and fixes its exchange rate), emailing
 * it to the supplier, and receipts of goods into stock at the order's cost (Dr inventory / Cr goods
 * received not invoiced), each in one transaction with its stock movements and journal entry.
 */
@Injectable()
export class PurchaseOrdersService {
  constructor(
    private readonly db: Db,
    private readonly orders: PurchaseOrdersRepository,
    private readonly lookups: PurchaseLookups,
    private readonly locations: LocationsRepository,
    private readonly numbering: InvoicesRepository,
    private readonly stock: StockService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Creates a draft inside the caller's transaction and returns its id. For other modules (e.g.
   * reorder suggestions); throws VALIDATION_FAILED with field errors like `lines.0.unitCost`.
   */
  async createDraft(t: TenantTx, input: PurchaseOrderDraftInput, opts: { userId: string | null }): Promise<string> {
    const p = await this.prepare(t, input);
    const id = await this.orders.insert(t, p.header, p.totals, opts.userId);
    await this.orders.replaceLines(t, id, p.lines, p.totals);
    return id;
  }

  create(access: BusinessAccess, dto: PurchaseOrderDraftDto): Promise<PurchaseOrderDto> {
    return this.db.tenant(access.businessId, async (t) => this.present(t, await this.createDraft(t, dto, { userId: access.userId })));
  }

  update(access: BusinessAccess, id: string, dto: PurchaseOrderDraftDto): Promise<PurchaseOrderDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const current = await this.orders.get(t, id, { lock: true });
      if (!current) throw notFound('Purchase order');
      if (current.status !== 'draft') throw notDraft();
      const p = await this.prepare(t, dto);
      await this.orders.updateDraft(t, id, p.header, p.totals);
      await this.orders.replaceLines(t, id, p.lines, p.totals);
      return this.present(t, id);
    });
  }

  remove(access: BusinessAccess, id: string): Promise<void> {
    return this.db.tenant(access.businessId, async (t) => {
      const current = await this.orders.get(t, id, { lock: true });
      if (!current) throw notFound('Purchase order');
      if (current.status !== 'draft') throw new DomainError('CONFLICT', 'An ordered purchase order cannot be deleted; cancel or close it');
      await this.orders.deleteDraft(t, id);
    });
  }

  /** Places a draft with the supplier: numbers it and fixes the rate receipts will be valued at. */
  order(access: BusinessAccess, id: string, dto: OrderPurchaseOrderDto): Promise<PurchaseOrderDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const order = await this.orders.get(t, id, { lock: true });
      if (!order) throw notFound('Purchase order');
      if (order.status !== 'draft') throw new DomainError('CONFLICT', `Purchase order ${order.number} is already ordered`);
      await this.placeOrder(t, access, order, dto.exchangeRate);
      return this.present(t, id);
    });
  }

  /** Emails the order to the supplier (ordering a draft first); the worker sends it once this commits. */
  send(access: BusinessAccess, id: string, dto: SendPurchaseOrderDto): Promise<PurchaseOrderDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const order = await this.orders.get(t, id, { lock: true });
      if (!order) throw notFound('Purchase order');
      if (order.status === 'cancelled') throw new DomainError('CONFLICT', 'A cancelled purchase order cannot be sent');
      const to = dto.to ?? order.contactEmail;
      if (!to) {
        throw validationFailed([{ field: 'to', code: 'required', message: 'is required: the supplier has no email address' }]);
      }
      if (order.status === 'draft') await this.placeOrder(t, access, order, dto.exchangeRate);
      const sendId = await this.orders.insertSend(t, { orderId: id, toEmail: to, message: dto.message ?? '', requestedBy: access.userId });
      await this.outbox.add(t, 'purchase-order.send-email', { businessId: t.businessId, purchaseOrderId: id, sendId });
      return this.present(t, id);
    });
  }

  /**
   * Records goods that arrived: per line, at most what is still to receive. Each line is valued at
   * the order's cost and rate (cumulatively, see purchase-cost.ts) and received into stock through
   * the inventory engine, which posts Dr inventory / Cr goods received not invoiced.
   */
  receive(access: BusinessAccess, id: string, dto: ReceivePurchaseOrderDto): Promise<PurchaseOrderDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const order = await this.orders.get(t, id, { lock: true });
      if (!order) throw notFound('Purchase order');
      if (order.status === 'draft') throw new DomainError('CONFLICT', 'Order this purchase order before receiving goods against it');
      if (order.status === 'cancelled' || order.closedAt) {
        throw new DomainError('CONFLICT', `Purchase order ${order.number} is ${order.status}; nothing more is expected on it`);
      }
      const fields: FieldError[] = [];
      const date = dto.date ?? (await this.ledger.today(t));
      if (date < order.orderDate) fields.push({ field: 'date', code: 'too_early', message: `must not be before the order date (${order.orderDate})` });
      const locationId = dto.locationId ?? order.locationId;
      const lines = new Map((await this.orders.linesByIds(t, dto.lines.map((l) => l.purchaseOrderLineId), { lock: true })).map((l) => [l.id, l]));
      const seen = new Set<string>();
      const wanted: { line: OrderLineRow; quantity: bigint }[] = [];
      dto.lines.forEach((input, i) => {
        const at = (f: string) => `lines.${i}.${f}`;
        const line = lines.get(input.purchaseOrderLineId);
        if (!line || line.purchaseOrderId !== id) {
          fields.push({ field: at('purchaseOrderLineId'), code: 'not_found', message: 'is not a line of this order' });
          return;
        }
        if (seen.has(line.id)) fields.push({ field: at('purchaseOrderLineId'), code: 'duplicate', message: 'appears twice; give each line one quantity' });
        seen.add(line.id);
        if (!line.stocked) {
          fields.push({ field: at('purchaseOrderLineId'), code: 'not_stocked', message: `${line.description} is not stocked; bill it instead of receiving it` });
          return;
        }
        const quantity = toQty(input.quantity);
        const open = openQuantities(line).toReceive;
        if (quantity === 0n) fields.push({ field: at('quantity'), code: 'too_small', message: 'must be more than 0' });
        else if (quantity > open) {
          fields.push({
            field: at('quantity'),
            code: 'exceeds_open',
            message: open === 0n ? 'nothing is left to receive on this line' : `is more than the ${qtyText(open)} still to receive`,
          });
        } else wanted.push({ line, quantity });
      });
      if (fields.length) throw validationFailed(fields);

      const base = await this.ledger.baseCurrency(t);
      const currency = assertCurrency(order.currency);
      const rate = trimZeros(order.exchangeRate!);
      const valued = wanted.map(({ line, quantity }) => ({
        line,
        quantity,
        valueMinor: receiptValue(
          { receivedQuantity: toQty(line.receivedQuantity), receivedValueMinor: BigInt(line.receivedValueMinor) },
          quantity,
          { unitCostMinor: BigInt(line.unitCostMinor), currency, rate },
          base,
        ),
      }));
      const receiptId = randomUUID();
      const result = await this.stock.receive(t, {
        eventKey: `po-receipt:${receiptId}`,
        date,
        description: `Receipt on ${order.number} from ${order.contactName}${dto.reference ? ` (${dto.reference})` : ''}`.slice(0, 500),
        sourceType: 'purchase_receipt',
        sourceId: receiptId,
        userId: access.userId,
        locationId,
        counterAccount: 'goods_received_not_invoiced',
        lines: valued.map((v) => ({ productId: v.line.productId!, quantity: v.quantity, valueMinor: v.valueMinor, sourceLineId: v.line.id })),
      });
      await this.orders.insertReceipt(t, {
        id: receiptId,
        orderId: id,
        date,
        locationId,
        reference: dto.reference ?? '',
        notes: dto.notes ?? '',
        stockOperationId: result.operationId,
        journalEntryId: result.journalEntryId,
        createdBy: access.userId,
        lines: valued.map((v) => ({ purchaseOrderLineId: v.line.id, quantity: qtyText(v.quantity), valueMinor: v.valueMinor })),
      });
      for (const v of valued) await this.orders.addReceived(t, v.line.id, qtyText(v.quantity), v.valueMinor);
      await this.refreshStatus(t, id);
      await this.audit.record(t, {
        action: 'purchase_order.received',
        actorUserId: access.userId,
        targetType: 'purchase_order',
        targetId: id,
        details: {
          number: order.number,
          receiptId,
          lines: valued.map((v) => ({ lineId: v.line.id, quantity: qtyText(v.quantity), value: v.valueMinor.toString() })),
        },
      });
      return this.present(t, id);
    });
  }

  /** Closes an order before everything arrived: the rest is no longer expected. What arrived can still be billed. */
  close(access: BusinessAccess, id: string, reason: string): Promise<PurchaseOrderDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const order = await this.orders.get(t, id, { lock: true });
      if (!order) throw notFound('Purchase order');
      if (order.status === 'draft') throw new DomainError('CONFLICT', 'A draft is deleted, not closed');
      if (order.status === 'cancelled' || order.closedAt) throw new DomainError('CONFLICT', `Purchase order ${order.number} is already ${order.status}`);
      await this.orders.markClosed(t, id, reason);
      await this.audit.record(t, {
        action: 'purchase_order.closed',
        actorUserId: access.userId,
        targetType: 'purchase_order',
        targetId: id,
        details: { number: order.number, reason },
      });
      return this.present(t, id);
    });
  }

  /** Cancels an ordered purchase order on which nothing has been received or billed. */
  cancel(access: BusinessAccess, id: string, reason: string): Promise<PurchaseOrderDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const order = await this.orders.get(t, id, { lock: true });
      if (!order) throw notFound('Purchase order');
      if (order.status === 'draft') throw new DomainError('CONFLICT', 'A draft is deleted, not cancelled');
      if (order.status === 'cancelled') return this.present(t, id);
      const lines = await this.orders.lines(t, id);
      if (order.closedAt || lines.some((l) => toQty(l.receivedQuantity) > 0n || toQty(l.billedQuantity) > 0n)) {
        throw new DomainError('CONFLICT', 'Goods were received or billed on this order; close it instead of cancelling it');
      }
      await this.orders.markCancelled(t, id, reason);
      await this.audit.record(t, {
        action: 'purchase_order.cancelled',
        actorUserId: access.userId,
        targetType: 'purchase_order',
        targetId: id,
        details: { number: order.number, reason },
      });
      return this.present(t, id);
    });
  }

  /** Brings the order's status in line with its lines (after receipts, bills and bill voids). */
  async refreshStatus(t: TenantTx, id: string): Promise<void> {
    const order = await this.orders.get(t, id);
    if (!order) return;
    const status = derivedStatus(order, await this.orders.lines(t, id));
    if (status !== order.status) await this.orders.setStatus(t, id, status);
  }

  get(access: BusinessAccess, id: string): Promise<PurchaseOrderDto> {
    return this.db.tenant(access.businessId, (t) => this.present(t, id));
  }

  list(access: BusinessAccess, q: PurchaseOrderListQueryDto): Promise<PurchaseOrderPageDto> {
    const limit = q.limit ?? 25;
    return this.db.tenant(access.businessId, async (t) => {
      const page = pageOf(await this.orders.list(t, { ...q, limit }), limit);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((o) => ({
          id: o.id,
          number: o.number,
          status: o.status,
          contact: { id: o.contactId, name: o.contactName },
          orderDate: o.orderDate,
          expectedDate: o.expectedDate,
          location: { id: o.locationId, name: o.locationName },
          total: moneyDto(o.totalMinor, o.currency),
          billedFully: o.billedFully,
          createdAt: o.createdAt,
        })),
      };
    });
  }

  exportCsv(access: BusinessAccess, q: PurchaseOrderListQueryDto): Promise<{ fileName: string; body: string }> {
    return this.db.tenant(access.businessId, async (t) => {
      const rows = await this.orders.list(t, { ...q, cursor: undefined, limit: EXPORT_LIMIT });
      return csvFile(
        'purchase-orders',
        await this.ledger.today(t),
        ['number', 'status', 'supplier', 'order_date', 'expected_date', 'location', 'currency', 'exchange_rate', 'subtotal', 'tax', 'total'],
        rows.map((o) => [
          o.number ?? '',
          o.status,
          o.contactName,
          o.orderDate,
          o.expectedDate ?? '',
          o.locationName,
          o.currency,
          o.exchangeRate === null ? '' : trimZeros(o.exchangeRate),
          ...[o.subtotalMinor, o.taxMinor, o.totalMinor].map((m) => decimalAmount(m, o.currency)),
        ]),
      );
    });
  }

  private async placeOrder(t: TenantTx, access: BusinessAccess, order: PurchaseOrderRow, givenRate: string | undefined) {
    const fields: FieldError[] = [];
    const base = await this.ledger.baseCurrency(t);
    const exchangeRate = exchangeRateFor(assertCurrency(order.currency), base, givenRate, fields, 'orders');
    await this.lookups.supplier(t, order.contactId, fields);
    if (fields.length) throw validationFailed(fields);
    const number = await this.numbering.takeNumber(t, order.seriesId);
    await this.orders.markOrdered(t, order.id, { number, exchangeRate });
    await this.audit.record(t, {
      action: 'purchase_order.ordered',
      actorUserId: access.userId,
      targetType: 'purchase_order',
      targetId: order.id,
      details: { number, total: order.totalMinor, currency: order.currency, exchangeRate },
    });
  }

  async present(t: TenantTx, id: string): Promise<PurchaseOrderDto> {
    const o = await this.orders.get(t, id);
    if (!o) throw notFound('Purchase order');
    const [lines, receipts, bills, sends] = [
      await this.orders.lines(t, id),
      await this.orders.receipts(t, id),
      await this.orders.billsOf(t, id),
      await this.orders.sends(t, id),
    ];
    const base = await this.ledger.baseCurrency(t);
    const m = (minor: string | bigint) => moneyDto(minor, o.currency);
    return {
      id: o.id,
      number: o.number,
      status: o.status,
      contact: { id: o.contactId, name: o.contactName },
      contactEmail: o.contactEmail,
      currency: o.currency,
      exchangeRate: o.exchangeRate === null ? null : trimZeros(o.exchangeRate),
      orderDate: o.orderDate,
      expectedDate: o.expectedDate,
      location: { id: o.locationId, name: o.locationName },
      taxRounding: o.taxRounding,
      notes: o.notes,
      lines: lines.map((l) => {
        const open = openQuantities(l);
        return {
          id: l.id,
          lineNo: l.lineNo,
          productId: l.productId,
          sku: l.productSku,
          unit: l.productUnit,
          description: l.description,
          quantity: trimZeros(l.quantity),
          unitCost: m(l.unitCostMinor),
          taxRateId: l.taxRateId,
          taxRatePercent: trimZeros(l.taxRatePercent),
          net: m(l.netMinor),
          tax: m(l.taxMinor),
          total: m(l.totalMinor),
          stocked: l.stocked,
          account: l.accountId ? { id: l.accountId, code: l.accountCode!, name: l.accountName! } : null,
          receivedQuantity: trimZeros(l.receivedQuantity),
          toReceiveQuantity: qtyText(open.toReceive),
          billedQuantity: trimZeros(l.billedQuantity),
          toBillQuantity: qtyText(open.toBill),
          receivedValue: moneyDto(l.receivedValueMinor, base),
        };
      }),
      subtotal: m(o.subtotalMinor),
      tax: m(o.taxMinor),
      total: m(o.totalMinor),
      receipts: receipts.map((r) => ({
        id: r.id,
        date: r.date,
        location: { id: r.locationId, name: r.locationName },
        reference: r.reference,
        notes: r.notes,
        stockOperationId: r.stockOperationId,
        journalEntryId: r.journalEntryId,
        lines: r.lines.map((x) => ({ purchaseOrderLineId: x.purchaseOrderLineId, quantity: trimZeros(x.quantity), value: moneyDto(x.valueMinor, base) })),
        createdAt: r.createdAt,
      })),
      bills: bills.map((b) => ({
        id: b.id,
        number: b.number,
        status: b.status,
        supplierReference: b.supplierReference,
        billDate: b.billDate,
        total: moneyDto(b.totalMinor, b.currency),
      })),
      sends,
      billable: o.status !== 'draft' && o.status !== 'cancelled' && lines.some((l) => openQuantities(l).toBill > 0n),
      closeReason: o.closeReason,
      cancelReason: o.cancelReason,
      orderedAt: o.orderedAt,
      createdAt: o.createdAt,
    };
  }

  /** Resolves defaults (supplier currency, location, product cost and tax) and computes totals. */
  private async prepare(
    t: TenantTx,
    dto: PurchaseOrderDraftInput,
  ): Promise<{ header: PurchaseOrderHeader; lines: OrderLineValues[]; totals: DocumentTotals }> {
    const fields: FieldError[] = [];
    const [business] = await t.query<{ baseCurrency: string; taxRounding: 'line' | 'document'; today: string }>(
      `SELECT base_currency AS "baseCurrency", tax_rounding AS "taxRounding", (now() AT TIME ZONE timezone)::date::text AS today
         FROM businesses WHERE id = $1`,
      [t.businessId],
    );
    const supplier = await this.lookups.supplier(t, dto.contactId, fields);
    const currency = assertCurrency(dto.currency ?? supplier?.currency ?? business.baseCurrency);
    const orderDate = dto.orderDate ?? business.today;
    const expectedDate = dto.expectedDate ?? null;
    if (expectedDate && expectedDate < orderDate) {
      fields.push({ field: 'expectedDate', code: 'before_order', message: 'must not be before the order date' });
    }
    const locationId = dto.locationId ?? (await this.locations.defaultId(t));
    const location = locationId ? await this.locations.get(t, locationId) : null;
    if (!location) fields.push({ field: 'locationId', code: 'not_found', message: 'is not a location of this business' });
    else if (location.archivedAt) fields.push({ field: 'locationId', code: 'archived', message: `${location.name} is archived` });

    const lines: OrderLineValues[] = [];
    for (const [i, l] of dto.lines.entries()) {
      const at = (f: string) => `lines.${i}.${f}`;
      const product = l.productId ? await this.lookups.product(t, l.productId, at('productId'), fields) : null;
      const stocked = product?.trackStock ?? false;
      let unitCostMinor: bigint | null = null;
      if (l.unitCost !== undefined) unitCostMinor = parsePrice(l.unitCost, currency, at('unitCost'), fields);
      else if (product && product.purchaseCostMinor !== null && product.currency === currency) unitCostMinor = BigInt(product.purchaseCostMinor);
      else {
        fields.push({
          field: at('unitCost'),
          code: 'required',
          message: product && product.purchaseCostMinor !== null ? `is required for ${currency} orders (the product's cost is in ${product.currency})` : 'is required',
        });
      }
      const taxRateId = l.taxRateId === undefined ? (product?.taxRateId ?? null) : l.taxRateId;
      const taxRatePercent = await this.lookups.taxPercent(t, taxRateId, at('taxRateId'), fields);
      let accountId: string | null = null;
      if (stocked && l.accountId) {
        fields.push({ field: at('accountId'), code: 'not_applicable', message: 'must be omitted: a stocked product is received into inventory' });
      } else if (!stocked) {
        accountId = (await this.lookups.spendAccount(t, l.accountId, at('accountId'), fields, { allowAssets: true }))?.id ?? null;
      }
      const description = l.description ?? product?.name;
      if (!description) fields.push({ field: at('description'), code: 'required', message: 'is required' });
      lines.push({
        productId: product?.id ?? null,
        description: description ?? '',
        quantity: l.quantity,
        unitCostMinor: unitCostMinor ?? 0n,
        taxRateId,
        taxRatePercent,
        stocked,
        accountId,
      });
    }
    if (fields.length) throw validationFailed(fields);
    const totals = totalsOf(currency, business.taxRounding, lines.map((l) => ({ quantity: l.quantity, priceMinor: l.unitCostMinor, taxRatePercent: l.taxRatePercent })));
    return {
      header: {
        seriesId: await this.orders.defaultSeries(t, 'purchase_order'),
        contactId: dto.contactId,
        currency,
        orderDate,
        expectedDate,
        locationId: location!.id,
        taxRounding: business.taxRounding,
        notes: dto.notes ?? '',
      },
      lines,
      totals,
    };
  }
}

/** Totals of purchase lines: prices before tax, no discounts, the business's tax rounding. */
export function totalsOf(
  currency: CurrencyCode,
  taxRounding: 'line' | 'document',
  lines: { quantity: string; priceMinor: bigint; taxRatePercent: string }[],
): DocumentTotals {
  try {
    return computeTotals({
      currency,
      pricesIncludeTax: false,
      taxRounding,
      lines: lines.map((l) => ({ quantity: l.quantity, unitPriceMinor: l.priceMinor, taxRatePercent: l.taxRatePercent })),
    });
  } catch (e) {
    if (!(e instanceof MoneyError)) throw e;
    const [field, ...rest] = e.message.split(' ');
    throw validationFailed([{ field, code: 'invalid', message: rest.join(' ') }]);
  }
}
