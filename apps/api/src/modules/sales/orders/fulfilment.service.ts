import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { decimalAmount } from '../../../common/csv-export';
import { trimZeros } from '../../../common/decimal';
import { DomainError, notFound, validationFailed, type FieldError } from '../../../common/errors';
import { Db } from '../../../db/db';
import type { BusinessAccess } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { qtyText, toQty } from '../../inventory/quantity';
import { StockService } from '../../inventory/stock.service';
import { businessTaxRules } from '../../invoices/document-lines';
import type { InvoiceDto, InvoiceLineInputDto } from '../../invoices/dto/invoice.dto';
import { InvoicesRepository } from '../../invoices/invoices.repository';
import { InvoicesService } from '../../invoices/invoices.service';
import { LedgerService } from '../../ledger/ledger.service';
import type { CreateShipmentDto, InvoiceSalesOrderDto, ShipmentDto } from './dto/sales-order.dto';
import { lineProgress } from './order-progress';
import { SalesOrdersRepository } from './sales-orders.repository';
import { quantitiesOf, SalesOrdersService } from './sales-orders.service';

/**
 * Shipping and billing a confirmed order. A shipment moves its goods out through the inventory
 * engine (Dr cost of goods sold / Cr inventory, at the valuation cost) in the same transaction as
 * the shipment row and the lines' shipped quantities. An invoice bills what has shipped and is
 * not yet invoiced (and lines that move no stock, as ordered) through InvoicesService: it is
 * created and issued at once, which posts the revenue, and its quantities are recorded per line.
 */
