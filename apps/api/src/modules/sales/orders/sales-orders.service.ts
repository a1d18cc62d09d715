import { Injectable } from '@nestjs/common';
import { assertCurrency, type CurrencyCode } from '@keeper/money';
import { DomainError, notFound, validationFailed, type FieldError } from '../../../common/errors';
import { moneyDto } from '../../../common/money.dto';
import { pageOf } from '../../../common/pagination';
import { Db, TenantTx } from '../../../db/db';
import type { BusinessAccess } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { LocationsRepository } from '../../inventory/locations.repository';
import { qtyText, toQty } from '../../inventory/quantity';
import { StockService } from '../../inventory/stock.service';
import { businessTaxRules, checkCustomer, documentTotals, prepareLines, presentLine, taxBreakdown } from '../../invoices/document-lines';
import { InvoicesRepository } from '../../invoices/invoices.repository';
import type { CancelSalesOrderDto, SalesOrderDraftDto, SalesOrderDto, SalesOrderListQueryDto, ShipmentDto } from './dto/sales-order.dto';
import { lineProgress, orderStates, progressFlags, type LineQuantities } from './order-progress';
import { OrderHeader, OrderLineRow, OrderRow, SalesOrdersRepository, ShipmentRow } from './sales-orders.repository';

/** Reservations made for sales order lines carry this source type in the inventory engine. */
export const RESERVATION_SOURCE = 'sales_order';

/**
 * Sales orders: drafts (from scratch or from an accepted quote), confirmation that reserves stock
 * line by line, re-trying reservations of back-ordered lines, and cancellation that releases them.
 *
 * Two orders confirmed at once for the last unit: the inventory engine locks the stock level row,
 * so exactly one reservation gets it; the other order is still confirmed, with that line
 * back-ordered (reserved 0), and shows it. Confirmation never fails for want of stock: the order
 * is the customer's commitment, and the back-order is what the owner has to act on.
 */
@Injectable()
export class SalesOrdersService {
  constructor(
    private readonly db: Db,
    private readonly orders: SalesOrdersRepository,
    private readonly series: InvoicesRepository,
    private readonly stock: StockService,
    private readonly locations: LocationsRepository,
    private readonly audit: AuditService,
  ) {}

