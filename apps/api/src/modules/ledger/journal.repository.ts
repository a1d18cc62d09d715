import { Injectable } from '@nestjs/common';
import type { TenantTx } from '../../db/db';

export interface EntryRow {
  id: string;
  entryNumber: string;
  entryDate: string;
  description: string;
  sourceType: string;
  sourceId: string | null;
  reversesEntryId: string | null;
  reversedByEntryId: string | null;
  postedBy: { id: string; name: string } | null;
  createdAt: Date;
}

export interface LineRow {
  entryId: string;
  lineNo: number;
  accountId: string;
  accountCode: string;
  accountName: string;
  accountType: string;
  currency: string;
  amountMinor: string;
  baseAmountMinor: string;
  contactId: string | null;
  description: string | null;
}

export interface NewLine {
  accountId: string;
  currency: string;
  amountMinor: bigint;
  baseAmountMinor: bigint;
  contactId: string | null;
  description: string | null;
}

// entry_date travels as text: a JS Date would shift it by the server's time zone.
const ENTRY_COLUMNS = `e.id, e.entry_number::text AS "entryNumber", e.entry_date::text AS "entryDate", e.description,
  e.source_type AS "sourceType", e.source_id AS "sourceId", e.reverses_entry_id AS "reversesEntryId",
  r.id AS "reversedByEntryId",
  CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS "postedBy",
  e.created_at AS "createdAt"`;

const ENTRY_FROM = `journal_entries e
  LEFT JOIN journal_entries r ON r.business_id = e.business_id AND r.reverses_entry_id = e.id
  LEFT JOIN users u ON u.id = e.posted_by`;

@Injectable()
export class JournalRepository {
  /** Inserts the entry unless its event key was already posted; returns the new id, or null on a duplicate. */
  async insertEntry(
    t: TenantTx,
    e: {
      date: string;
      description: string;
      sourceType: string;
      sourceId: string | null;
      eventKey: string;
      reversesEntryId: string | null;
      postedBy: string | null;
    },
  ): Promise<string | null> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO journal_entries
         (business_id, entry_date, description, source_type, source_id, event_key, reverses_entry_id, posted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (business_id, event_key) DO NOTHING RETURNING id`,
      [t.businessId, e.date, e.description, e.sourceType, e.sourceId, e.eventKey, e.reversesEntryId, e.postedBy],
    );
    return row?.id ?? null;
  }

  async insertLines(t: TenantTx, entryId: string, lines: readonly NewLine[]): Promise<void> {
    await t.query(
      `INSERT INTO journal_lines
         (business_id, entry_id, line_no, account_id, currency, amount_minor, base_amount_minor, contact_id, description)
       SELECT $1, $2, l.ord, l.account_id, l.currency, l.amount_minor, l.base_amount_minor, l.contact_id, l.description
         FROM unnest($3::uuid[], $4::text[], $5::bigint[], $6::bigint[], $7::uuid[], $8::text[])
              WITH ORDINALITY AS l(account_id, currency, amount_minor, base_amount_minor, contact_id, description, ord)`,
      [
        t.businessId,
        entryId,
        lines.map((l) => l.accountId),
        lines.map((l) => l.currency),
        lines.map((l) => l.amountMinor.toString()),
        lines.map((l) => l.baseAmountMinor.toString()),
        lines.map((l) => l.contactId),
        lines.map((l) => l.description),
      ],
    );
  }

  async idByEventKey(t: TenantTx, eventKey: string): Promise<string | null> {
    const [row] = await t.query<{ id: string }>(
      `SELECT id FROM journal_entries WHERE business_id = $1 AND event_key = $2`,
      [t.businessId, eventKey],
    );
    return row?.id ?? null;
  }

  async get(t: TenantTx, id: string): Promise<EntryRow | null> {
    const [row] = await t.query(`SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} WHERE e.business_id = $1 AND e.id = $2`, [
      t.businessId,
      id,
    ]);
    return row ?? null;
  }

  /** Newest first by entry date, then by number; keyset after (date, number). */
  async list(
    t: TenantTx,
    f: {
      from?: string;
      to?: string;
      sourceType?: string;
      sourceId?: string;
      after: { date: string; number: string } | null;
      limit: number;
    },
  ): Promise<EntryRow[]> {
    return t.query(
      `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM}
        WHERE e.business_id = $1
          AND ($2::date IS NULL OR e.entry_date >= $2::date) AND ($3::date IS NULL OR e.entry_date <= $3::date)
          AND ($4::text IS NULL OR e.source_type = $4) AND ($5::uuid IS NULL OR e.source_id = $5)
          AND ($6::date IS NULL OR (e.entry_date, e.entry_number) < ($6::date, $7::bigint))
        ORDER BY e.entry_date DESC, e.entry_number DESC
        LIMIT $8`,
      [
        t.businessId,
        f.from ?? null,
        f.to ?? null,
        f.sourceType ?? null,
        f.sourceId ?? null,
        f.after?.date ?? null,
        f.after?.number ?? null,
        f.limit,
      ],
    );
  }

  async linesOf(t: TenantTx, entryIds: readonly string[]): Promise<LineRow[]> {
    if (entryIds.length === 0) return [];
    return t.query(
      `SELECT l.entry_id AS "entryId", l.line_no AS "lineNo", l.account_id AS "accountId", a.code AS "accountCode",
              a.name AS "accountName", a.type AS "accountType", l.currency, l.amount_minor::text AS "amountMinor",
              l.base_amount_minor::text AS "baseAmountMinor", l.contact_id AS "contactId", l.description
         FROM journal_lines l JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id
        WHERE l.business_id = $1 AND l.entry_id = ANY($2::uuid[])
        ORDER BY l.entry_id, l.line_no`,
      [t.businessId, entryIds],
    );
  }
}
