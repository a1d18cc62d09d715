import { Injectable } from '@nestjs/common';
import { decodeCursor } from '../../common/pagination';
import type { TenantTx, Tx } from '../../db/db';
import type { InvoiceLineInputDto } from '../invoices/dto/invoice.dto';
import type { TemplateStatus } from './dto/recurring.dto';
import type { Frequency } from './schedule';

export interface TemplateRow {
  id: string;
  contactId: string;
  contactName: string;
  currency: string;
  lines: InvoiceLineInputDto[];
  notes: string;
  terms: string;
  frequency: Frequency;
  status: TemplateStatus;
  startDate: string;
  nextIndex: number;
  nextDate: string;
  endDate: string | null;
  maxCount: number | null;
  generatedCount: number;
  draftCount: number;
  dueDays: number | null;
  active: boolean;
  autoIssue: boolean;
  autoSend: boolean;
  lastError: string | null;
  createdBy: string;
  createdAt: Date;
  cursorAt: string;
}

export interface TemplateValues {
  contactId: string;
  currency: string;
  lines: InvoiceLineInputDto[];
  notes: string;
  terms: string;
  frequency: Frequency;
  startDate: string;
  nextIndex: number;
  nextDate: string;
  endDate: string | null;
  maxCount: number | null;
  dueDays: number | null;
  autoIssue: boolean;
  autoSend: boolean;
}

/** Ended = no occurrence left; the same rule as `hasEnded` in the service and the due-occurrences function. */
const ENDED = `((t.end_date IS NOT NULL AND t.next_date > t.end_date) OR (t.max_count IS NOT NULL AND t.generated_count >= t.max_count))`;
const STATUS = `CASE WHEN ${ENDED} THEN 'ended' WHEN t.active THEN 'active' ELSE 'paused' END`;

const COLUMNS = `t.id, t.contact_id AS "contactId", c.name AS "contactName", t.currency, t.lines, t.notes, t.terms,
  t.frequency, ${STATUS} AS status, t.start_date::text AS "startDate", t.next_index AS "nextIndex",
  t.next_date::text AS "nextDate", t.end_date::text AS "endDate", t.max_count AS "maxCount",
  t.generated_count AS "generatedCount", t.due_days AS "dueDays", t.active, t.auto_issue AS "autoIssue",
  t.auto_send AS "autoSend", t.last_error AS "lastError", t.created_by AS "createdBy", t.created_at AS "createdAt",
  t.created_at::text AS "cursorAt",
  (SELECT count(*)::int FROM recurring_invoice_runs r JOIN invoices i ON i.business_id = r.business_id AND i.id = r.invoice_id
    WHERE r.business_id = t.business_id AND r.template_id = t.id AND i.status = 'draft') AS "draftCount"`;

const FROM = `recurring_invoice_templates t JOIN contacts c ON c.business_id = t.business_id AND c.id = t.contact_id`;

@Injectable()
export class RecurringRepository {
  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<TemplateRow | null> {
    const [row] = await t.query<TemplateRow>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE t.business_id = $1 AND t.id = $2 ${opts.lock ? 'FOR UPDATE OF t' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  list(t: TenantTx, q: { limit: number; cursor?: string; status?: TemplateStatus; contactId?: string }): Promise<TemplateRow[]> {
    const cursor = decodeCursor(q.cursor);
    return t.query<TemplateRow>(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE t.business_id = $1 AND ($2::timestamptz IS NULL OR (t.created_at, t.id) < ($2::timestamptz, $3::uuid))
          AND ($5::text IS NULL OR ${STATUS} = $5)
          AND ($6::uuid IS NULL OR t.contact_id = $6)
        ORDER BY t.created_at DESC, t.id DESC LIMIT $4`,
      [t.businessId, cursor?.at ?? null, cursor?.id ?? null, q.limit + 1, q.status ?? null, q.contactId ?? null],
    );
  }

  async insert(t: TenantTx, v: TemplateValues, createdBy: string): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO recurring_invoice_templates (business_id, contact_id, currency, lines, notes, terms, frequency,
         start_date, next_index, next_date, end_date, max_count, due_days, auto_issue, auto_send, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [t.businessId, v.contactId, v.currency, JSON.stringify(v.lines), v.notes, v.terms, v.frequency, v.startDate,
        v.nextIndex, v.nextDate, v.endDate, v.maxCount, v.dueDays, v.autoIssue, v.autoSend, createdBy],
    );
    return row.id;
  }

  async update(t: TenantTx, id: string, v: TemplateValues): Promise<void> {
    await t.execute(
      `UPDATE recurring_invoice_templates SET contact_id = $3, currency = $4, lines = $5, notes = $6, terms = $7,
         frequency = $8, start_date = $9, next_index = $10, next_date = $11, end_date = $12, max_count = $13,
         due_days = $14, auto_issue = $15, auto_send = $16, last_error = NULL, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, v.contactId, v.currency, JSON.stringify(v.lines), v.notes, v.terms, v.frequency, v.startDate,
        v.nextIndex, v.nextDate, v.endDate, v.maxCount, v.dueDays, v.autoIssue, v.autoSend],
    );
  }

  async setActive(t: TenantTx, id: string, active: boolean, next?: { nextIndex: number; nextDate: string }): Promise<void> {
    await t.execute(
      `UPDATE recurring_invoice_templates
          SET active = $3, next_index = COALESCE($4, next_index), next_date = COALESCE($5::date, next_date),
              last_error = CASE WHEN $3 THEN NULL ELSE last_error END, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, active, next?.nextIndex ?? null, next?.nextDate ?? null],
    );
  }

  async pauseWithError(t: TenantTx, id: string, error: string): Promise<void> {
    await t.execute(
      `UPDATE recurring_invoice_templates SET active = false, last_error = left($3, 2000), updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, error],
    );
  }