  create(a: BusinessAccess, dto: SalesOrderDraftDto): Promise<SalesOrderDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const p = await this.prepare(t, dto);
      const seriesId = await this.series.defaultSeries(t, 'sales_order');
      const number = await this.series.takeNumber(t, seriesId);
      const id = await this.orders.insert(t, { ...p.header, seriesId, number, createdBy: a.userId }, p.totals);
      await this.orders.replaceLines(t, id, p.lines, p.totals);
      await this.orders.refreshStocked(t, id);
      return this.present(t, id);
    });
  }

  /** Converts an accepted quote (locked by the caller) into a draft order; returns the existing one on a repeat. */
  async createFromQuote(t: TenantTx, q: { quoteId: string; userId: string }): Promise<{ id: string; number: string }> {
    const locationId = await this.locations.defaultId(t);
    if (!locationId) throw new DomainError('CONFLICT', 'The business has no default location to fulfil orders from; add a location first');
    const seriesId = await this.series.defaultSeries(t, 'sales_order');
    const number = await this.series.takeNumber(t, seriesId);
    const [business] = await t.query<{ today: string }>(
      `SELECT (now() AT TIME ZONE timezone)::date::text AS today FROM businesses WHERE id = $1`,
      [t.businessId],
    );
    const id = await this.orders.insertFromQuote(t, q.quoteId, { seriesId, number, orderDate: business.today, locationId, createdBy: q.userId });
    if (!id) throw new DomainError('CONFLICT', 'This quote has already been converted into an order');
    await this.orders.refreshStocked(t, id);
    return { id, number };
  }

  update(a: BusinessAccess, id: string, dto: SalesOrderDraftDto): Promise<SalesOrderDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const o = await this.orders.get(t, id, { lock: true });
      if (!o) throw notFound('Sales order');
      if (o.status !== 'draft') throw new DomainError('CONFLICT', `Order ${o.number} is ${o.status}; only a draft can be changed`);
      const p = await this.prepare(t, dto);
      await this.orders.updateDraft(t, id, p.header, p.totals);
      await this.orders.replaceLines(t, id, p.lines, p.totals);
      await this.orders.refreshStocked(t, id);
      return this.present(t, id);
    });
  }

  remove(a: BusinessAccess, id: string): Promise<void> {
    return this.db.tenant(a.businessId, async (t) => {
      const o = await this.orders.get(t, id, { lock: true });
      if (!o) throw notFound('Sales order');
      if (o.status !== 'draft') throw new DomainError('CONFLICT', `Order ${o.number} is ${o.status}; only a draft can be deleted`);
      if (o.quoteId) {
        throw new DomainError('CONFLICT', `Order ${o.number} came from accepted quote ${o.quoteNumber}; cancel it instead, so the trail stays`);
      }
      await this.orders.deleteDraft(t, id);
    });
  }

  /** Confirms a draft and reserves stock for every line that tracks stock, as much as is available. */
  confirm(a: BusinessAccess, id: string): Promise<SalesOrderDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const o = await this.orders.get(t, id, { lock: true });
      if (!o) throw notFound('Sales order');
      if (o.status === 'confirmed') return this.present(t, id);
      if (o.status === 'cancelled') throw new DomainError('CONFLICT', `Order ${o.number} is cancelled`);
      const location = await this.locations.get(t, o.locationId);
      if (!location || location.archivedAt) {
        throw validationFailed([{ field: 'locationId', code: 'archived', message: `${location?.name ?? 'The location'} is archived; choose another one` }]);
      }
      // Whether a line moves stock is fixed now, as its product is at confirmation.
      await this.orders.refreshStocked(t, id);
      await this.orders.markConfirmed(t, id);
      const held = await this.reserveLines(t, o, await this.orders.lines(t, id));
      await this.audit.record(t, {
        action: 'sales_order.confirmed',
        actorUserId: a.userId,
        targetType: 'sales_order',
        targetId: id,
        details: { number: o.number, total: o.totalMinor, currency: o.currency, backOrderedLines: held.filter((h) => h.short).length },
      });
      return this.present(t, id);
    });
  }

  /** Tries again to reserve what back-ordered lines still wait for (e.g. after goods came in). */
  reserve(a: BusinessAccess, id: string): Promise<SalesOrderDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const o = await this.orders.get(t, id, { lock: true });
      if (!o) throw notFound('Sales order');
      if (o.status !== 'confirmed') throw new DomainError('CONFLICT', `Order ${o.number} is ${o.status}; only a confirmed order holds stock`);
      await this.reserveLines(t, o, await this.orders.lines(t, id));
      return this.present(t, id);
    });
  }

  /**
   * Stock of a product arrived at a location: each confirmed order waiting for it there, oldest
   * first, reserves what it can. One transaction per order, so the worker never holds two orders'
   * locks at once (a shipment locks an order, then the stock level, and would deadlock with it).
   * Safe to repeat: a reservation is topped up to what the line still needs, never beyond.
   */
  async fillBackOrders(businessId: string, productId: string, locationId: string): Promise<number> {
    const waiting = await this.db.tenant(businessId, (t) => this.orders.waitingFor(t, productId, locationId));
    let filled = 0;
    for (const id of waiting) {
      filled += await this.db.tenant(businessId, async (t) => {
        const o = await this.orders.get(t, id, { lock: true });
        if (!o || o.status !== 'confirmed') return 0;
        const held = await this.reserveLines(t, o, await this.orders.lines(t, id));
        return held.some((h) => h.reserved > 0n) ? 1 : 0;
      });
    }
    return filled;
  }

  /** Cancels an order nothing of which has shipped or been invoiced, releasing its reservations. */
  cancel(a: BusinessAccess, id: string, dto: CancelSalesOrderDto): Promise<SalesOrderDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const o = await this.orders.get(t, id, { lock: true });
      if (!o) throw notFound('Sales order');
      if (o.status === 'cancelled') return this.present(t, id);
      if (await this.orders.hasShipmentsOrInvoices(t, id)) {
        throw new DomainError(
          'CONFLICT',
          `Goods of order ${o.number} have shipped or been invoiced, so it can no longer be cancelled; credit the invoice or take the goods back instead`,
        );
      }
      for (const l of await this.orders.lines(t, id)) {
        if (!l.reservationId) continue;
        if (toQty(l.reserved) > 0n) await this.stock.release(t, l.reservationId);
        await this.orders.setFulfilment(t, l.id, { reservationId: l.reservationId, reserved: 0n, shipped: toQty(l.shipped) });
      }
      await this.orders.markCancelled(t, id, dto.reason);
      await this.audit.record(t, {
        action: 'sales_order.cancelled',
        actorUserId: a.userId,
        targetType: 'sales_order',
        targetId: id,
        details: { number: o.number, reason: dto.reason, wasConfirmed: o.status === 'confirmed' },
      });
      return this.present(t, id);
    });
  }

  get(a: BusinessAccess, id: string): Promise<SalesOrderDto> {
    return this.db.tenant(a.businessId, (t) => this.present(t, id));
  }

  list(a: BusinessAccess, q: SalesOrderListQueryDto) {
    const limit = q.limit ?? 25;
    return this.db.tenant(a.businessId, async (t) => {
      const page = pageOf(await this.orders.list(t, { ...q, limit }), limit);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((o) => ({
          id: o.id,
          number: o.number,
          status: o.status,
          ...orderStates(o, o.status),
          contact: { id: o.contactId, name: o.contactName },
          orderDate: o.orderDate,
          expectedDate: o.expectedDate,
          total: moneyDto(o.totalMinor, o.currency),
          createdAt: o.createdAt,
        })),
      };
    });
  }

  getShipment(a: BusinessAccess, shipmentId: string): Promise<ShipmentDto> {
    return this.db.tenant(a.businessId, (t) => this.getShipmentIn(t, shipmentId));
  }

  async getShipmentIn(t: TenantTx, shipmentId: string): Promise<ShipmentDto> {
    const s = await this.orders.shipment(t, shipmentId);
    if (!s) throw notFound('Shipment');
    return (await this.presentShipments(t, [s]))[0];
  }

  async presentShipments(t: TenantTx, rows: readonly ShipmentRow[]): Promise<ShipmentDto[]> {
    if (rows.length === 0) return [];
    const base = (await t.query<{ c: string }>(`SELECT base_currency AS c FROM businesses WHERE id = $1`, [t.businessId]))[0].c;
    const lines = await this.orders.shipmentLines(t, rows.map((r) => r.id));
    return rows.map((s) => {
      const own = lines.filter((l) => l.shipmentId === s.id);
      return {
        id: s.id,
        number: s.number,
        order: { id: s.orderId, number: s.orderNumber },
        contact: { id: s.contactId, name: s.contactName },
        shipDate: s.shipDate,
        location: { id: s.locationId, code: s.locationCode, name: s.locationName },
        notes: s.notes,
        lines: own.map((l) => ({
          orderLineId: l.orderLineId,
          productId: l.productId,
          sku: l.sku,
          description: l.description,
          unit: l.unit,
          quantity: qtyText(toQty(l.quantity)),
          cost: moneyDto(l.costMinor, base),
        })),
        cost: moneyDto(own.reduce((sum, l) => sum + BigInt(l.costMinor), 0n), base),
        stockOperationId: s.stockOperationId,
        createdAt: s.createdAt,
      };
    });
  }

  /** The order as the API shows it, with each line's ordered, reserved, shipped, invoiced and back-ordered quantities. */
  async present(t: TenantTx, id: string): Promise<SalesOrderDto> {
    const o = await this.orders.get(t, id);
    if (!o) throw notFound('Sales order');
    const lines = await this.orders.lines(t, id);
    const m = (minor: string) => moneyDto(minor, o.currency);
    const quantities = lines.map(quantitiesOf);
    return {
      id: o.id,
      number: o.number,
      status: o.status,
      ...orderStates(progressFlags(quantities), o.status),
      contact: { id: o.contactId, name: o.contactName },
      currency: o.currency,
      orderDate: o.orderDate,
      expectedDate: o.expectedDate,
      location: { id: o.locationId, code: o.locationCode, name: o.locationName },
      pricesIncludeTax: o.pricesIncludeTax,
      taxRounding: o.taxRounding,
      notes: o.notes,
      terms: o.terms,
      quote: o.quoteId ? { id: o.quoteId, number: o.quoteNumber! } : null,
      lines: lines.map((l, i) => {
        const q = quantities[i];
        const p = lineProgress(q, o.status);
        return {
          ...presentLine(l, o.currency),
          stocked: l.stocked,
          reserved: qtyText(q.reserved),
          shipped: qtyText(q.shipped),
          invoiced: qtyText(q.invoiced),
          backOrdered: qtyText(p.backOrdered),
          toShip: qtyText(p.toShip),
          toInvoice: qtyText(p.toInvoice),
        };
      }),
      taxes: taxBreakdown(lines, { ...o, currency: assertCurrency(o.currency) }),
      subtotal: m(o.subtotalMinor),
      discount: m(o.discountMinor),
      tax: m(o.taxMinor),
      total: m(o.totalMinor),
      shipments: await this.presentShipments(t, await this.orders.shipmentsOf(t, id)),
      invoices: (await this.orders.invoicesOf(t, id)).map((i) => ({
        id: i.id,
        number: i.number,
        status: i.status,
        issueDate: i.issueDate,
        total: moneyDto(i.totalMinor, i.currency),
      })),
      confirmedAt: o.confirmedAt,
      cancelledAt: o.cancelledAt,
      cancelReason: o.cancelReason,
      createdAt: o.createdAt,
    };
  }

  /**
   * Reserves, for each stocked line, what it still needs (ordered − shipped), holding what is
   * available. Lines go in product order so that two orders never lock stock levels in opposite
   * orders (no deadlock).
   */
  private async reserveLines(t: TenantTx, o: OrderRow, lines: OrderLineRow[]) {
    const stocked = lines
      .map((l, index) => ({ l, index }))
      .filter(({ l }) => l.stocked)
      .sort((x, y) => (x.l.productId! < y.l.productId! ? -1 : x.l.productId! > y.l.productId! ? 1 : x.index - y.index));
    const held: { lineId: string; reserved: bigint; short: boolean }[] = [];
    for (const { l, index } of stocked) {
      const shipped = toQty(l.shipped);
      const want = toQty(l.quantity) - shipped;
      if (want <= 0n || toQty(l.reserved) >= want) continue;
      const r = await this.stock.reserve(t, {
        productId: l.productId!,
        locationId: o.locationId,
        quantity: want,
        sourceType: RESERVATION_SOURCE,
        sourceId: o.id,
        sourceLineId: l.id,
        partial: true,
        field: `lines.${index}.productId`,
      });
      await this.orders.setFulfilment(t, l.id, { reservationId: r.reservationId, reserved: r.reserved, shipped });
      held.push({ lineId: l.id, reserved: r.reserved, short: r.reserved < want });
    }
    return held;
  }

  private async prepare(t: TenantTx, dto: SalesOrderDraftDto) {
    const fields: FieldError[] = [];
    const rules = await businessTaxRules(t);
    const contact = await checkCustomer(t, dto.contactId, fields);
    const currency = (dto.currency ?? contact?.currency ?? rules.baseCurrency) as CurrencyCode;
    const orderDate = dto.orderDate ?? rules.today;
    if (dto.expectedDate && dto.expectedDate < orderDate) {
      fields.push({ field: 'expectedDate', code: 'before_order', message: 'must not be before the order date' });
    }
    let locationId = dto.locationId ?? (await this.locations.defaultId(t));
    if (dto.locationId) {
      const l = await this.locations.get(t, dto.locationId);
      if (!l) fields.push({ field: 'locationId', code: 'not_found', message: 'is not a location of this business' });
      else if (l.archivedAt) fields.push({ field: 'locationId', code: 'archived', message: `${l.name} is archived` });
    } else if (!locationId) {
      fields.push({ field: 'locationId', code: 'required', message: 'is required: the business has no default location' });
      locationId = null;
    }
    const lines = await prepareLines(t, dto.lines, currency, fields, { documentName: 'orders' });
    if (fields.length) throw validationFailed(fields);
    const header: OrderHeader = {
      contactId: dto.contactId,
      currency,
      orderDate,
      expectedDate: dto.expectedDate ?? null,
      locationId: locationId!,
      pricesIncludeTax: rules.pricesIncludeTax,
      taxRounding: rules.taxRounding,
      notes: dto.notes ?? '',
      terms: dto.terms ?? '',
    };
    return { header, lines, totals: documentTotals(currency, rules, lines) };
  }
}

export const quantitiesOf = (l: OrderLineRow): LineQuantities => ({
  quantity: toQty(l.quantity),
  stocked: l.stocked,
  reserved: toQty(l.reserved),
  shipped: toQty(l.shipped),
  invoiced: toQty(l.invoiced),
});
