import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a customer receives: the rendered invoice PDF (kept in PostgreSQL, re-rendered when the
 * invoice's printed state changes), the public link's token hash, and each email send.
 */
export class InvoiceDocuments1763900400000 implements MigrationInterface {
  name = 'InvoiceDocuments1763900400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invoice_documents (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('pdf')),
        content bytea NOT NULL,
        sha256 bytea NOT NULL CHECK (length(sha256) = 32),
        size int NOT NULL CHECK (size > 0),
        -- The printed state this rendering shows (status, amounts applied); a different key means stale.
        source_key text NOT NULL,
        rendered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, invoice_id, kind),
        FOREIGN KEY (business_id, invoice_id) REFERENCES invoices(business_id, id)
      );

      -- The link token is an HMAC of the invoice id (never stored); only its SHA-256 is kept, for lookup.
      CREATE TABLE invoice_public_links (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, invoice_id),
        FOREIGN KEY (business_id, invoice_id) REFERENCES invoices(business_id, id)
      );
      CREATE TRIGGER invoice_public_links_append_only BEFORE UPDATE OR DELETE ON invoice_public_links
        FOR EACH ROW EXECUTE FUNCTION refuse_change();

      -- One row per send request; sent_at is set by the email job, so a duplicate delivery sends once.
      CREATE TABLE invoice_sends (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL,
        to_email text NOT NULL CHECK (length(to_email) BETWEEN 3 AND 254),
        message text NOT NULL DEFAULT '' CHECK (length(message) <= 5000),
        requested_by uuid REFERENCES users(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, invoice_id) REFERENCES invoices(business_id, id)
      );
      CREATE INDEX invoice_sends_invoice ON invoice_sends (business_id, invoice_id, requested_at DESC);

      CREATE FUNCTION find_invoice_by_token(p_token_hash bytea)
        RETURNS TABLE (business_id uuid, invoice_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$ SELECT l.business_id, l.invoice_id FROM invoice_public_links l WHERE l.token_hash = p_token_hash $$;
      REVOKE EXECUTE ON FUNCTION find_invoice_by_token(bytea) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION find_invoice_by_token(bytea) TO keeper_app;
    `);
    for (const table of ['invoice_documents', 'invoice_public_links', 'invoice_sends']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
      `);
    }
    await q.query(`
      GRANT SELECT, INSERT, UPDATE, DELETE ON invoice_documents, invoice_sends TO keeper_app;
      GRANT SELECT, INSERT ON invoice_public_links TO keeper_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS find_invoice_by_token(bytea);
      DROP TABLE IF EXISTS invoice_sends, invoice_public_links, invoice_documents CASCADE;
    `);
  }
}
