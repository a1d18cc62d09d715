import { Inject, Injectable, Logger } from '@nestjs/common';
import { assertCurrency, formatMoney, money } from '@keeper/money';
import { addDays } from '../../common/dates';
import { DomainError } from '../../common/errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Db, TenantTx } from '../../db/db';
import type { BusinessAccess } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { InvoiceDocumentsService } from '../invoice-documents/invoice-documents.service';
import { InvoicesRepository } from '../invoices/invoices.repository';
import { InvoicesService } from '../invoices/invoices.service';
import { LedgerService } from '../ledger/ledger.service';
import { Mailer } from '../mail/mailer';
import { OutboxService } from '../outbox/outbox.service';
import { RecurringRepository } from './recurring.repository';
import { hasEnded, occurrenceDate } from './schedule';

/**
 * How many occurrences of one template a single generate job creates before it stops. Each
 * occurrence is its own transaction with its own unique run row, so the cap is not about
 * correctness: it keeps a template years behind (a weekly series started in 2020) from holding
 * one of the scheduler queue's few worker slots for minutes while other businesses' invoices and
 * reminders wait. Two years of monthly invoices fit in one run; the rest follow on the next scan
 * (SCHEDULER_SCAN_EVERY_SECONDS later), whose job id names the new next date.
 */
export const CATCH_UP_PER_RUN = 24;

export interface Generated {
  invoiceId: string;
  nextDate: string;
  /** Whether the template's next occurrence is also due already (the template is behind). */
  nextDue: boolean;
}

