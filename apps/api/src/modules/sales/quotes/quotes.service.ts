import { Injectable } from '@nestjs/common';
import { assertCurrency, type CurrencyCode } from '@keeper/money';
import { addDays } from '../../../common/dates';
import { DomainError, notFound, validationFailed, type FieldError } from '../../../common/errors';
import { moneyDto } from '../../../common/money.dto';
import { pageOf } from '../../../common/pagination';
import { Db, TenantTx } from '../../../db/db';
import type { BusinessAccess } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { businessTaxRules, checkCustomer, documentTotals, prepareLines, presentLine, taxBreakdown } from '../../invoices/document-lines';
import type { SendInvoiceDto } from '../../invoice-documents/dto/invoice-documents.dto';
import { InvoicesRepository } from '../../invoices/invoices.repository';
import { OutboxService } from '../../outbox/outbox.service';
import { SalesOrdersService } from '../orders/sales-orders.service';
import type { DeclineQuoteDto, PublicQuoteDto, QuoteDraftDto, QuoteDto, QuoteListQueryDto, QuoteSendDto } from './dto/quote.dto';
import { QuoteDocuments, quoteTokenHash } from './quote-documents';
import { QuoteHeader, QuoteRow, QuotesRepository } from './quotes.repository';

/** How long a quote stays open when no validity date is given. */
export const DEFAULT_VALIDITY_DAYS = 30;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Quotes: draft → sent → accepted (converted into a sales order, once) or declined; a sent quote
 * past its validity date is expired and can no longer be accepted. A sent or expired quote may be
 * revised, which makes it a draft again (its lines are frozen while sent).
 */