@Injectable()
export class SalesFulfilmentService {
  constructor(
    private readonly db: Db,
    private readonly orders: SalesOrdersRepository,
    private readonly salesOrders: SalesOrdersService,
    private readonly series: InvoicesRepository,
    private readonly invoices: InvoicesService,
    private readonly stock: StockService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  ship(a: BusinessAccess, orderId: string, dto: CreateShipmentDto): Promise<ShipmentDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const o = await this.orders.get(t, orderId, { lock: true });
      if (!o) throw notFound('Sales order');
      if (o.status === 'draft') throw new DomainError('CONFLICT', `Confirm order ${o.number} before shipping it`);
      if (o.status === 'cancelled') throw new DomainError('CONFLICT', `Order ${o.number} is cancelled`);

      const lines = await this.orders.lines(t, orderId);
      const fields: FieldError[] = [];
      const seen = new Set<string>();
      const picked = dto.lines.map((input, i) => {
        const at = (f: string) => `lines.${i}.${f}`;
        const line = lines.find((l) => l.id === input.orderLineId);
        const quantity = toQty(input.quantity);
        if (!line) {
          fields.push({ field: at('orderLineId'), code: 'not_found', message: 'is not a line of this order' });
        } else if (seen.has(line.id)) {
          fields.push({ field: at('orderLineId'), code: 'duplicate', message: 'is listed twice' });
        } else if (!line.stocked) {
          fields.push({ field: at('orderLineId'), code: 'not_stocked', message: `${line.description} moves no stock; it is invoiced without shipping` });
        } else if (quantity <= 0n) {
          fields.push({ field: at('quantity'), code: 'too_small', message: 'must be more than zero' });
        } else {
          const left = lineProgress(quantitiesOf(line), o.status).toShip;
          if (quantity > left) fields.push({ field: at('quantity'), code: 'too_large', message: `only ${qtyText(left)} left to ship` });
        }
        if (line) seen.add(line.id);
        return { line: line!, quantity };
      });
      if (fields.length) throw validationFailed(fields);

      const shipmentId = randomUUID();
      const seriesId = await this.series.defaultSeries(t, 'delivery_note');
      const number = await this.series.takeNumber(t, seriesId);
      const shipDate = dto.shipDate ?? (await this.ledger.today(t));
      const result = await this.stock.ship(t, {
        eventKey: `sales-shipment:${shipmentId}`,
        date: shipDate,
        description: `Shipment ${number} of order ${o.number} to ${o.contactName}`,
        sourceType: 'sales_shipment',
        sourceId: shipmentId,
        userId: a.userId,
        locationId: o.locationId,
        lines: picked.map((p) => ({ productId: p.line.productId!, quantity: p.quantity, reservationId: p.line.reservationId, sourceLineId: p.line.id })),
      });
      await this.orders.insertShipment(t, {
        id: shipmentId,
        orderId,
        seriesId,
        number,
        shipDate,
        locationId: o.locationId,
        stockOperationId: result.operationId,
        notes: dto.notes ?? '',
        createdBy: a.userId,
      });
      let cost = 0n;
      for (const p of picked) {
        const movement = result.movements.find((m) => m.sourceLineId === p.line.id)!;
        // The engine consumed the line's reservation first, up to what was shipped.
        const reserved = toQty(p.line.reserved);
        const consumed = p.quantity < reserved ? p.quantity : reserved;
        await this.orders.setFulfilment(t, p.line.id, {
          reservationId: p.line.reservationId,
          reserved: reserved - consumed,
          shipped: toQty(p.line.shipped) + p.quantity,
        });
        await this.orders.insertShipmentLine(t, {
          shipmentId,
          orderLineId: p.line.id,
          productId: p.line.productId!,
          quantity: p.quantity,
          costMinor: -movement.valueMinor,
        });
        cost -= movement.valueMinor;
      }
      await this.audit.record(t, {
        action: 'sales_order.shipped',
        actorUserId: a.userId,
        targetType: 'sales_order',
        targetId: orderId,
        details: { number: o.number, shipmentId, shipmentNumber: number, lines: picked.length, cost: cost.toString() },
      });
      return this.salesOrders.getShipmentIn(t, shipmentId);
    });
  }

  invoice(a: BusinessAccess, orderId: string, dto: InvoiceSalesOrderDto): Promise<InvoiceDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const o = await this.orders.get(t, orderId, { lock: true });
      if (!o) throw notFound('Sales order');
      if (o.status !== 'confirmed') throw new DomainError('CONFLICT', `Order ${o.number} is ${o.status}; only a confirmed order is invoiced`);
      const rules = await businessTaxRules(t);
      if (rules.pricesIncludeTax !== o.pricesIncludeTax) {
        throw new DomainError(
          'CONFLICT',
          `Order ${o.number} was priced ${o.pricesIncludeTax ? 'including' : 'excluding'} tax, but the business now enters prices ` +
            `${rules.pricesIncludeTax ? 'including' : 'excluding'} tax; switch the tax setting back to invoice it at the agreed prices`,
        );
      }
      const lines = (await this.orders.lines(t, orderId))
        .map((l, index) => ({ l, index, quantity: lineProgress(quantitiesOf(l), o.status).toInvoice }))
        .filter((x) => x.quantity > 0n);
      if (lines.length === 0) {
        throw new DomainError('CONFLICT', `Nothing on order ${o.number} is ready to invoice: goods are invoiced once they have shipped`);
      }
      const invoiceLines: InvoiceLineInputDto[] = lines.map(({ l, quantity }) => ({
        ...(l.productId ? { productId: l.productId } : {}),
        description: l.description,
        quantity: qtyText(quantity),
        unitPrice: decimalAmount(l.unitPriceMinor, o.currency),
        discountPercent: trimZeros(l.discountPercent),
        taxRateId: l.taxRateId,
      }));
      let invoice: InvoiceDto;
      try {
        const draft = await this.invoices.createDraft(a, {
          contactId: o.contactId,
          currency: o.currency,
          issueDate: dto.issueDate,
          dueDate: dto.dueDate,
          notes: [`Sales order 销售订单 ${o.number}`, o.notes].filter(Boolean).join('\n'),
          terms: o.terms,
          lines: invoiceLines,
        });
        invoice = await this.invoices.issue(a, draft.id, { exchangeRate: dto.exchangeRate });
      } catch (e) {
        // Field paths of the invoice's lines name the order's lines instead.
        if (e instanceof DomainError && e.extra.fields) {
          const fields = e.extra.fields.map((f) => ({
            ...f,
            field: f.field.replace(/^lines\.(\d+)\./, (_, n: string) => `lines.${lines[Number(n)].index}.`),
          }));
          throw new DomainError(e.code, fields.map((f) => `${f.field}: ${f.message}`).join('; '), { ...e.extra, fields });
        }
        throw e;
      }
      for (const { l, quantity } of lines) {
        await this.orders.insertInvoiceLine(t, { orderId, orderLineId: l.id, invoiceId: invoice.id, quantity });
      }
      await this.audit.record(t, {
        action: 'sales_order.invoiced',
        actorUserId: a.userId,
        targetType: 'sales_order',
        targetId: orderId,
        details: { number: o.number, invoiceId: invoice.id, invoiceNumber: invoice.number, total: invoice.total.amountMinor, currency: o.currency },
      });
      return invoice;
    });
  }
}
