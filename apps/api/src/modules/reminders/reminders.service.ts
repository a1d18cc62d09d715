import { Injectable, Logger } from '@nestjs/common';
import { assertCurrency, formatMoney, money } from '@keeper/money';
import { daysBetween } from '../../common/dates';
import { notFound } from '../../common/errors';
import { pageOf } from '../../common/pagination';
import { Db } from '../../db/db';
import type { BusinessAccess } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { InvoicePdfService } from '../invoice-documents/invoice-pdf.service';
import { Mailer } from '../mail/mailer';
import type { ReminderHistoryDto, ReminderListQueryDto, ReminderPageDto, ReminderSettingsDto } from './dto/reminders.dto';
import { dueReminderOffset, REMINDER_GRACE_DAYS } from './reminder-schedule';
import { DEFAULT_SETTINGS, RemindersRepository } from './reminders.repository';

const OPEN = ['issued', 'partially_paid'];

/** Replaces {placeholder}s; unknown ones stay as written so a typo is visible, not silently dropped. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole: string, key: string) => values[key] ?? whole);
}

@Injectable()
export class RemindersService {
  private readonly log = new Logger('reminders');

  constructor(
    private readonly db: Db,
    private readonly repo: RemindersRepository,
    private readonly pdfs: InvoicePdfService,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
  ) {}

  getSettings(a: BusinessAccess): Promise<ReminderSettingsDto> {
    return this.db.tenant(a.businessId, async (t) => (await this.repo.settings(t)) ?? DEFAULT_SETTINGS);
  }

  putSettings(a: BusinessAccess, dto: ReminderSettingsDto): Promise<ReminderSettingsDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const offsets = [...new Set(dto.offsets)].sort((x, y) => x - y);
      const before = (await this.repo.settings(t)) ?? DEFAULT_SETTINGS;
      await this.repo.saveSettings(t, { ...dto, offsets });
      const templatesChanged = (['subjectEn', 'bodyEn', 'subjectZh', 'bodyZh'] as const).some((k) => before[k] !== dto[k]);
      await this.audit.record(t, {
        action: 'reminder_settings.updated',
        actorUserId: a.userId,
        targetType: 'reminder_settings',
        details: { enabled: dto.enabled, offsets, ...(templatesChanged ? { messageChanged: true } : {}) },
      });
      return (await this.repo.settings(t))!;
    });
  }

  history(a: BusinessAccess, invoiceId: string): Promise<ReminderHistoryDto> {
    return this.db.tenant(a.businessId, async (t) => {
      if (!(await this.repo.invoiceExists(t, invoiceId))) throw notFound('Invoice');
      // At most one reminder per offset and at most 20 offsets: one page holds them all.
      const rows = await this.repo.history(t, { invoiceId, limit: 100 });
      return { items: rows.map(({ cursorAt: _omit, ...r }) => r) };
    });
  }

  /** Every reminder the business sent, newest first: what went to whom, and when. */
  list(a: BusinessAccess, q: ReminderListQueryDto): Promise<ReminderPageDto> {
    const limit = q.limit ?? 25;
    return this.db.tenant(a.businessId, async (t) =>
      pageOf(await this.repo.history(t, { invoiceId: q.invoiceId, contactId: q.contactId, limit, cursor: q.cursor }), limit),
    );
  }

  /** Every reminder due now across businesses (found through the SECURITY DEFINER function). */
  async sendDue(limit = 500): Promise<number> {
    const due = await this.db.account(null, (tx) => this.repo.due(tx, limit, REMINDER_GRACE_DAYS));
    let sent = 0;
    let failed: Error | null = null;
    for (const d of due) {
      try {
        if (await this.sendOne(d.businessId, d.invoiceId, d.offsetDays)) sent++;
      } catch (e) {
        failed = e as Error;
        this.log.warn({ businessId: d.businessId, invoiceId: d.invoiceId, offset: d.offsetDays, err: failed.message }, 'reminder failed');
      }
    }
    // One bad address must not hold back the others; the job still fails so the failure shows and retries.
    if (failed) throw failed;
    return sent;
  }

  /**
   * Sends one reminder exactly once per (invoice, offset), by record-then-send in ONE transaction:
   * 1. the invoice row is locked and every condition re-checked under RLS (still open, customer
   *    has an email, and the offset is the one `dueReminderOffset` picks for today in the
   *    business's timezone, with no reminder for it or a later offset sent yet);
   * 2. the reminders_sent row is inserted — a concurrent scan blocks on its unique key and, once
   *    this commits, finds the conflict and sends nothing;
   * 3. the mail is sent BEFORE commit: if sending fails the transaction rolls back, the record
   *    disappears and the next scan (the same day) retries. Only a commit that fails after the
   *    SMTP server accepted the message can cause a second copy (at-least-once mail, never zero
   *    and never two for a normal duplicate run) — the better failure for a reminder.
   */
  async sendOne(businessId: string, invoiceId: string, offsetDays: number): Promise<boolean> {
    return this.db.tenant(businessId, async (t) => {
      const settings = await this.repo.settings(t);
      if (!settings?.enabled || !settings.offsets.includes(offsetDays)) return false;
      const inv = await this.repo.candidate(t, invoiceId);
      if (!inv || !OPEN.includes(inv.status) || !inv.email || BigInt(inv.balanceMinor) <= 0n) return false;
      if (dueReminderOffset(settings.offsets, inv.dueDate, inv.today) !== offsetDays) return false;
      if (await this.repo.sentAtOrAfter(t, invoiceId, offsetDays)) return false;
      if (!(await this.repo.record(t, { invoiceId, offsetDays, dueDate: inv.dueDate, toEmail: inv.email }))) return false;

      await this.pdfs.registerLink(t, invoiceId);
      const link = this.pdfs.publicUrl(invoiceId);
      const currency = assertCurrency(inv.currency);
      const values = (locale: string) => ({
        customer: inv.contactName,
        business: inv.businessName,
        number: inv.number,
        amount: formatMoney(money(BigInt(inv.balanceMinor), currency), locale),
        dueDate: inv.dueDate,
        // Counted from the day it is sent, which is later than the offset's day when a scan was missed.
        days: String(Math.abs(daysBetween(inv.dueDate, inv.today))),
        link,
      });
      const en = values('en');
      const zh = values('zh-CN');
      await this.mailer.send({
        to: inv.email,
        subject: `${fillTemplate(settings.subjectEn, en)} / ${fillTemplate(settings.subjectZh, zh)}`,
        text: `${fillTemplate(settings.bodyEn, en)}\n\n---\n\n${fillTemplate(settings.bodyZh, zh)}\n`,
      });
      await this.audit.record(t, {
        action: 'reminder.sent',
        actorUserId: null,
        targetType: 'invoice',
        targetId: invoiceId,
        details: { number: inv.number, offsetDays, to: inv.email },
      });
      this.log.log({ businessId, invoiceId, offsetDays }, 'payment reminder sent');
      return true;
    });
  }
}