/** The worker side of recurring invoices: generating occurrences and telling the owner about drafts. */
@Injectable()
export class RecurringGenerator {
  private readonly log = new Logger('recurring');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly repo: RecurringRepository,
    private readonly invoices: InvoicesService,
    private readonly invoiceRows: InvoicesRepository,
    private readonly documents: InvoiceDocumentsService,
    private readonly ledger: LedgerService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Generates `first` and then every occurrence already due after it, in date order, at most
   * `cap` of them. Stops at the first occurrence that is not the template's next one (another run
   * got there first), so two overlapping runs never duplicate and never skip. Returns how many it made.
   */
  async generateDue(businessId: string, templateId: string, first: string, cap = CATCH_UP_PER_RUN): Promise<number> {
    let occurrence = first;
    let made = 0;
    while (made < cap) {
      const g = await this.generate(businessId, templateId, occurrence);
      if (!g) break;
      made++;
      if (!g.nextDue) break;
      occurrence = g.nextDate;
    }
    return made;
  }

  /**
   * Generates one occurrence: the invoice (draft, or issued and perhaps emailed), its link row and
   * the template's advance commit together. The template row lock serialises concurrent runs; a
   * run whose occurrence is no longer the template's next one does nothing, and the unique link row
   * is the last wall. A draft gets an outbox row that emails the owner to issue it.
   */
  generate(businessId: string, templateId: string, occurrence: string): Promise<Generated | null> {
    return this.db.tenant(businessId, async (t) => {
      const r = await this.repo.get(t, templateId, { lock: true });
      if (!r || !r.active || r.nextDate !== occurrence || hasEnded(r)) return null;
      const access: BusinessAccess = { businessId, userId: r.createdBy, role: 'owner', membershipId: '' };
      const draft = await this.invoices.createDraft(access, {
        contactId: r.contactId,
        currency: r.currency,
        issueDate: occurrence,
        ...(r.dueDays === null ? {} : { dueDate: addDays(occurrence, r.dueDays) }),
        notes: r.notes,
        terms: r.terms,
        lines: r.lines,
      });
      if (!(await this.repo.insertRun(t, templateId, occurrence, draft.id))) {
        // Unreachable while the lock holds; refuse rather than leave an unlinked invoice.
        throw new DomainError('CONFLICT', `Occurrence ${occurrence} of template ${templateId} already generated`);
      }
      if (r.autoIssue) {
        await this.invoices.issue(access, draft.id, {});
        if (r.autoSend) await this.documents.send(access, draft.id, {});
      } else {
        await this.outbox.add(t, 'recurring.draft-ready', { businessId, templateId, invoiceId: draft.id });
      }
      const nextIndex = r.nextIndex + 1;
      const nextDate = occurrenceDate(r.startDate, r.frequency, nextIndex);
      await this.repo.advance(t, templateId, nextIndex, nextDate);
      const after = { ...r, nextIndex, nextDate, generatedCount: r.generatedCount + 1 };
      return { invoiceId: draft.id, nextDate, nextDue: !hasEnded(after) && nextDate <= (await this.ledger.today(t)) };
    });
  }

  /** A generation the data refuses (archived customer, inactive product...) pauses the template with the reason. */
  async pauseAfterFailure(businessId: string, templateId: string, error: DomainError): Promise<void> {
    const fields = error.extra.fields?.map((f) => `${f.field} ${f.message}`).join('; ');
    const message = fields ? `${error.message}: ${fields}` : error.message;
    this.log.warn({ businessId, templateId, err: message }, 'recurring invoice paused');
    await this.db.tenant(businessId, async (t) => {
      await this.repo.pauseWithError(t, templateId, message);
      await this.audit.record(t, {
        action: 'recurring_invoice.paused',
        actorUserId: null,
        targetType: 'recurring_invoice',
        targetId: templateId,
        details: { reason: message },
      });
    });
  }

  /**
   * Emails the template's creator (or, once they left, the owners) that a generated invoice waits
   * in draft. Sent inside the caller's transaction, before the outbox row is marked done with it:
   * a failed send rolls back and is retried; a duplicate delivery finds the row done.
   */
  async notifyDraft(t: TenantTx, templateId: string, invoiceId: string): Promise<number> {
    const template = await this.repo.get(t, templateId);
    const inv = await this.invoiceRows.get(t, invoiceId);
    // Issued or deleted in the meantime: nothing is waiting any more.
    if (!template || !inv || inv.status !== 'draft') return 0;
    const base = await this.ledger.baseCurrency(t);
    const [business] = await t.query<{ name: string }>(`SELECT name FROM businesses WHERE id = $1`, [t.businessId]);
    const url = new URL(`/b/${t.businessId}/sales/invoices/${invoiceId}/edit`, this.config.WEB_ORIGIN).toString();
    const amount = (locale: string) => formatMoney(money(BigInt(inv.totalMinor), assertCurrency(inv.currency)), locale);
    const foreign = inv.currency !== base;
    const en =
      `A recurring invoice to ${inv.contactName} for ${amount('en')}, dated ${inv.issueDate}, was created as a draft in ${business.name}.\n\n` +
      (foreign
        ? `It is in ${inv.currency}, so it needs the exchange rate to ${base} of the day you issue it. Open it, check it and issue it with that rate:\n`
        : 'Open it, check it and issue it when it is right:\n') +
      `${url}\n`;
    const zh =
      `${business.name} 已为 ${inv.contactName} 生成一张定期发票草稿，金额 ${amount('zh-CN')}，日期 ${inv.issueDate}。\n\n` +
      (foreign
        ? `该发票以 ${inv.currency} 计价，开具时需要填写当天 ${inv.currency} 兑 ${base} 的汇率。请打开核对后按当天汇率开具：\n`
        : '请打开核对，确认无误后开具：\n') +
      `${url}\n`;
    const recipients = await this.repo.draftRecipients(t, template.createdBy);
    for (const to of recipients) {
      await this.mailer.send({
        to: to.email,
        subject:
          to.locale === 'zh-CN'
            ? `待开具：${inv.contactName} 的定期发票草稿`
            : `Draft to issue: recurring invoice to ${inv.contactName}`,
        text: to.locale === 'zh-CN' ? zh : en,
      });
    }
    this.log.log({ businessId: t.businessId, templateId, invoiceId, recipients: recipients.length }, 'recurring draft notice sent');
    return recipients.length;
  }
}
