import { Injectable } from '@nestjs/common';
import { TenantTx, Tx } from '../../db/db';
import type { PostalAddress } from './invoice-printout';

export interface StoredPdf {
  content: Buffer;
  sha256: Buffer;
  size: number;
  sourceKey: string;
  renderedAt: Date;
}

export interface InvoiceSendRow {
  id: string;
  invoiceId: string;
  toEmail: string;
  message: string;
  requestedBy: string | null;
  sentAt: Date | null;
}

@Injectable()
export class InvoiceDocumentsRepository {
  /** The stored PDF; without its bytes unless asked, since callers often need only the key. */
  async pdf(t: TenantTx, invoiceId: string, opts: { content: boolean }): Promise<StoredPdf | null> {
    const [row] = await t.query<StoredPdf>(
      `SELECT ${opts.content ? 'content' : 'NULL::bytea AS content'}, sha256, size, source_key AS "sourceKey",
              rendered_at AS "renderedAt"
         FROM invoice_documents WHERE business_id = $1 AND invoice_id = $2 AND kind = 'pdf'`,
      [t.businessId, invoiceId],
    );
    return row ?? null;
  }

  async savePdf(t: TenantTx, invoiceId: string, pdf: Omit<StoredPdf, 'renderedAt'>): Promise<void> {
    await t.execute(
      `INSERT INTO invoice_documents (business_id, invoice_id, kind, content, sha256, size, source_key)
       VALUES ($1, $2, 'pdf', $3, $4, $5, $6)
       ON CONFLICT (business_id, invoice_id, kind) DO UPDATE
         SET content = EXCLUDED.content, sha256 = EXCLUDED.sha256, size = EXCLUDED.size,
             source_key = EXCLUDED.source_key, rendered_at = now()`,
      [t.businessId, invoiceId, pdf.content, pdf.sha256, pdf.size, pdf.sourceKey],
    );
  }

  /**
   * Serialises rendering of one invoice (duplicate deliveries, a send racing a render) without
   * locking the invoice row itself, which payments need.
   */
  async lockRendering(t: TenantTx, invoiceId: string): Promise<void> {
    await t.query(`SELECT pg_advisory_xact_lock(hashtextextended('invoice-pdf:' || $1::text, 0))`, [invoiceId]);
  }

  /** Whether a render job for the invoice is already waiting, so a read does not queue another. */
  async renderQueued(t: TenantTx, invoiceId: string): Promise<boolean> {
    const rows = await t.query(
      `SELECT 1 FROM outbox WHERE business_id = $1 AND job = 'invoice.render-pdf' AND payload->>'invoiceId' = $2
          AND status IN ('pending', 'dispatched') LIMIT 1`,
      [t.businessId, invoiceId],
    );
    return rows.length > 0;
  }

  /** The seller's profile and the customer's printed details. */
  async printHeader(t: TenantTx, contactId: string) {
    const [row] = await t.query<{
      business: { name: string; country: string | null; taxId: string | null; email: string | null; phone: string | null } & PostalAddress;
      taxId: string | null;
      email: string | null;
      billingAddress: PostalAddress | null;
    }>(
      `SELECT json_build_object('name', b.name, 'country', b.country, 'line1', b.address_line1, 'line2', b.address_line2,
                'city', b.city, 'region', b.region, 'postalCode', b.postal_code, 'taxId', b.tax_id, 'email', b.email,
                'phone', b.phone) AS business,
              c.tax_id AS "taxId", c.email, c.billing_address AS "billingAddress"
         FROM businesses b JOIN contacts c ON c.business_id = b.id
        WHERE b.id = $1 AND c.id = $2`,
      [t.businessId, contactId],
    );
    return row;
  }

  async registerLink(t: TenantTx, invoiceId: string, tokenHash: Buffer): Promise<void> {
    await t.execute(
      `INSERT INTO invoice_public_links (business_id, invoice_id, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [t.businessId, invoiceId, tokenHash],
    );
  }

  /** Across tenants, through a narrow SECURITY DEFINER function: the token is the credential. */
  async findByTokenHash(tx: Tx, tokenHash: Buffer): Promise<{ businessId: string; invoiceId: string } | null> {
    const [row] = await tx.query(`SELECT business_id AS "businessId", invoice_id AS "invoiceId" FROM find_invoice_by_token($1)`, [
      tokenHash,
    ]);
    return row ?? null;
  }

  async insertSend(t: TenantTx, s: { invoiceId: string; toEmail: string; message: string; requestedBy: string }) {
    const [row] = await t.query<{ id: string; requestedAt: Date }>(
      `INSERT INTO invoice_sends (business_id, invoice_id, to_email, message, requested_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, requested_at AS "requestedAt"`,
      [t.businessId, s.invoiceId, s.toEmail, s.message, s.requestedBy],
    );
    return row;
  }

  /** Row lock: a duplicate delivery of the email job waits here, then sees sent_at and stops. */
  async lockSend(t: TenantTx, sendId: string): Promise<InvoiceSendRow | null> {
    const [row] = await t.query<InvoiceSendRow>(
      `SELECT id, invoice_id AS "invoiceId", to_email AS "toEmail", message, requested_by AS "requestedBy", sent_at AS "sentAt"
         FROM invoice_sends WHERE business_id = $1 AND id = $2 FOR UPDATE`,
      [t.businessId, sendId],
    );
    return row ?? null;
  }

  async markSent(t: TenantTx, sendId: string): Promise<void> {
    await t.execute(`UPDATE invoice_sends SET sent_at = now() WHERE business_id = $1 AND id = $2`, [t.businessId, sendId]);
  }
}
