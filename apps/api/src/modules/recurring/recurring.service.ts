import { Injectable, Logger } from '@nestjs/common';
import { DomainError, FieldError, notFound, validationFailed } from '../../common/errors';
import { pageOf } from '../../common/pagination';
import { Db, TenantTx } from '../../db/db';
import type { BusinessAccess } from '../access/principal';
import { InvoicesService } from '../invoices/invoices.service';
import { LedgerService } from '../ledger/ledger.service';
import type { RecurringInvoiceDto, RecurringInvoiceInputDto, RecurringInvoiceListQueryDto } from './dto/recurring.dto';
import { RecurringRepository, TemplateRow, TemplateValues } from './recurring.repository';
import { occurrenceDate } from './schedule';

/** Whether the template has no occurrence left (end date passed or count reached). */
export const hasEnded = (r: Pick<TemplateRow, 'nextDate' | 'nextIndex' | 'endDate' | 'maxCount'>) =>
  (r.endDate !== null && r.nextDate > r.endDate) || (r.maxCount !== null && r.nextIndex >= r.maxCount);

@Injectable()
export class RecurringService {
  private readonly log = new Logger('recurring');

  constructor(
    private readonly db: Db,
    private readonly repo: RecurringRepository,
    private readonly invoices: InvoicesService,
    private readonly ledger: LedgerService,
  ) {}

