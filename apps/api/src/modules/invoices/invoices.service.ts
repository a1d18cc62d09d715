import { Injectable } from '@nestjs/common';
import type { DocumentTotals } from '@keeper/invoicing';
import { assertCurrency, convert, money, type CurrencyCode } from '@keeper/money';
import { DomainError, FieldError, notFound, validationFailed } from '../../common/errors';
import { csvFile, decimalAmount, EXPORT_LIMIT } from '../../common/csv-export';
import { addDays } from '../../common/dates';
import { trimZeros } from '../../common/decimal';
import { moneyDto } from '../../common/money.dto';
import { pageOf } from '../../common/pagination';
import { Db, TenantTx } from '../../db/db';
import { AuditService } from '../audit/audit.service';
import type { BusinessAccess } from '../access/principal';
import { LedgerService } from '../ledger/ledger.service';
import { OutboxService } from '../outbox/outbox.service';
import type {
  InvoiceDraftDto,
  InvoiceDto,
  InvoiceListQueryDto,
  InvoiceSummaryDto,
  IssueInvoiceDto,
  VoidInvoiceDto,
} from './dto/invoice.dto';
import { businessTaxRules, checkCustomer, documentTotals, prepareLines, presentLine, taxBreakdown, type LineRow } from './document-lines';
import { InvoiceHeader, InvoiceRow, InvoicesRepository } from './invoices.repository';

/** A draft as the API would store it: defaults resolved, lines priced, totals computed. */
export interface PreparedDraft {
  header: Omit<InvoiceHeader, 'createdBy'>;
  lines: LineRow[];
  totals: DocumentTotals;
}

const notDraft = () =>
  new DomainError('CONFLICT', 'Only a draft invoice can be changed; void it and issue a new one instead');