@Injectable()
export class QuotesService {
  constructor(
    private readonly db: Db,
    private readonly quotes: QuotesRepository,
    private readonly series: InvoicesRepository,
    private readonly orders: SalesOrdersService,
    private readonly documents: QuoteDocuments,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  create(a: BusinessAccess, dto: QuoteDraftDto): Promise<QuoteDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const p = await this.prepare(t, dto);
      const seriesId = await this.series.defaultSeries(t, 'quote');
      const number = await this.series.takeNumber(t, seriesId);
      const id = await this.quotes.insert(t, { ...p.header, seriesId, number, createdBy: a.userId }, p.totals);
      await this.quotes.replaceLines(t, id, p.lines, p.totals);
      return this.present(t, id);
    });
  }

  update(a: BusinessAccess, id: string, dto: QuoteDraftDto): Promise<QuoteDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const q = await this.quotes.get(t, id, { lock: true });
      if (!q) throw notFound('Quote');
      if (q.storedStatus === 'accepted' || q.storedStatus === 'declined') {
        throw new DomainError('CONFLICT', `Quote ${q.number} is ${q.storedStatus}; it can no longer be changed`);
      }
      const p = await this.prepare(t, dto);
      await this.quotes.updateDraft(t, id, p.header, p.totals);
      await this.quotes.replaceLines(t, id, p.lines, p.totals);
      return this.present(t, id);
    });
  }

  remove(a: BusinessAccess, id: string): Promise<void> {
    return this.db.tenant(a.businessId, async (t) => {
      const q = await this.quotes.get(t, id, { lock: true });
      if (!q) throw notFound('Quote');
      if (q.storedStatus !== 'draft' || q.sentAt) {
        throw new DomainError('CONFLICT', `Quote ${q.number} has been sent to the customer; decline it instead of deleting it`);
      }
      await this.quotes.deleteDraft(t, id);
    });
  }

  /** Emails the quote (PDF attached, with its public link); the email job runs after commit. */
  send(a: BusinessAccess, id: string, dto: SendInvoiceDto): Promise<QuoteSendDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const q = await this.quotes.get(t, id, { lock: true });
      if (!q) throw notFound('Quote');
      if (q.storedStatus === 'accepted' || q.storedStatus === 'declined') {
        throw new DomainError('CONFLICT', `Quote ${q.number} is already ${q.storedStatus}`);
      }
      if (q.lapsed) throw lapsed(q);
      if (BigInt(q.totalMinor) === 0n) throw new DomainError('CONFLICT', 'A quote for nothing cannot be sent; add a priced line');
      const to = dto.to ?? (await this.documents.contactEmail(t, q.contactId));
      if (!to) {
        throw validationFailed([{ field: 'to', code: 'required', message: `is required: ${q.contactName} has no email address on file` }]);
      }
      await this.quotes.markSent(t, id);
      const send = await this.quotes.insertSend(t, { quoteId: id, toEmail: to, message: dto.message ?? '', requestedBy: a.userId });
      await this.documents.registerLink(t, id);
      await this.outbox.add(t, 'quote.send-email', { businessId: t.businessId, quoteId: id, sendId: send.id });
      return { id: send.id, to, status: 'queued', requestedAt: send.requestedAt, publicUrl: this.documents.publicUrl(id) };
    });
  }

  /**
   * The customer said yes: the quote becomes a draft sales order with the same lines and prices.
   * Idempotent: the quote row is locked, and a quote that is already accepted answers with the
   * order it became (sales_orders.quote_id is unique, the last wall).
   */
  accept(a: BusinessAccess, id: string): Promise<QuoteDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const q = await this.quotes.get(t, id, { lock: true });
      if (!q) throw notFound('Quote');
      if (q.storedStatus === 'accepted') return this.present(t, id);
      if (q.storedStatus === 'declined') throw new DomainError('CONFLICT', `Quote ${q.number} was declined; it cannot be accepted`);
      if (q.lapsed) throw lapsed(q);
      const order = await this.orders.createFromQuote(t, { quoteId: id, userId: a.userId });
      await this.quotes.markAccepted(t, id);
      await this.audit.record(t, {
        action: 'quote.accepted',
        actorUserId: a.userId,
        targetType: 'quote',
        targetId: id,
        details: { number: q.number, salesOrderId: order.id, salesOrderNumber: order.number, total: q.totalMinor, currency: q.currency },
      });
      return this.present(t, id);
    });
  }

  decline(a: BusinessAccess, id: string, dto: DeclineQuoteDto): Promise<QuoteDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const q = await this.quotes.get(t, id, { lock: true });
      if (!q) throw notFound('Quote');
      if (q.storedStatus === 'declined') return this.present(t, id);
      if (q.storedStatus === 'accepted') {
        throw new DomainError('CONFLICT', `Quote ${q.number} was accepted and became order ${q.orderNumber}; cancel the order instead`);
      }
      await this.quotes.markDeclined(t, id, dto.reason?.trim() || null);
      await this.audit.record(t, {
        action: 'quote.declined',
        actorUserId: a.userId,
        targetType: 'quote',
        targetId: id,
        details: { number: q.number, reason: dto.reason ?? null },
      });
      return this.present(t, id);
    });
  }

  publicLink(a: BusinessAccess, id: string): Promise<{ url: string }> {
    return this.db.tenant(a.businessId, async (t) => {
      const q = await this.quotes.get(t, id);
      if (!q) throw notFound('Quote');
      if (q.storedStatus === 'draft') throw new DomainError('CONFLICT', 'Send the quote first: a draft has no public link');
      await this.documents.registerLink(t, id);
      return { url: this.documents.publicUrl(id) };
    });
  }

  get(a: BusinessAccess, id: string): Promise<QuoteDto> {
    return this.db.tenant(a.businessId, (t) => this.present(t, id));
  }

  list(a: BusinessAccess, q: QuoteListQueryDto) {
    const limit = q.limit ?? 25;
    return this.db.tenant(a.businessId, async (t) => {
      const page = pageOf(await this.quotes.list(t, { ...q, limit }), limit);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((r) => ({
          id: r.id,
          number: r.number,
          status: r.status,
          contact: { id: r.contactId, name: r.contactName },
          issueDate: r.issueDate,
          validUntil: r.validUntil,
          total: moneyDto(r.totalMinor, r.currency),
          salesOrder: orderRef(r),
          createdAt: r.createdAt,
        })),
      };
    });
  }

  async publicView(token: string): Promise<PublicQuoteDto> {
    const found = await this.find(token);
    return this.db.tenant(found.businessId, async (t) => {
      const q = await this.quotes.get(t, found.quoteId);
      if (!q) throw notFound('Quote');
      const lines = await this.quotes.lines(t, q.id);
      const p = await this.documents.printable(t, q, lines);
      const m = (minor: string | bigint) => moneyDto(minor, q.currency);
      return {
        businessName: p.business.name,
        customerName: q.contactName,
        number: q.number,
        status: q.status,
        issueDate: q.issueDate,
        validUntil: q.validUntil,
        currency: q.currency,
        pricesIncludeTax: q.pricesIncludeTax,
        lines: lines.map((l) => {
          const { description, quantity, unitPrice, discountPercent, taxRatePercent, net, total } = presentLine(l, q.currency);
          return { description, quantity, unitPrice, discountPercent, taxRatePercent, net, total };
        }),
        taxes: p.taxes.map((g) => ({ ratePercent: g.ratePercent, net: m(g.netMinor), tax: m(g.taxMinor) })),
        subtotal: m(q.subtotalMinor),
        discount: m(q.discountMinor),
        tax: m(q.taxMinor),
        total: m(q.totalMinor),
        notes: q.notes,
        terms: q.terms,
      };
    });
  }

  private async find(token: string): Promise<{ businessId: string; quoteId: string }> {
    if (!TOKEN.test(token)) throw notFound('Quote');
    const found = await this.db.account(null, (tx) => this.quotes.findByTokenHash(tx, quoteTokenHash(token)));
    if (!found) throw notFound('Quote');
    return found;
  }

  private async present(t: TenantTx, id: string): Promise<QuoteDto> {
    const q = await this.quotes.get(t, id);
    if (!q) throw notFound('Quote');
    const lines = await this.quotes.lines(t, id);
    const m = (minor: string) => moneyDto(minor, q.currency);
    return {
      id: q.id,
      number: q.number,
      status: q.status,
      contact: { id: q.contactId, name: q.contactName },
      currency: q.currency,
      issueDate: q.issueDate,
      validUntil: q.validUntil,
      pricesIncludeTax: q.pricesIncludeTax,
      taxRounding: q.taxRounding,
      notes: q.notes,
      terms: q.terms,
      lines: lines.map((l) => presentLine(l, q.currency)),
      taxes: taxBreakdown(lines, { ...q, currency: assertCurrency(q.currency) }),
      subtotal: m(q.subtotalMinor),
      discount: m(q.discountMinor),
      tax: m(q.taxMinor),
      total: m(q.totalMinor),
      sentAt: q.sentAt,
      acceptedAt: q.acceptedAt,
      declinedAt: q.declinedAt,
      declineReason: q.declineReason,
      salesOrder: orderRef(q),
      sends: await this.quotes.sends(t, id),
      createdAt: q.createdAt,
    };
  }

  private async prepare(t: TenantTx, dto: QuoteDraftDto) {
    const fields: FieldError[] = [];
    const rules = await businessTaxRules(t);
    const contact = await checkCustomer(t, dto.contactId, fields);
    const currency = (dto.currency ?? contact?.currency ?? rules.baseCurrency) as CurrencyCode;
    const issueDate = dto.issueDate ?? rules.today;
    const validUntil = dto.validUntil ?? addDays(issueDate, DEFAULT_VALIDITY_DAYS);
    if (validUntil < issueDate) fields.push({ field: 'validUntil', code: 'before_issue', message: 'must not be before the quote date' });
    const lines = await prepareLines(t, dto.lines, currency, fields, { documentName: 'quotes' });
    if (fields.length) throw validationFailed(fields);
    const header: QuoteHeader = {
      contactId: dto.contactId,
      currency,
      issueDate,
      validUntil,
      pricesIncludeTax: rules.pricesIncludeTax,
      taxRounding: rules.taxRounding,
      notes: dto.notes ?? '',
      terms: dto.terms ?? '',
    };
    return { header, lines, totals: documentTotals(currency, rules, lines) };
  }
}

const orderRef = (q: Pick<QuoteRow, 'orderId' | 'orderNumber' | 'orderStatus'>) =>
  q.orderId ? { id: q.orderId, number: q.orderNumber!, status: q.orderStatus! } : null;

const lapsed = (q: QuoteRow) =>
  new DomainError('CONFLICT', `Quote ${q.number} was valid until ${q.validUntil}; revise it with a new validity date and send it again`, {
    fields: [{ field: 'validUntil', code: 'expired', message: `has passed (${q.validUntil})` }],
  });