  create(a: BusinessAccess, dto: RecurringInvoiceInputDto): Promise<RecurringInvoiceDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const v = await this.values(t, dto, 0);
      const id = await this.repo.insert(t, v, a.userId);
      return this.present(t, id);
    });
  }

  /** Replaces the template. Occurrences already generated stay; the schedule continues from the new start. */
  update(a: BusinessAccess, id: string, dto: RecurringInvoiceInputDto): Promise<RecurringInvoiceDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const current = await this.repo.get(t, id, { lock: true });
      if (!current) throw notFound('Recurring invoice');
      const v = await this.values(t, dto, current.startDate === dto.startDate && current.frequency === dto.frequency ? current.nextIndex : 0);
      await this.repo.update(t, id, v);
      return this.present(t, id);
    });
  }

  get(a: BusinessAccess, id: string): Promise<RecurringInvoiceDto> {
    return this.db.tenant(a.businessId, (t) => this.present(t, id));
  }

  list(a: BusinessAccess, q: RecurringInvoiceListQueryDto) {
    const limit = q.limit ?? 25;
    return this.db.tenant(a.businessId, async (t) => {
      const page = pageOf(await this.repo.list(t, { limit, cursor: q.cursor }), limit);
      return { nextCursor: page.nextCursor, items: page.items.map((r) => this.toDto(r, [])) };
    });
  }

  pause(a: BusinessAccess, id: string): Promise<RecurringInvoiceDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const r = await this.repo.get(t, id, { lock: true });
      if (!r) throw notFound('Recurring invoice');
      await this.repo.setActive(t, id, false);
      return this.present(t, id);
    });
  }

  /** Resumes without back-filling: occurrences missed while paused are skipped up to today. */
  resume(a: BusinessAccess, id: string): Promise<RecurringInvoiceDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const r = await this.repo.get(t, id, { lock: true });
      if (!r) throw notFound('Recurring invoice');
      const today = await this.ledger.today(t);
      let n = r.nextIndex;
      while (occurrenceDate(r.startDate, r.frequency, n) < today) n++;
      await this.repo.setActive(t, id, true, { nextIndex: n, nextDate: occurrenceDate(r.startDate, r.frequency, n) });
      return this.present(t, id);
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
    });
  }

  /**
   * Generates one occurrence: the invoice (draft or issued), its link row and the template's
   * advance commit together. The template row lock serialises concurrent runs; a run whose
   * occurrence is no longer the template's next one does nothing, and the unique link row is the
   * last wall. Returns the invoice id, or null when there was nothing to do.
   */
  generate(businessId: string, templateId: string, occurrence: string): Promise<string | null> {
    return this.db.tenant(businessId, async (t) => {
      const r = await this.repo.get(t, templateId, { lock: true });
      if (!r || !r.active || r.nextDate !== occurrence || hasEnded(r)) return null;
      const access: BusinessAccess = { businessId, userId: r.createdBy, role: 'owner', membershipId: '' };
      const draft = await this.invoices.createDraft(access, {
        contactId: r.contactId,
        currency: r.currency,
        issueDate: occurrence,
        notes: r.notes,
        terms: r.terms,
        lines: r.lines,
      });
      if (!(await this.repo.insertRun(t, templateId, occurrence, draft.id))) {
        // Unreachable while the lock holds; refuse rather than leave an unlinked invoice.
        throw new DomainError('CONFLICT', `Occurrence ${occurrence} of template ${templateId} already generated`);
      }
      if (r.autoIssue) await this.invoices.issue(access, draft.id, {});
      await this.repo.advance(t, templateId, r.nextIndex + 1, occurrenceDate(r.startDate, r.frequency, r.nextIndex + 1));
      return draft.id;
    });
  }

  /** A generation the data refuses (archived customer, inactive product...) pauses the template with the reason. */
  async pauseAfterFailure(businessId: string, templateId: string, error: DomainError): Promise<void> {
    const fields = error.extra.fields?.map((f) => `${f.field} ${f.message}`).join('; ');
    const message = fields ? `${error.message}: ${fields}` : error.message;
    this.log.warn({ businessId, templateId, err: message }, 'recurring invoice paused');
    await this.db.tenant(businessId, (t) => this.repo.pauseWithError(t, templateId, message));
  }

  private async values(t: TenantTx, dto: RecurringInvoiceInputDto, nextIndex: number): Promise<TemplateValues> {
    const fields: FieldError[] = [];
    const [business] = await t.query<{ baseCurrency: string }>(
      `SELECT base_currency AS "baseCurrency" FROM businesses WHERE id = $1`,
      [t.businessId],
    );
    const [contact] = await t.query<{ currency: string | null; kind: string; archivedAt: string | null }>(
      `SELECT currency, kind, archived_at AS "archivedAt" FROM contacts WHERE business_id = $1 AND id = $2`,
      [t.businessId, dto.contactId],
    );
    if (!contact) fields.push({ field: 'contactId', code: 'not_found', message: 'is not a customer of this business' });
    else if (contact.kind === 'supplier') fields.push({ field: 'contactId', code: 'not_a_customer', message: 'is a supplier, not a customer' });
    else if (contact.archivedAt) fields.push({ field: 'contactId', code: 'archived', message: 'is archived; unarchive the customer first' });
    const currency = dto.currency ?? contact?.currency ?? business.baseCurrency;
    const autoIssue = dto.autoIssue ?? false;
    if (autoIssue && currency !== business.baseCurrency) {
      fields.push({
        field: 'autoIssue',
        code: 'needs_exchange_rate',
        message: `is only possible for ${business.baseCurrency} invoices; ${currency} invoices need an exchange rate when issued`,
      });
    }
    if (dto.endDate && dto.endDate < dto.startDate) {
      fields.push({ field: 'endDate', code: 'before_start', message: 'must not be before the start date' });
    }
    if (fields.length) throw validationFailed(fields);
    return {
      contactId: dto.contactId,
      currency,
      lines: dto.lines.map((l) => ({ ...l })),
      notes: dto.notes ?? '',
      terms: dto.terms ?? '',
      frequency: dto.frequency,
      startDate: dto.startDate,
      nextIndex,
      nextDate: occurrenceDate(dto.startDate, dto.frequency, nextIndex),
      endDate: dto.endDate ?? null,
      maxCount: dto.count ?? null,
      autoIssue,
    };
  }

  private async present(t: TenantTx, id: string): Promise<RecurringInvoiceDto> {
    const r = await this.repo.get(t, id);
    if (!r) throw notFound('Recurring invoice');
    return this.toDto(r, await this.repo.runs(t, id));
  }

  private toDto(r: Omit<TemplateRow, 'cursorAt'>, runs: RecurringInvoiceDto['runs']): RecurringInvoiceDto {
    return {
      id: r.id,
      contact: { id: r.contactId, name: r.contactName },
      currency: r.currency,
      frequency: r.frequency,
      startDate: r.startDate,
      nextDate: hasEnded(r) ? null : r.nextDate,
      endDate: r.endDate,
      count: r.maxCount,
      generatedCount: r.nextIndex,
      active: r.active,
      autoIssue: r.autoIssue,
      notes: r.notes,
      terms: r.terms,
      lines: r.lines,
      lastError: r.lastError,
      runs,
      createdAt: r.createdAt,
    };
  }
}
