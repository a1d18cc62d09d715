import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payments from customers (with their allocations to invoices and refunds) and credit notes.
 *
 * A payment's money is either applied to invoices or kept as customer credit (unapplied):
 * amount = applied + refunded + unapplied, with unapplied >= 0 enforced here. Allocations and
 * refunds are append-only facts: taking money back from an invoice (when a refund needs it) is a
 * negative allocation row, never an edit. Credit notes are issued when created, so they and their
 * lines are append-only too. Each of these rows names the journal entry that posted it.
 */
export class Payments1763900300000 implements MigrationInterface {
  name = 'Payments1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payments (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        contact_id uuid NOT NULL,
        method text NOT NULL CHECK (method IN ('cash', 'bank_transfer', 'card', 'cheque', 'other')),
        payment_date date NOT NULL,
        reference text NOT NULL DEFAULT '' CHECK (length(reference) <= 200),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        -- Units of base currency per one unit of the payment currency (1 for base-currency payments).
        exchange_rate numeric(24, 12) NOT NULL CHECK (exchange_rate > 0),
        -- System key of the account the money went into.
        deposit_account text NOT NULL CHECK (deposit_account IN ('cash', 'bank')),
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        applied_minor bigint NOT NULL DEFAULT 0 CHECK (applied_minor >= 0),
        refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
        journal_entry_id uuid,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, contact_id) REFERENCES contacts(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, journal_entry_id) REFERENCES journal_entries(business_id, id),
        -- Never more applied or refunded than was received; the rest is customer credit.
        CHECK (applied_minor + refunded_minor <= amount_minor)
      );
      CREATE INDEX payments_list ON payments (business_id, created_at DESC, id DESC);
      CREATE INDEX payments_contact ON payments (business_id, contact_id);
      CREATE INDEX payments_unapplied ON payments (business_id, contact_id)
        WHERE applied_minor + refunded_minor < amount_minor;

      CREATE TABLE payment_refunds (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL,
        payment_id uuid NOT NULL,
        refund_date date NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        method text NOT NULL CHECK (method IN ('cash', 'bank_transfer', 'card', 'cheque', 'other')),
        paid_from text NOT NULL CHECK (paid_from IN ('cash', 'bank')),
        reference text NOT NULL DEFAULT '' CHECK (length(reference) <= 200),
        reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
        journal_entry_id uuid NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, payment_id) REFERENCES payments(business_id, id),
        FOREIGN KEY (business_id, journal_entry_id) REFERENCES journal_entries(business_id, id)
      );
      CREATE INDEX payment_refunds_payment ON payment_refunds (business_id, payment_id);

      -- Positive: money of the payment applied to the invoice. Negative: taken back from it by a refund.
      CREATE TABLE payment_allocations (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL,
        payment_id uuid NOT NULL,
        invoice_id uuid NOT NULL,
        refund_id uuid,
        allocation_date date NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
        journal_entry_id uuid NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, payment_id) REFERENCES payments(business_id, id),
        FOREIGN KEY (business_id, invoice_id) REFERENCES invoices(business_id, id),
        FOREIGN KEY (business_id, refund_id) REFERENCES payment_refunds(business_id, id),
        FOREIGN KEY (business_id, journal_entry_id) REFERENCES journal_entries(business_id, id),
        CHECK (refund_id IS NULL OR amount_minor < 0)
      );
      CREATE INDEX payment_allocations_payment ON payment_allocations (business_id, payment_id);
      CREATE INDEX payment_allocations_invoice ON payment_allocations (business_id, invoice_id);

      CREATE TABLE credit_notes (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL,
        series_id uuid NOT NULL,
        number text NOT NULL,
        invoice_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        -- The invoice's rate: a credit note takes back what the invoice booked, at the same value.
        exchange_rate numeric(24, 12) NOT NULL CHECK (exchange_rate > 0),
        issue_date date NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        prices_include_tax boolean NOT NULL,
        tax_rounding text NOT NULL CHECK (tax_rounding IN ('line', 'document')),
        subtotal_minor bigint NOT NULL,
        discount_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        total_minor bigint NOT NULL CHECK (total_minor > 0),
        journal_entry_id uuid NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, series_id) REFERENCES document_series(business_id, id),
        FOREIGN KEY (business_id, invoice_id) REFERENCES invoices(business_id, id),
        FOREIGN KEY (business_id, contact_id) REFERENCES contacts(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, journal_entry_id) REFERENCES journal_entries(business_id, id)
      );
      CREATE UNIQUE INDEX credit_notes_number ON credit_notes (business_id, series_id, number);
      CREATE INDEX credit_notes_list ON credit_notes (business_id, created_at DESC, id DESC);
      CREATE INDEX credit_notes_invoice ON credit_notes (business_id, invoice_id);

      CREATE TABLE credit_note_lines (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        credit_note_id uuid NOT NULL,
        line_no int NOT NULL CHECK (line_no >= 1),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        quantity numeric(18, 4) NOT NULL CHECK (quantity > 0),
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
        discount_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
        tax_rate_id uuid,
        tax_rate_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (tax_rate_percent >= 0),
        discount_minor bigint NOT NULL,
        net_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        total_minor bigint NOT NULL,
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, credit_note_id, line_no),
        FOREIGN KEY (business_id, credit_note_id) REFERENCES credit_notes(business_id, id),
        FOREIGN KEY (business_id, tax_rate_id) REFERENCES tax_rates(business_id, id) ON DELETE RESTRICT
      );
    `);
    await q.query(`
      ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
      ALTER TABLE payments FORCE ROW LEVEL SECURITY;
      CREATE POLICY payments_tenant ON payments
        USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
      GRANT SELECT, INSERT, UPDATE, DELETE ON payments TO keeper_app;
    `);
    for (const table of ['payment_refunds', 'payment_allocations', 'credit_notes', 'credit_note_lines']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
        GRANT SELECT, INSERT ON ${table} TO keeper_app;
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION refuse_change();
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS credit_note_lines, credit_notes, payment_allocations, payment_refunds, payments CASCADE`);
  }
}
