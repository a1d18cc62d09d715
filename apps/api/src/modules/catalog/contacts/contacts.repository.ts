import { Injectable } from '@nestjs/common';
import { TenantTx } from '../../../db/db';
import { keysetSql, likePattern, sortOrder, type SortKey } from '../sorted-page';
import type { ContactKind, ContactSort } from './dto/contact.dto';

export interface Address {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

/** A contact as stored; money stays in minor units until the service presents it. */
export interface ContactRow {
  id: string;
  kind: ContactKind;
  name: string;
  taxId: string | null;
  email: string | null;
  phone: string | null;
  billingAddress: Address | null;
  shippingAddress: Address | null;
  currency: string;
  paymentTermsDays: number;
  creditLimitMinor: string | null;
  notes: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Column values for an insert or an update, already normalised by the service. */
export interface ContactValues {
  kind: ContactKind;
  name: string;
  taxId: string | null;
  email: string | null;
  phone: string | null;
  billingAddress: Address | null;
  shippingAddress: Address | null;
  currency: string;
  paymentTermsDays: number;
  creditLimitMinor: bigint | null;
  notes: string | null;
}

export interface ContactFilter {
  q?: string | null;
  kind?: ContactKind;
  archived?: 'true' | 'false' | 'any';
  sort: ContactSort;
}

const COLUMNS = `c.id, c.kind, c.name, c.tax_id AS "taxId", c.email, c.phone, c.billing_address AS "billingAddress",
  c.shipping_address AS "shippingAddress", c.currency, c.payment_terms_days AS "paymentTermsDays",
  c.credit_limit_minor::text AS "creditLimitMinor", c.notes, c.archived_at AS "archivedAt",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

export const CONTACT_SORT_KEYS: Record<'name' | 'createdAt', SortKey> = {
  // Case-insensitive, in code-point order: deterministic on every server, and matches the index.
  name: { expr: 'lower(c.name) COLLATE "C"', type: 'text' },
  createdAt: { expr: 'c.created_at', type: 'timestamptz' },
};

// A filter for customers includes those who are also suppliers, and the other way round.
const KINDS: Record<ContactKind, ContactKind[]> = {
  customer: ['customer', 'both'],
  supplier: ['supplier', 'both'],
  both: ['both'],
};

const COLUMN_OF: Record<keyof ContactValues, string> = {
  kind: 'kind',
  name: 'name',
  taxId: 'tax_id',
  email: 'email',
  phone: 'phone',
  billingAddress: 'billing_address',
  shippingAddress: 'shipping_address',
  currency: 'currency',
  paymentTermsDays: 'payment_terms_days',
  creditLimitMinor: 'credit_limit_minor',
  notes: 'notes',
};

const JSON_COLUMNS = new Set<keyof ContactValues>(['billingAddress', 'shippingAddress']);

@Injectable()
export class ContactsRepository {
  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<ContactRow | null> {
    const [row] = await t.query<ContactRow>(
      `SELECT ${COLUMNS} FROM contacts c WHERE c.business_id = $1 AND c.id = $2 ${opts.lock ? 'FOR UPDATE' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  /** One sorted page (`limit + 1` rows, for `sortedPage`), or every match when `limit` is null. */
  async list(t: TenantTx, f: ContactFilter, page: { limit: number | null; cursor?: string }) {
    const order = sortOrder(f.sort, CONTACT_SORT_KEYS);
    const keyset = keysetSql(order, page.cursor, 'c', 5);
    return t.query<ContactRow & { cursorValue: string }>(
      `SELECT ${COLUMNS}, ${keyset.select} FROM contacts c
        WHERE c.business_id = $1
          AND ($2::text IS NULL OR c.name ILIKE $2 OR c.email ILIKE $2 OR c.tax_id ILIKE $2)
          AND ($3::text[] IS NULL OR c.kind = ANY($3))
          AND CASE $4::text WHEN 'any' THEN TRUE WHEN 'true' THEN c.archived_at IS NOT NULL ELSE c.archived_at IS NULL END
          AND ${keyset.where}
        ORDER BY ${keyset.orderBy}
        LIMIT $7`,
      [
        t.businessId,
        f.q ? likePattern(f.q) : null,
        f.kind ? KINDS[f.kind] : null,
        f.archived ?? 'false',
        ...keyset.params,
        page.limit === null ? null : page.limit + 1,
      ],
    );
  }

  /** Inserts in one statement (imports send thousands); returns the new ids. */
  async insertMany(t: TenantTx, rows: ContactValues[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const records = rows.map((r) => ({
      kind: r.kind,
      name: r.name,
      tax_id: r.taxId,
      email: r.email,
      phone: r.phone,
      billing_address: r.billingAddress,
      shipping_address: r.shippingAddress,
      currency: r.currency,
      payment_terms_days: r.paymentTermsDays,
      credit_limit_minor: r.creditLimitMinor === null ? null : r.creditLimitMinor.toString(),
      notes: r.notes,
    }));
    const inserted = await t.query<{ id: string }>(
      `INSERT INTO contacts (business_id, kind, name, tax_id, email, phone, billing_address, shipping_address, currency,
                             payment_terms_days, credit_limit_minor, notes)
       SELECT $1, r.kind, r.name, r.tax_id, r.email, r.phone, r.billing_address, r.shipping_address, r.currency,
              r.payment_terms_days, r.credit_limit_minor, r.notes
         FROM jsonb_to_recordset($2::jsonb) AS r(kind text, name text, tax_id text, email text, phone text,
              billing_address jsonb, shipping_address jsonb, currency text, payment_terms_days int,
              credit_limit_minor bigint, notes text)
       RETURNING id`,
      [t.businessId, JSON.stringify(records)],
    );
    return inserted.map((r) => r.id);
  }

  async update(t: TenantTx, id: string, changes: Partial<ContactValues>): Promise<void> {
    const keys = (Object.keys(changes) as (keyof ContactValues)[]).filter((k) => changes[k] !== undefined);
    if (keys.length === 0) return;
    const sets = keys.map((k, i) => `${COLUMN_OF[k]} = $${i + 3}${JSON_COLUMNS.has(k) ? '::jsonb' : ''}`);
    const values = keys.map((k) => {
      const v = changes[k];
      if (JSON_COLUMNS.has(k)) return v === null ? null : JSON.stringify(v);
      return typeof v === 'bigint' ? v.toString() : v;
    });
    await t.execute(`UPDATE contacts SET ${sets.join(', ')}, updated_at = now() WHERE business_id = $1 AND id = $2`, [
      t.businessId,
      id,
      ...values,
    ]);
  }

  async setArchived(t: TenantTx, id: string, archived: boolean): Promise<void> {
    await t.execute(
      `UPDATE contacts SET archived_at = ${archived ? 'coalesce(archived_at, now())' : 'NULL'}, updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id],
    );
  }

  /** Throws PostgreSQL's 23503 when a document still refers to the contact. */
  async delete(t: TenantTx, id: string): Promise<number> {
    return t.execute(`DELETE FROM contacts WHERE business_id = $1 AND id = $2`, [t.businessId, id]);
  }
}
