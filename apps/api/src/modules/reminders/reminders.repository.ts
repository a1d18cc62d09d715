import { Injectable } from '@nestjs/common';
import { decodeCursor } from '../../common/pagination';
import type { TenantTx, Tx } from '../../db/db';
import type { ReminderSentDto, ReminderSettingsDto } from './dto/reminders.dto';

export const DEFAULT_SETTINGS: ReminderSettingsDto = {
  enabled: false,
  offsets: [-3, 1, 7, 14],
  subjectEn: 'Reminder: invoice {number} from {business}',
  bodyEn:
    'Dear {customer},\n\nThis is a friendly reminder that invoice {number} for {amount} is due on {dueDate}.\n' +
    'You can view and pay it here: {link}\n\nThank you,\n{business}',
  subjectZh: '付款提醒：{business} 的发票 {number}',
  bodyZh: '{customer}，您好：\n\n发票 {number}（应付 {amount}）的到期日为 {dueDate}。\n在线查看：{link}\n\n谢谢！\n{business}',
};

export interface ReminderCandidate {
  invoiceId: string;
  number: string;
  status: string;
  dueDate: string;
  currency: string;
  balanceMinor: string;
  contactName: string;
  email: string | null;
  businessName: string;
  today: string;
}

@Injectable()
export class RemindersRepository {
  async settings(t: TenantTx): Promise<ReminderSettingsDto | null> {
    const [row] = await t.query<ReminderSettingsDto>(
      `SELECT enabled, offsets, subject_en AS "subjectEn", body_en AS "bodyEn", subject_zh AS "subjectZh", body_zh AS "bodyZh"
         FROM reminder_settings WHERE business_id = $1`,
      [t.businessId],
    );
    return row ?? null;
  }

  async saveSettings(t: TenantTx, s: ReminderSettingsDto): Promise<void> {
    await t.execute(
      `INSERT INTO reminder_settings (business_id, enabled, offsets, subject_en, body_en, subject_zh, body_zh)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (business_id) DO UPDATE SET enabled = EXCLUDED.enabled, offsets = EXCLUDED.offsets,
         subject_en = EXCLUDED.subject_en, body_en = EXCLUDED.body_en, subject_zh = EXCLUDED.subject_zh,
         body_zh = EXCLUDED.body_zh, updated_at = now()`,
      [t.businessId, s.enabled, s.offsets, s.subjectEn, s.bodyEn, s.subjectZh, s.bodyZh],
    );
  }

  /** The invoice as a reminder needs it, locked so a payment cannot land between the check and the record. */
  async candidate(t: TenantTx, invoiceId: string): Promise<ReminderCandidate | null> {
    const [row] = await t.query<ReminderCandidate>(
      `SELECT i.id AS "invoiceId", i.number, i.status, i.due_date::text AS "dueDate", i.currency,
              (i.total_minor - i.paid_minor - i.credited_minor)::text AS "balanceMinor",
              c.name AS "contactName", c.email, b.name AS "businessName",
              (now() AT TIME ZONE b.timezone)::date::text AS today
         FROM invoices i
         JOIN contacts c ON c.business_id = i.business_id AND c.id = i.contact_id
         JOIN businesses b ON b.id = i.business_id
        WHERE i.business_id = $1 AND i.id = $2
        FOR UPDATE OF i`,
      [t.businessId, invoiceId],
    );
    return row ?? null;
  }

  /** Takes the (invoice, offset) key; false when a reminder for it was already recorded. */
  async record(t: TenantTx, r: { invoiceId: string; offsetDays: number; dueDate: string; toEmail: string }): Promise<boolean> {
    const n = await t.execute(
      `INSERT INTO reminders_sent (business_id, invoice_id, offset_days, due_date, to_email) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (business_id, invoice_id, offset_days) DO NOTHING`,
      [t.businessId, r.invoiceId, r.offsetDays, r.dueDate, r.toEmail],
    );
    return n === 1;
  }

  /** Whether a reminder for this offset, or for a later one, was already sent (offsets may have changed since). */
  async sentAtOrAfter(t: TenantTx, invoiceId: string, offsetDays: number): Promise<boolean> {
    const rows = await t.query(
      `SELECT 1 FROM reminders_sent WHERE business_id = $1 AND invoice_id = $2 AND offset_days >= $3 LIMIT 1`,
      [t.businessId, invoiceId, offsetDays],
    );
    return rows.length > 0;
  }

  /** Sent reminders, newest first (keyset over sent_at, id), optionally for one invoice or customer. */
  history(t: TenantTx, q: { invoiceId?: string; contactId?: string; limit: number; cursor?: string }) {
    const after = decodeCursor(q.cursor);
    return t.query<ReminderSentDto & { cursorAt: string }>(
      `SELECT r.id, json_build_object('id', i.id, 'number', i.number) AS invoice,
              json_build_object('id', c.id, 'name', c.name) AS contact,
              r.offset_days AS "offsetDays", r.due_date::text AS "dueDate", r.to_email AS "toEmail", r.sent_at AS "sentAt",
              r.sent_at::text AS "cursorAt"
         FROM reminders_sent r
         JOIN invoices i ON i.business_id = r.business_id AND i.id = r.invoice_id
         JOIN contacts c ON c.business_id = i.business_id AND c.id = i.contact_id
        WHERE r.business_id = $1
          AND ($2::uuid IS NULL OR r.invoice_id = $2)
          AND ($3::uuid IS NULL OR i.contact_id = $3)
          AND ($4::timestamptz IS NULL OR (r.sent_at, r.id) < ($4::timestamptz, $5::uuid))
        ORDER BY r.sent_at DESC, r.id DESC LIMIT $6`,
      [t.businessId, q.invoiceId ?? null, q.contactId ?? null, after?.at ?? null, after?.id ?? null, q.limit + 1],
    );
  }

  async invoiceExists(t: TenantTx, invoiceId: string): Promise<boolean> {
    const rows = await t.query(`SELECT 1 FROM invoices WHERE business_id = $1 AND id = $2`, [t.businessId, invoiceId]);
    return rows.length > 0;
  }

  /** Across businesses, through the SECURITY DEFINER function (ids and offsets only). */
  due(tx: Tx, limit: number, graceDays: number) {
    return tx.query<{ businessId: string; invoiceId: string; offsetDays: number }>(
      `SELECT business_id AS "businessId", invoice_id AS "invoiceId", offset_days AS "offsetDays"
         FROM due_payment_reminders($1, $2)`,
      [limit, graceDays],
    );
  }
}
