import { Injectable } from '@nestjs/common';
import { decodeCursor } from '../../common/pagination';
import type { TenantTx, Tx } from '../../db/db';
import type { InvoiceLineInputDto } from '../invoices/dto/invoice.dto';
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
  startDate: string;
  nextIndex: number;
  nextDate: string;
  endDate: string | null;
  maxCount: number | null;
  active: boolean;
  autoIssue: boolean;
  lastError: string | null;
  createdBy: string;
  createdAt: string;
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
  autoIssue: boolean;
}

const COLUMNS = `t.id, t.contact_id AS "contactId", c.name AS "contactName", t.currency, t.lines, t.notes, t.terms,
  t.frequency, t.start_date::text AS "startDate", t.next_index AS "nextIndex", t.next_date::text AS "nextDate",
  t.end_date::text AS "endDate", t.max_count AS "maxCount", t.active, t.auto_issue AS "autoIssue",
  t.last_error AS "lastError", t.created_by AS "createdBy", t.created_at AS "createdAt", t.created_at::text AS "cursorAt"`;

@Injectable()
export class RecurringRepository {
  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<TemplateRow | null> {
    const [row] = await t.query<TemplateRow>(
      `SELECT ${COLUMNS} FROM recurring_invoice_templates t
         JOIN contacts c ON c.business_id = t.business_id AND c.id = t.contact_id
        WHERE t.business_id = $1 AND t.id = $2 ${opts.lock ? 'FOR UPDATE OF t' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  list(t: TenantTx, q: { limit: number; cursor?: string }): Promise<TemplateRow[]> {
    const cursor = decodeCursor(q.cursor);
    return t.query<TemplateRow>(
      `SELECT ${COLUMNS} FROM recurring_invoice_templates t
         JOIN contacts c ON c.business_id = t.business_id AND c.id = t.contact_id
        WHERE t.business_id = $1 AND ($2::timestamptz IS NULL OR (t.created_at, t.id) < ($2::timestamptz, $3::uuid))
        ORDER BY t.created_at DESC, t.id DESC LIMIT $4`,
      [t.businessId, cursor?.at ?? null, cursor?.id ?? null, q.limit + 1],
    );
  }

  async insert(t: TenantTx, v: TemplateValues, createdBy: string): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO recurring_invoice_templates (business_id, contact_id, currency, lines, notes, terms, frequency,
         start_date, next_index, next_date, end_date, max_count, auto_issue, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [t.businessId, v.contactId, v.currency, JSON.stringify(v.lines), v.notes, v.terms, v.frequency, v.startDate,
        v.nextIndex, v.nextDate, v.endDate, v.maxCount, v.autoIssue, createdBy],
    );
    return row.id;
  }

  async update(t: TenantTx, id: string, v: TemplateValues): Promise<void> {
    await t.execute(
      `UPDATE recurring_invoice_templates SET contact_id = $3, currency = $4, lines = $5, notes = $6, terms = $7,
         frequency = $8, start_date = $9, next_index = $10, next_date = $11, end_date = $12, max_count = $13,
         auto_issue = $14, last_error = NULL, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, v.contactId, v.currency, JSON.stringify(v.lines), v.notes, v.terms, v.frequency, v.startDate,
        v.nextIndex, v.nextDate, v.endDate, v.maxCount, v.autoIssue],
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

  async advance(t: TenantTx, id: string, nextIndex: number, nextDate: string): Promise<void> {
    await t.execute(
      `UPDATE recurring_invoice_templates SET next_index = $3, next_date = $4, updated_at = now()
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

  runs(t: TenantTx, templateId: string, limit = 24) {
    return t.query<{ occurrenceDate: string; invoiceId: string; createdAt: string }>(
      `SELECT occurrence_date::text AS "occurrenceDate", invoice_id AS "invoiceId", created_at AS "createdAt"
         FROM recurring_invoice_runs WHERE business_id = $1 AND template_id = $2
        ORDER BY occurrence_date DESC LIMIT $3`,
      [t.businessId, templateId, limit],
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


  /** Across businesses, through the SECURITY DEFINER function (ids and dates only). */
  dueOccurrences(tx: Tx, limit: number) {
    return tx.query<{ businessId: string; templateId: string; occurrenceDate: string }>(
      `SELECT business_id AS "businessId", template_id AS "templateId", occurrence_date::text AS "occurrenceDate"
         FROM due_recurring_occurrences($1)`,
      [limit],
    );
  }
}