@Injectable()
export class InvoicesService {
  constructor(
    private readonly db: Db,
    private readonly invoices: InvoicesRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  createDraft(access: BusinessAccess, dto: InvoiceDraftDto): Promise<InvoiceDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const p = await this.prepare(t, dto);
      const id = await this.invoices.insert(t, { ...p.header, createdBy: access.userId }, p.totals);
      await this.invoices.replaceLines(t, id, p.lines, p.totals);
      return this.present(t, id);
    });
  }

  updateDraft(access: BusinessAccess, id: string, dto: InvoiceDraftDto): Promise<InvoiceDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const current = await this.invoices.get(t, id, { lock: true });
      if (!current) throw notFound('Invoice');
      if (current.status !== 'draft') throw notDraft();
      const p = await this.prepare(t, dto);
      await this.invoices.updateDraft(t, id, p.header, p.totals);
      await this.invoices.replaceLines(t, id, p.lines, p.totals);
      return this.present(t, id);
    });
  }

  deleteDraft(access: BusinessAccess, id: string): Promise<void> {
    return this.db.tenant(access.businessId, async (t) => {
      const current = await this.invoices.get(t, id, { lock: true });
      if (!current) throw notFound('Invoice');
      if (current.status !== 'draft') throw new DomainError('CONFLICT', 'An issued invoice cannot be deleted; void it instead');
      await this.invoices.deleteDraft(t, id);
    });
  }

  /**
   * Issues a draft: takes the next number of its series, fixes the exchange rate, and posts
   * Dr receivable / Cr sales / Cr tax payable — all in one transaction, so a number is never
   * skipped and an invoice is never issued without its journal entry.
   */
  issue(access: BusinessAccess, id: string, dto: IssueInvoiceDto): Promise<InvoiceDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const inv = await this.invoices.get(t, id, { lock: true });
      if (!inv) throw notFound('Invoice');
      if (inv.status !== 'draft') throw new DomainError('CONFLICT', `Invoice ${inv.number} is already issued`);
      if (BigInt(inv.totalMinor) === 0n) {
        throw new DomainError('CONFLICT', 'An invoice for nothing cannot be issued; add a priced line');
      }
      const base = await this.ledger.baseCurrency(t);
      const rate = this.exchangeRate(inv.currency, base, dto.exchangeRate);
      const number = await this.invoices.takeNumber(t, inv.seriesId);

      const currency = assertCurrency(inv.currency);
      const toBase = (minor: string) => convert(money(BigInt(minor), currency), rate, base, 'half-up').amountMinor;
      const totalBase = toBase(inv.totalMinor);
      const subtotalBase = toBase(inv.subtotalMinor);
      const total = money(BigInt(inv.totalMinor), currency);
      const journalEntryId = await this.ledger.post(t, {
        date: inv.issueDate,
        description: `Invoice ${number} to ${inv.contactName}`,
        sourceType: 'invoice',
        sourceId: inv.id,
        eventKey: `invoice:${inv.id}:issue`,
        postedBy: access.userId,
        lines: [
          { account: { key: 'accounts_receivable' }, amount: total, baseAmountMinor: totalBase, contactId: inv.contactId },
          {
            account: { key: 'sales' },
            amount: money(-BigInt(inv.subtotalMinor), currency),
            baseAmountMinor: -subtotalBase,
          },
          {
            account: { key: 'tax_payable' },
            amount: money(-BigInt(inv.taxMinor), currency),
            // Absorbs the rounding of the two conversions so the base amounts balance.
            baseAmountMinor: -(totalBase - subtotalBase),
          },
        ],
      });
      await this.invoices.markIssued(t, id, { number, exchangeRate: rate, journalEntryId });
      // The PDF is rendered by the worker (invoice-documents) once this commits.
      await this.outbox.add(t, 'invoice.render-pdf', { businessId: t.businessId, invoiceId: id });
      await this.audit.record(t, {
        action: 'invoice.issued',
        actorUserId: access.userId,
        targetType: 'invoice',
        targetId: id,
        details: { number, total: inv.totalMinor, currency: inv.currency },
      });
      return this.present(t, id);
    });
  }

  /** Voids an issued, unpaid invoice by reversing its journal entry. Its number stays used. */
  void(access: BusinessAccess, id: string, dto: VoidInvoiceDto): Promise<InvoiceDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const inv = await this.invoices.get(t, id, { lock: true });
      if (!inv) throw notFound('Invoice');
      if (inv.status === 'void') return this.present(t, id);
      if (inv.status === 'draft') throw new DomainError('CONFLICT', 'A draft is deleted, not voided');
      if (BigInt(inv.paidMinor) > 0n || BigInt(inv.creditedMinor) > 0n) {
        throw new DomainError('CONFLICT', 'This invoice has payments or credit notes applied; refund or credit them first');
      }
      await this.ledger.reverse(t, inv.journalEntryId!, {
        date: await this.ledger.today(t),
        eventKey: `invoice:${inv.id}:void`,
        description: `Void of invoice ${inv.number}: ${dto.reason}`,
      });
      await this.invoices.markVoid(t, id, dto.reason);
      await this.outbox.add(t, 'invoice.render-pdf', { businessId: t.businessId, invoiceId: id });
      await this.audit.record(t, {
        action: 'invoice.voided',
        actorUserId: access.userId,
        targetType: 'invoice',
        targetId: id,
        details: { number: inv.number, reason: dto.reason },
      });
      return this.present(t, id);
    });
  }

  get(access: BusinessAccess, id: string): Promise<InvoiceDto> {
    return this.db.tenant(access.businessId, (t) => this.present(t, id));
  }

  list(access: BusinessAccess, q: InvoiceListQueryDto) {
    const limit = q.limit ?? 25;
    return this.db.tenant(access.businessId, async (t) => {
      const page = pageOf(await this.invoices.list(t, { ...q, limit }), limit);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map(summaryOf),
      };
    });
  }

  /** List summaries of the given invoices, keyed by id (for documents that link to invoices, e.g. recurring runs). */
  async summaries(t: TenantTx, ids: readonly string[]): Promise<Map<string, InvoiceSummaryDto>> {
    return new Map((await this.invoices.byIds(t, ids)).map((i) => [i.id, summaryOf(i)]));
  }

  /**
   * Validates a draft exactly as createDraft would and returns what it would store, without
   * storing it: field errors name the same fields (lines.0.unitPrice...).
   */
  resolveDraft(t: TenantTx, dto: InvoiceDraftDto): Promise<PreparedDraft> {
    return this.prepare(t, dto);
  }

  /** Every invoice matching the list filters, as CSV (amounts as decimal strings in the invoice currency). */
  exportCsv(access: BusinessAccess, q: InvoiceListQueryDto): Promise<{ fileName: string; body: string }> {
    return this.db.tenant(access.businessId, async (t) => {
      const rows = await this.invoices.list(t, { ...q, cursor: undefined, limit: EXPORT_LIMIT });
      return csvFile(
        'invoices',
        await this.ledger.today(t),
        ['number', 'status', 'overdue', 'customer', 'issue_date', 'due_date', 'currency', 'exchange_rate', 'subtotal', 'tax', 'total', 'paid', 'credited', 'balance'],
        rows.map((i) => [
          i.number ?? '',
          i.status,
          i.overdue ? 'yes' : 'no',
          i.contactName,
          i.issueDate,
          i.dueDate,
          i.currency,
          i.exchangeRate === null ? '' : trimZeros(i.exchangeRate),
          ...[i.subtotalMinor, i.taxMinor, i.totalMinor, i.paidMinor, i.creditedMinor, balanceOf(i)].map((m) =>
            decimalAmount(m, i.currency),
          ),
        ]),
      );
    });
  }

  private async present(t: TenantTx, id: string): Promise<InvoiceDto> {
    const inv = await this.invoices.get(t, id);
    if (!inv) throw notFound('Invoice');
    const lines = await this.invoices.lines(t, id);
    const m = (minor: string | bigint) => moneyDto(minor, inv.currency);
    return {
      id: inv.id,
      number: inv.number,
      status: inv.status,
      overdue: inv.overdue,
      contact: { id: inv.contactId, name: inv.contactName },
      currency: inv.currency,
      exchangeRate: inv.exchangeRate === null ? null : trimZeros(inv.exchangeRate),
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      pricesIncludeTax: inv.pricesIncludeTax,
      taxRounding: inv.taxRounding,
      notes: inv.notes,
      terms: inv.terms,
      lines: lines.map((l) => presentLine(l, inv.currency)),
      taxes: taxBreakdown(lines, { ...inv, currency: assertCurrency(inv.currency) }),
      subtotal: m(inv.subtotalMinor),
      discount: m(inv.discountMinor),
      tax: m(inv.taxMinor),
      total: m(inv.totalMinor),
      paid: m(inv.paidMinor),
      credited: m(inv.creditedMinor),
      balance: m(balanceOf(inv)),
      issuedAt: inv.issuedAt,
      createdAt: inv.createdAt,
    };
  }

  /** Resolves defaults (customer terms and currency, product price and tax) and computes totals. */
  private async prepare(t: TenantTx, dto: InvoiceDraftDto): Promise<PreparedDraft> {
    const fields: FieldError[] = [];
    const business = await businessTaxRules(t);
    const contact = await checkCustomer(t, dto.contactId, fields);
    const currency = (dto.currency ?? contact?.currency ?? business.baseCurrency) as CurrencyCode;
    const issueDate = dto.issueDate ?? business.today;
    const dueDate = dto.dueDate ?? addDays(issueDate, contact?.paymentTermsDays ?? 0);
    if (dueDate < issueDate) fields.push({ field: 'dueDate', code: 'before_issue', message: 'must not be before the issue date' });

    let seriesId = dto.seriesId;
    if (seriesId && !(await this.invoices.seriesExists(t, seriesId, 'invoice'))) {
      fields.push({ field: 'seriesId', code: 'not_found', message: 'is not an invoice series of this business' });
    }
    seriesId ??= await this.invoices.defaultSeries(t, 'invoice');

    const lines = await prepareLines(t, dto.lines, currency, fields);
    if (fields.length) throw validationFailed(fields);
    const totals = documentTotals(currency, business, lines);
    return {
      header: {
        seriesId,
        contactId: dto.contactId,
        currency,
        issueDate,
        dueDate,
        pricesIncludeTax: business.pricesIncludeTax,
        taxRounding: business.taxRounding,
        notes: dto.notes ?? '',
        terms: dto.terms ?? '',
      },
      lines,
      totals,
    };
  }

  private exchangeRate(currency: string, base: CurrencyCode, given: string | undefined): string {
    if (currency === base) {
      if (given !== undefined && trimZeros(given) !== '1') {
        throw validationFailed([{ field: 'exchangeRate', code: 'not_applicable', message: `must be 1 (or omitted) for ${base} invoices` }]);
      }
      return '1';
    }
    if (!given || /^0+(\.0+)?$/.test(given)) {
      throw validationFailed([
        { field: 'exchangeRate', code: 'required', message: `is required: how many ${base} one ${currency} is worth today` },
      ]);
    }
    return given;
  }
}

const summaryOf = (i: Omit<InvoiceRow, 'cursorAt'>): InvoiceSummaryDto => ({
  id: i.id,
  number: i.number,
  status: i.status,
  overdue: i.overdue,
  contact: { id: i.contactId, name: i.contactName },
  issueDate: i.issueDate,
  dueDate: i.dueDate,
  total: moneyDto(i.totalMinor, i.currency),
  balance: moneyDto(balanceOf(i), i.currency),
  createdAt: i.createdAt,
});

export const balanceOf = (i: Pick<InvoiceRow, 'totalMinor' | 'paidMinor' | 'creditedMinor'>) =>
  BigInt(i.totalMinor) - BigInt(i.paidMinor) - BigInt(i.creditedMinor);
