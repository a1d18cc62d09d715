import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoices: drafts, issued documents with gapless numbers per series, and their lines. Totals are
 * stored as computed by @keeper/invoicing under the rounding rule stored on the invoice, so an
 * issued invoice never changes when business settings do.
 */
export class Invoices1763900200000 implements MigrationInterface {
  name = 'Invoices1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One row per numbering series; issuing locks the row, so numbers are gapless and unique
      -- even under concurrency (a rolled-back issue rolls the counter back with it).
      CREATE TABLE document_series (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
        name text NOT NULL,
        prefix text NOT NULL DEFAULT '' CHECK (length(prefix) <= 20),
        padding int NOT NULL DEFAULT 5 CHECK (padding BETWEEN 1 AND 12),
        next_number bigint NOT NULL DEFAULT 1 CHECK (next_number >= 1),
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, kind, name)
      );
      CREATE UNIQUE INDEX document_series_default ON document_series (business_id, kind) WHERE is_default;

      CREATE TABLE invoices (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL,
        number text,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'partially_paid', 'paid', 'void')),
        contact_id uuid NOT NULL,
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        -- Units of base currency per one unit of the invoice currency, fixed at issue.
        exchange_rate numeric(24, 12) CHECK (exchange_rate > 0),
        issue_date date NOT NULL,
        due_date date NOT NULL,
        prices_include_tax boolean NOT NULL,
        tax_rounding text NOT NULL CHECK (tax_rounding IN ('line', 'document')),
        notes text NOT NULL DEFAULT '',
        terms text NOT NULL DEFAULT '',
        subtotal_minor bigint NOT NULL DEFAULT 0,
        discount_minor bigint NOT NULL DEFAULT 0,
        tax_minor bigint NOT NULL DEFAULT 0,
        total_minor bigint NOT NULL DEFAULT 0 CHECK (total_minor >= 0),
        paid_minor bigint NOT NULL DEFAULT 0 CHECK (paid_minor >= 0),
        credited_minor bigint NOT NULL DEFAULT 0 CHECK (credited_minor >= 0),
        journal_entry_id uuid,
        issued_at timestamptz,
        voided_at timestamptz,
        void_reason text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, series_id) REFERENCES document_series(business_id, id),
        FOREIGN KEY (business_id, contact_id) REFERENCES contacts(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, journal_entry_id) REFERENCES journal_entries(business_id, id),
        -- Nothing is applied beyond what is owed.
        CHECK (paid_minor + credited_minor <= total_minor),
        CHECK (due_date >= issue_date),
        CHECK ((status = 'draft') = (number IS NULL)),
        CHECK (status = 'draft' OR exchange_rate IS NOT NULL)
      );
      CREATE UNIQUE INDEX invoices_number ON invoices (business_id, series_id, number) WHERE number IS NOT NULL;
      CREATE INDEX invoices_list ON invoices (business_id, created_at DESC, id DESC);
      CREATE INDEX invoices_contact ON invoices (business_id, contact_id);
      CREATE INDEX invoices_open ON invoices (business_id, due_date) WHERE status IN ('issued', 'partially_paid');

      CREATE TABLE invoice_lines (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL,
        line_no int NOT NULL CHECK (line_no >= 1),
        product_id uuid,
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        quantity numeric(18, 4) NOT NULL CHECK (quantity > 0),
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
        discount_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
        tax_rate_id uuid,
        -- The rate as it was when the line was written; a later change of the rate leaves it.
        tax_rate_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (tax_rate_percent >= 0),
        discount_minor bigint NOT NULL,
        net_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        total_minor bigint NOT NULL,
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, invoice_id, line_no),
        FOREIGN KEY (business_id, invoice_id) REFERENCES invoices(business_id, id) ON DELETE CASCADE,
        FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, tax_rate_id) REFERENCES tax_rates(business_id, id) ON DELETE RESTRICT
      );

      -- Lines of an issued invoice are part of a posted document: frozen.
      CREATE FUNCTION invoice_lines_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s text;
      BEGIN
        SELECT status INTO s FROM invoices
          WHERE business_id = coalesce(NEW.business_id, OLD.business_id) AND id = coalesce(NEW.invoice_id, OLD.invoice_id);
        IF s IS NOT NULL AND s <> 'draft' THEN
          RAISE EXCEPTION 'lines of an issued invoice cannot change' USING ERRCODE = 'check_violation';
        END IF;
        RETURN coalesce(NEW, OLD);
      END $$;
      CREATE TRIGGER invoice_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
        FOR EACH ROW EXECUTE FUNCTION invoice_lines_frozen();

      -- Only drafts may be deleted; an issued invoice is voided, never removed.
      CREATE FUNCTION invoices_keep_issued() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'draft' THEN
          RAISE EXCEPTION 'an issued invoice cannot be deleted; void it' USING ERRCODE = 'check_violation';
        END IF;
        RETURN OLD;
      END $$;
      CREATE TRIGGER invoices_keep_issued BEFORE DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION invoices_keep_issued();
    `);
    for (const table of ['document_series', 'invoices', 'invoice_lines']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO keeper_app;
      `);
    }
    await q.query(`GRANT EXECUTE ON FUNCTION invoice_lines_frozen(), invoices_keep_issued() TO keeper_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS invoice_lines, invoices, document_series CASCADE;
      DROP FUNCTION IF EXISTS invoice_lines_frozen(), invoices_keep_issued();
    `);
  }
}
