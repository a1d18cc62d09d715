import { Injectable } from '@nestjs/common';
import { computeTotals } from '@keeper/invoicing';
import { assertCurrency, money, parseMoney, toDecimalString } from '@keeper/money';
import { DomainError, FieldError, notFound, validationFailed } from '../../common/errors';
import { moneyDto } from '../../common/money.dto';
import { pageOf, PageQueryDto } from '../../common/pagination';
import { Db, TenantTx } from '../../db/db';
import type { BusinessAccess } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { InvoicesService } from '../invoices/invoices.service';
import { LedgerService } from '../ledger/ledger.service';
import type {
  RecurringInvoiceDto,
  RecurringInvoiceInputDto,
  RecurringInvoiceListQueryDto,
  RecurringRunPageDto,
} from './dto/recurring.dto';
import { RecurringRepository, TemplateRow, TemplateValues } from './recurring.repository';
import { firstIndexAfter, occurrenceDate } from './schedule';

/** What a template's amount is computed with: the business's current tax settings and rates. */
interface PricingContext {
  pricesIncludeTax: boolean;
  taxRounding: 'line' | 'document';
  ratePercent: Map<string, string>;
}

@Injectable()
export class RecurringService {
  constructor(
    private readonly db: Db,
    private readonly repo: RecurringRepository,
    private readonly invoices: InvoicesService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  create(a: BusinessAccess, dto: RecurringInvoiceInputDto): Promise<RecurringInvoiceDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const v = await this.values(t, dto, () => 0);
      const id = await this.repo.insert(t, v, a.userId);
      const created = await this.present(t, id);
      await this.record(t, a, 'recurring_invoice.created', created);
      return created;
    });
  }

  /**
   * Replaces the template. Invoices already generated stay. With the same start and frequency the
   * schedule goes on where it was; a changed schedule continues after the last invoiced occurrence.
   */
  update(a: BusinessAccess, id: string, dto: RecurringInvoiceInputDto): Promise<RecurringInvoiceDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const current = await this.repo.get(t, id, { lock: true });
      if (!current) throw notFound('Recurring invoice');
      const sameSchedule = current.startDate === dto.startDate && current.frequency === dto.frequency;
      const v = await this.values(t, dto, async () =>
        sameSchedule ? current.nextIndex : firstIndexAfter(dto.startDate, dto.frequency, await this.repo.lastOccurrence(t, id)),
      );
      await this.repo.update(t, id, v);
      const updated = await this.present(t, id);
      await this.record(t, a, 'recurring_invoice.updated', updated);
      return updated;
    });
  }

  get(a: BusinessAccess, id: string): Promise<RecurringInvoiceDto> {
    return this.db.tenant(a.businessId, (t) => this.present(t, id));
  }

  list(a: BusinessAccess, q: RecurringInvoiceListQueryDto) {
    const limit = q.limit ?? 25;
    return this.db.tenant(a.businessId, async (t) => {
      const page = pageOf(await this.repo.list(t, { limit, cursor: q.cursor, status: q.status, contactId: q.contactId }), limit);
      const pricing = await this.pricing(t);
      return { nextCursor: page.nextCursor, items: page.items.map((r) => this.toDto(r, pricing)) };
    });
  }

  /** The invoices a template generated, newest first. */
  invoicesOf(a: BusinessAccess, id: string, q: PageQueryDto): Promise<RecurringRunPageDto> {
    const limit = q.limit ?? 25;
    return this.db.tenant(a.businessId, async (t) => {
      if (!(await this.repo.get(t, id))) throw notFound('Recurring invoice');
      const page = pageOf(await this.repo.runs(t, id, { limit, cursor: q.cursor }), limit);
      const summaries = await this.invoices.summaries(t, page.items.map((r) => r.invoiceId));
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((r) => ({ occurrenceDate: r.occurrenceDate, invoice: summaries.get(r.invoiceId)! })),
      };
    });
  }

  pause(a: BusinessAccess, id: string): Promise<RecurringInvoiceDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const r = await this.repo.get(t, id, { lock: true });
      if (!r) throw notFound('Recurring invoice');
      if (!r.active) return this.present(t, id);
      await this.repo.setActive(t, id, false);
      const paused = await this.present(t, id);
      await this.record(t, a, 'recurring_invoice.paused', paused);
      return paused;
    });
  }

  /** Resumes without back-filling: occurrences missed while paused are skipped up to today. */
  resume(a: BusinessAccess, id: string): Promise<RecurringInvoiceDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const r = await this.repo.get(t, id, { lock: true });
      if (!r) throw notFound('Recurring invoice');
      if (r.active) return this.present(t, id);
      const today = await this.ledger.today(t);
      let n = r.nextIndex;
      while (occurrenceDate(r.startDate, r.frequency, n) < today) n++;
      await this.repo.setActive(t, id, true, { nextIndex: n, nextDate: occurrenceDate(r.startDate, r.frequency, n) });
      const resumed = await this.present(t, id);
      await this.record(t, a, 'recurring_invoice.resumed', resumed, n > r.nextIndex ? { skipped: n - r.nextIndex } : {});
      return resumed;
    });
  }

  delete(a: BusinessAccess, id: string): Promise<void> {
    return this.db.tenant(a.businessId, async (t) => {
      const r = await this.repo.get(t, id, { lock: true });
      if (!r) throw notFound('Recurring invoice');
      if ((await this.repo.runCount(t, id)) > 0) {
        throw new DomainError('CONFLICT', 'This template has generated invoices; pause it instead');
      }
      await this.repo.delete(t, id);
      await this.record(t, a, 'recurring_invoice.deleted', this.toDto(r, await this.pricing(t)));
    });
  }

  private record(t: TenantTx, a: BusinessAccess, action: Parameters<AuditService['record']>[1]['action'], r: RecurringInvoiceDto, extra: object = {}) {
    return this.audit.record(t, {
      action,
      actorUserId: a.userId,
      targetType: 'recurring_invoice',
      targetId: r.id,
      details: { customer: r.contact.name, frequency: r.frequency, currency: r.currency, nextDate: r.nextDate, ...extra },
    });
  }

  /**
   * Validates the template as the invoices it will generate (same field errors: lines.0.unitPrice...)
   * and fixes each line's price, description and tax rate as resolved today, so every invoice of the
   * series is priced alike and the amount shown is what will be invoiced.
   */
  private async values(t: TenantTx, dto: RecurringInvoiceInputDto, nextIndex: () => number | Promise<number>): Promise<TemplateValues> {
    const fields: FieldError[] = [];
    const resolved = await this.invoices
      .resolveDraft(t, { contactId: dto.contactId, currency: dto.currency, notes: dto.notes, terms: dto.terms, lines: dto.lines })
      .catch((e: unknown) => {
        if (!(e instanceof DomainError) || e.code !== 'VALIDATION_FAILED') throw e;
        fields.push(...(e.extra.fields ?? []));
        return null;
      });
    const base = await this.ledger.baseCurrency(t);
    const [contact] = await t.query<{ email: string | null }>(`SELECT email FROM contacts WHERE business_id = $1 AND id = $2`, [
      t.businessId,
      dto.contactId,
    ]);
    const currency = resolved?.header.currency ?? dto.currency ?? base;
    const autoIssue = dto.autoIssue ?? false;
    const autoSend = dto.autoSend ?? false;
    if (autoIssue && currency !== base) {
      fields.push({
        field: 'autoIssue',
        code: 'needs_exchange_rate',
        message:
          `is only possible for ${base} invoices: each ${currency} invoice needs the exchange rate of its own day, ` +
          'so it is created as a draft and you are emailed to issue it',
      });
    }
    if (autoSend && !autoIssue) {
      fields.push({ field: 'autoSend', code: 'needs_auto_issue', message: 'needs the invoices to be issued automatically' });
    } else if (autoSend && contact && !contact.email) {
      fields.push({ field: 'autoSend', code: 'no_email', message: 'needs an email address on the customer' });
    }
    if (dto.endDate && dto.endDate < dto.startDate) {
      fields.push({ field: 'endDate', code: 'before_start', message: 'must not be before the start date' });
    }
    if (fields.length || !resolved) throw validationFailed(fields);
    const index = await nextIndex();
    return {
      contactId: dto.contactId,
      currency,
      lines: resolved.lines.map((l) => ({
        ...(l.productId ? { productId: l.productId } : {}),
        description: l.description,
        quantity: l.quantity,
        unitPrice: toDecimalString(money(l.unitPriceMinor, assertCurrency(currency))),
        discountPercent: l.discountPercent,
        taxRateId: l.taxRateId,
      })),
      notes: dto.notes ?? '',
      terms: dto.terms ?? '',
      frequency: dto.frequency,
      startDate: dto.startDate,
      nextIndex: index,
      nextDate: occurrenceDate(dto.startDate, dto.frequency, index),
      endDate: dto.endDate ?? null,
      maxCount: dto.count ?? null,
      dueDays: dto.dueDays ?? null,
      autoIssue,
      autoSend,
    };
  }

  private async pricing(t: TenantTx): Promise<PricingContext> {
    const [business] = await t.query<{ pricesIncludeTax: boolean; taxRounding: 'line' | 'document' }>(
      `SELECT prices_include_tax AS "pricesIncludeTax", tax_rounding AS "taxRounding" FROM businesses WHERE id = $1`,
      [t.businessId],
    );
    const rates = await t.query<{ id: string; rate: string }>(`SELECT id, rate::text AS rate FROM tax_rates WHERE business_id = $1`, [
      t.businessId,
    ]);
    return { ...business, ratePercent: new Map(rates.map((r) => [r.id, r.rate])) };
  }

  private async present(t: TenantTx, id: string): Promise<RecurringInvoiceDto> {
    const r = await this.repo.get(t, id);
    if (!r) throw notFound('Recurring invoice');
    return this.toDto(r, await this.pricing(t));
  }

  private toDto(r: Omit<TemplateRow, 'cursorAt'>, pricing: PricingContext): RecurringInvoiceDto {
    return {
      id: r.id,
      contact: { id: r.contactId, name: r.contactName },
      currency: r.currency,
      frequency: r.frequency,
      status: r.status,
      startDate: r.startDate,
      nextDate: r.status === 'ended' ? null : r.nextDate,
      endDate: r.endDate,
      count: r.maxCount,
      dueDays: r.dueDays,
      generatedCount: r.generatedCount,
      draftCount: r.draftCount,
      active: r.active,
      autoIssue: r.autoIssue,
      autoSend: r.autoSend,
      amount: amountOf(r, pricing),
      notes: r.notes,
      terms: r.terms,
      lines: r.lines,
      lastError: r.lastError,
      createdAt: r.createdAt,
    };
  }
}

/**
 * One invoice's total, by the same `computeTotals` the invoices use. Null only for a template
 * saved before prices were fixed at save time, whose lines take the product's price when invoiced.
 */
function amountOf(r: Pick<TemplateRow, 'currency' | 'lines'>, pricing: PricingContext) {
  const currency = assertCurrency(r.currency);
  if (r.lines.some((l) => l.unitPrice === undefined)) return null;
  const totals = computeTotals({
    currency,
    pricesIncludeTax: pricing.pricesIncludeTax,
    taxRounding: pricing.taxRounding,
    lines: r.lines.map((l) => ({
      quantity: l.quantity,
      unitPriceMinor: parseMoney(l.unitPrice!, currency).amountMinor,
      discountPercent: l.discountPercent ?? '0',
      taxRatePercent: (l.taxRateId && pricing.ratePercent.get(l.taxRateId)) || '0',
    })),
  });
  return moneyDto(totals.totalMinor, currency);
}