  /** Moves to the next occurrence after one was generated. */
  async advance(t: TenantTx, id: string, nextIndex: number, nextDate: string): Promise<void> {
    await t.execute(
      `UPDATE recurring_invoice_templates SET next_index = $3, next_date = $4, generated_count = generated_count + 1,
              updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, nextIndex, nextDate],
    );
  }

  async delete(t: TenantTx, id: string): Promise<number> {
    return t.execute(`DELETE FROM recurring_invoice_templates WHERE business_id = $1 AND id = $2`, [t.businessId, id]);
  }

  async runCount(t: TenantTx, templateId: string): Promise<number> {
    const [row] = await t.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM recurring_invoice_runs WHERE business_id = $1 AND template_id = $2`,
      [t.businessId, templateId],
    );
    return row.n;
  }

  /** The latest occurrence that has its invoice, or null. */
  async lastOccurrence(t: TenantTx, templateId: string): Promise<string | null> {
    const [row] = await t.query<{ last: string | null }>(
      `SELECT max(occurrence_date)::text AS last FROM recurring_invoice_runs WHERE business_id = $1 AND template_id = $2`,
      [t.businessId, templateId],
    );
    return row.last;
  }

  /** Generated invoices, newest first (keyset over the run's created_at, id). */
  runs(t: TenantTx, templateId: string, q: { limit: number; cursor?: string }) {
    const cursor = decodeCursor(q.cursor);
    return t.query<{ id: string; occurrenceDate: string; invoiceId: string; cursorAt: string }>(
      `SELECT id, occurrence_date::text AS "occurrenceDate", invoice_id AS "invoiceId", created_at::text AS "cursorAt"
         FROM recurring_invoice_runs
        WHERE business_id = $1 AND template_id = $2
          AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $5`,
      [t.businessId, templateId, cursor?.at ?? null, cursor?.id ?? null, q.limit + 1],
    );
  }

  /** Inserts the link row; false when this occurrence already has its invoice. */
  async insertRun(t: TenantTx, templateId: string, occurrenceDate: string, invoiceId: string): Promise<boolean> {
    const n = await t.execute(
      `INSERT INTO recurring_invoice_runs (business_id, template_id, occurrence_date, invoice_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT (business_id, template_id, occurrence_date) DO NOTHING`,
      [t.businessId, templateId, occurrenceDate, invoiceId],
    );
    return n === 1;
  }

  /** Who is told that a generated draft waits to be issued: its creator while a member, otherwise the owners. */
  draftRecipients(t: TenantTx, createdBy: string) {
    return t.query<{ email: string; name: string; locale: 'en' | 'zh-CN' }>(
      `SELECT u.email, u.name, u.locale FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.business_id = $1
          AND (m.user_id = $2
               OR (m.role = 'owner' AND NOT EXISTS (SELECT 1 FROM memberships x WHERE x.business_id = $1 AND x.user_id = $2)))
        ORDER BY u.email`,
      [t.businessId, createdBy],
    );
  }

  /** Across businesses, through the SECURITY DEFINER function (ids and dates only). */
  dueOccurrences(tx: Tx, limit: number) {
    return tx.query<{ businessId: string; templateId: string; occurrenceDate: string }>(
      `SELECT business_id AS "businessId", template_id AS "templateId", occurrence_date::text AS "occurrenceDate"
         FROM due_recurring_occurrences($1)`,
      [limit],
    );
  }
}
