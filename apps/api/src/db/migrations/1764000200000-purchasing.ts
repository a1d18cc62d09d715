import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Purchasing: purchase orders and their receipts into stock, supplier bills (accounts payable),
 * bill payments, and expenses with their receipt files.
 *
 * Valuation rules the ledger relies on (see modules/purchasing/purchase-cost.ts):
 * - A purchase order's exchange rate is fixed when it is ordered. Receipts value stock at the
 *   order's unit cost converted at that rate, cumulatively per line (the value of the first n units
 *   received is always V(n)), and credit goods received not invoiced (GRNI) with it.
 * - A bill's exchange rate is fixed when it is posted. Billing a stocked order line clears GRNI by
 *   V(billed after) − what earlier bills cleared, so a line that is fully received and fully billed
 *   leaves exactly zero in GRNI. The price difference goes to purchase price variance, the rate
 *   difference (order rate vs bill rate) to FX gains and losses.
 * - Accounts payable always equals the open bills plus the open on-account expenses, each valued at
 *   its own rate; bill payments move it by the change of the open amount's base value.
 */
export class Purchasing1764000200000 implements MigrationInterface {
  name = 'Purchasing1764000200000';

  async up(q: QueryRunner): Promise<void> {
    // Numbering series for purchase orders and bills. The kinds are read from the constraint as it
    // stands, so kinds that another migration added are kept whatever order the two ran in.
    await q.query(`
      DO $$
      DECLARE kinds text[];
      BEGIN
        SELECT array_agg(DISTINCT k ORDER BY k) INTO kinds FROM (
          SELECT (regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g'))[1] AS k
            FROM pg_constraint c
           WHERE c.conrelid = 'document_series'::regclass AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%kind%'
          UNION SELECT unnest(ARRAY['invoice', 'credit_note', 'purchase_order', 'bill'])
        ) x;
        EXECUTE (SELECT string_agg(format('ALTER TABLE document_series DROP CONSTRAINT %I', c.conname), '; ')
                   FROM pg_constraint c
                  WHERE c.conrelid = 'document_series'::regclass AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%kind%');
        EXECUTE format('ALTER TABLE document_series ADD CONSTRAINT document_series_kind_check CHECK (kind = ANY (%L::text[]))', kinds);
      END $$;
    `);

    await q.query(`
      CREATE TABLE purchase_orders (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL,
        number text,
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'ordered', 'partially_received', 'received', 'closed', 'cancelled')),
        contact_id uuid NOT NULL,
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        -- Units of base currency per one unit of the order currency, fixed when ordered; receipts use it.
        exchange_rate numeric(24, 12) CHECK (exchange_rate > 0),
        order_date date NOT NULL,
        expected_date date,
        -- Where the goods are received by default.
        location_id uuid NOT NULL,
        tax_rounding text NOT NULL CHECK (tax_rounding IN ('line', 'document')),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
        subtotal_minor bigint NOT NULL DEFAULT 0 CHECK (subtotal_minor >= 0),
        tax_minor bigint NOT NULL DEFAULT 0 CHECK (tax_minor >= 0),
        total_minor bigint NOT NULL DEFAULT 0 CHECK (total_minor >= 0),
        ordered_at timestamptz,
        -- Set when someone closes the order before everything arrived (the rest is not expected).
        closed_at timestamptz,
        close_reason text CHECK (length(close_reason) BETWEEN 1 AND 500),
        cancelled_at timestamptz,
        cancel_reason text CHECK (length(cancel_reason) BETWEEN 1 AND 500),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, series_id) REFERENCES document_series(business_id, id),
        FOREIGN KEY (business_id, contact_id) REFERENCES contacts(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, location_id) REFERENCES locations(business_id, id),
        CHECK ((status = 'draft') = (number IS NULL)),
        CHECK (status = 'draft' OR exchange_rate IS NOT NULL),
        CHECK (expected_date IS NULL OR expected_date >= order_date),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX purchase_orders_number ON purchase_orders (business_id, series_id, number) WHERE number IS NOT NULL;
      CREATE INDEX purchase_orders_list ON purchase_orders (business_id, created_at DESC, id DESC);
      CREATE INDEX purchase_orders_contact ON purchase_orders (business_id, contact_id);

      CREATE TABLE purchase_order_lines (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        purchase_order_id uuid NOT NULL,
        line_no int NOT NULL CHECK (line_no >= 1),
        product_id uuid,
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        quantity numeric(18, 4) NOT NULL CHECK (quantity > 0),
        -- Price of one unit in the order currency, before tax.
        unit_cost_minor bigint NOT NULL CHECK (unit_cost_minor >= 0),
        tax_rate_id uuid,
        tax_rate_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (tax_rate_percent >= 0),
        net_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        total_minor bigint NOT NULL,
        -- A stocked product is received into stock (and billed against GRNI); anything else is billed
        -- straight to its expense account.
        stocked boolean NOT NULL,
        account_id uuid,
        received_quantity numeric(18, 4) NOT NULL DEFAULT 0,
        -- Base-currency value of everything received on this line (credited to GRNI).
        received_value_minor bigint NOT NULL DEFAULT 0 CHECK (received_value_minor >= 0),
        billed_quantity numeric(18, 4) NOT NULL DEFAULT 0 CHECK (billed_quantity >= 0),
        -- Base-currency value posted bills cleared from GRNI for this line.
        billed_grni_minor bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, purchase_order_id, line_no),
        FOREIGN KEY (business_id, purchase_order_id) REFERENCES purchase_orders(business_id, id) ON DELETE CASCADE,
        FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, tax_rate_id) REFERENCES tax_rates(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, account_id) REFERENCES accounts(business_id, id),
        CHECK (stocked = (account_id IS NULL)),
        CHECK (NOT stocked OR product_id IS NOT NULL),
        CHECK (received_quantity >= 0 AND received_quantity <= quantity),
        CHECK (stocked OR received_quantity = 0),
        -- Stocked lines are billed for what arrived; other lines for what was ordered.
        CHECK (billed_quantity <= CASE WHEN stocked THEN received_quantity ELSE quantity END)
      );
      CREATE INDEX purchase_order_lines_product ON purchase_order_lines (business_id, product_id);

      -- An ordered purchase order's lines keep their terms; only what was received and billed moves.
      CREATE FUNCTION purchase_order_lines_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s text;
      BEGIN
        SELECT status INTO s FROM purchase_orders
          WHERE business_id = coalesce(NEW.business_id, OLD.business_id) AND id = coalesce(NEW.purchase_order_id, OLD.purchase_order_id);
        IF s IS NULL OR s = 'draft' THEN RETURN coalesce(NEW, OLD); END IF;
        IF TG_OP = 'UPDATE' AND (NEW.product_id, NEW.description, NEW.quantity, NEW.unit_cost_minor, NEW.tax_rate_id,
              NEW.tax_rate_percent, NEW.net_minor, NEW.tax_minor, NEW.total_minor, NEW.stocked, NEW.account_id, NEW.line_no)
            IS NOT DISTINCT FROM (OLD.product_id, OLD.description, OLD.quantity, OLD.unit_cost_minor, OLD.tax_rate_id,
              OLD.tax_rate_percent, OLD.net_minor, OLD.tax_minor, OLD.total_minor, OLD.stocked, OLD.account_id, OLD.line_no) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'lines of an ordered purchase order cannot change' USING ERRCODE = 'check_violation';
      END $$;
      CREATE TRIGGER purchase_order_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON purchase_order_lines
        FOR EACH ROW EXECUTE FUNCTION purchase_order_lines_frozen();

      CREATE FUNCTION purchase_orders_keep_ordered() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'draft' THEN
          RAISE EXCEPTION 'an ordered purchase order cannot be deleted; cancel or close it' USING ERRCODE = 'check_violation';
        END IF;
        RETURN OLD;
      END $$;
      CREATE TRIGGER purchase_orders_keep_ordered BEFORE DELETE ON purchase_orders
        FOR EACH ROW EXECUTE FUNCTION purchase_orders_keep_ordered();

      -- Each email of an order to its supplier; sent_at is stamped by the email job (sent once).
      CREATE TABLE purchase_order_sends (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        purchase_order_id uuid NOT NULL,
        to_email text NOT NULL CHECK (length(to_email) BETWEEN 3 AND 254),
        message text NOT NULL DEFAULT '' CHECK (length(message) <= 5000),
        requested_by uuid REFERENCES users(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, purchase_order_id) REFERENCES purchase_orders(business_id, id)
      );
      CREATE INDEX purchase_order_sends_order ON purchase_order_sends (business_id, purchase_order_id, requested_at DESC);

      -- Goods arriving against an order: one stock receipt operation (and its journal entry) each.
      CREATE TABLE purchase_receipts (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL,
        purchase_order_id uuid NOT NULL,
        receipt_date date NOT NULL,
        location_id uuid NOT NULL,
        reference text NOT NULL DEFAULT '' CHECK (length(reference) <= 200),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
        stock_operation_id uuid NOT NULL,
        journal_entry_id uuid,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, purchase_order_id) REFERENCES purchase_orders(business_id, id),
        FOREIGN KEY (business_id, location_id) REFERENCES locations(business_id, id),
        FOREIGN KEY (business_id, stock_operation_id) REFERENCES stock_operations(business_id, id),
        FOREIGN KEY (business_id, journal_entry_id) REFERENCES journal_entries(business_id, id)
      );
      CREATE INDEX purchase_receipts_order ON purchase_receipts (business_id, purchase_order_id, created_at);

      CREATE TABLE purchase_receipt_lines (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        receipt_id uuid NOT NULL,
        purchase_order_line_id uuid NOT NULL,
        quantity numeric(18, 4) NOT NULL CHECK (quantity > 0),
        -- Base-currency value brought into stock (and credited to GRNI).
        value_minor bigint NOT NULL CHECK (value_minor >= 0),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, receipt_id) REFERENCES purchase_receipts(business_id, id),
        FOREIGN KEY (business_id, purchase_order_line_id) REFERENCES purchase_order_lines(business_id, id)
      );
      CREATE INDEX purchase_receipt_lines_receipt ON purchase_receipt_lines (business_id, receipt_id);

      CREATE TABLE bills (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL,
        -- Our own number, taken when the bill is posted.
        number text,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'partially_paid', 'paid', 'void')),
        contact_id uuid NOT NULL,
        -- The supplier's own number for the bill, as printed on it.
        supplier_reference text NOT NULL DEFAULT '' CHECK (length(supplier_reference) <= 100),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        -- Units of base currency per one unit of the bill currency, fixed when posted.
        exchange_rate numeric(24, 12) CHECK (exchange_rate > 0),
        bill_date date NOT NULL,
        due_date date NOT NULL,
        tax_rounding text NOT NULL CHECK (tax_rounding IN ('line', 'document')),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
        subtotal_minor bigint NOT NULL DEFAULT 0 CHECK (subtotal_minor >= 0),
        tax_minor bigint NOT NULL DEFAULT 0 CHECK (tax_minor >= 0),
        total_minor bigint NOT NULL DEFAULT 0 CHECK (total_minor >= 0),
        paid_minor bigint NOT NULL DEFAULT 0 CHECK (paid_minor >= 0),
        journal_entry_id uuid,
        posted_at timestamptz,
        voided_at timestamptz,
        void_date date,
        void_reason text CHECK (length(void_reason) BETWEEN 1 AND 500),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, series_id) REFERENCES document_series(business_id, id),
        FOREIGN KEY (business_id, contact_id) REFERENCES contacts(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, journal_entry_id) REFERENCES journal_entries(business_id, id),
        CHECK (paid_minor <= total_minor),
        CHECK (due_date >= bill_date),
        CHECK ((status = 'draft') = (number IS NULL)),
        CHECK (status = 'draft' OR (exchange_rate IS NOT NULL AND journal_entry_id IS NOT NULL)),
        CHECK ((status = 'void') = (voided_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX bills_number ON bills (business_id, series_id, number) WHERE number IS NOT NULL;
      -- The same supplier bill is never entered twice (a void one may be entered again).
      CREATE UNIQUE INDEX bills_supplier_reference ON bills (business_id, contact_id, lower(supplier_reference))
        WHERE status <> 'void' AND supplier_reference <> '';
      CREATE INDEX bills_list ON bills (business_id, created_at DESC, id DESC);
      CREATE INDEX bills_contact ON bills (business_id, contact_id);
      CREATE INDEX bills_open ON bills (business_id, due_date) WHERE status IN ('open', 'partially_paid');

      CREATE TABLE bill_lines (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        bill_id uuid NOT NULL,
        line_no int NOT NULL CHECK (line_no >= 1),
        purchase_order_line_id uuid,
        product_id uuid,
        -- Where a line that is not a received stocked order line is booked (an expense, an asset).
        account_id uuid,
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        quantity numeric(18, 4) NOT NULL CHECK (quantity > 0),
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
        tax_rate_id uuid,
        tax_rate_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (tax_rate_percent >= 0),
        net_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        total_minor bigint NOT NULL,
        -- Base value this line cleared from GRNI when the bill was posted (stocked order lines).
        grni_minor bigint,
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, bill_id, line_no),
        FOREIGN KEY (business_id, bill_id) REFERENCES bills(business_id, id) ON DELETE CASCADE,
        FOREIGN KEY (business_id, purchase_order_line_id) REFERENCES purchase_order_lines(business_id, id),
        FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, account_id) REFERENCES accounts(business_id, id),
        FOREIGN KEY (business_id, tax_rate_id) REFERENCES tax_rates(business_id, id) ON DELETE RESTRICT,
        CHECK (purchase_order_line_id IS NOT NULL OR account_id IS NOT NULL),
        CHECK (grni_minor IS NULL OR (purchase_order_line_id IS NOT NULL AND account_id IS NULL))
      );
      CREATE INDEX bill_lines_order_line ON bill_lines (business_id, purchase_order_line_id) WHERE purchase_order_line_id IS NOT NULL;

      CREATE FUNCTION bill_lines_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s text;
      BEGIN
        SELECT status INTO s FROM bills
          WHERE business_id = coalesce(NEW.business_id, OLD.business_id) AND id = coalesce(NEW.bill_id, OLD.bill_id);
        IF s IS NOT NULL AND s <> 'draft' THEN
          RAISE EXCEPTION 'lines of a posted bill cannot change' USING ERRCODE = 'check_violation';
        END IF;
        RETURN coalesce(NEW, OLD);
      END $$;
      CREATE TRIGGER bill_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON bill_lines
        FOR EACH ROW EXECUTE FUNCTION bill_lines_frozen();

      CREATE FUNCTION bills_keep_posted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'draft' THEN
          RAISE EXCEPTION 'a posted bill cannot be deleted; void it' USING ERRCODE = 'check_violation';
        END IF;
        RETURN OLD;
      END $$;
      CREATE TRIGGER bills_keep_posted BEFORE DELETE ON bills FOR EACH ROW EXECUTE FUNCTION bills_keep_posted();

      -- Spending that is not stock: posted when recorded, paid at once or owed to a supplier.
      CREATE TABLE expenses (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        expense_date date NOT NULL,
        -- The category: an expense (or asset) account of the chart.
        account_id uuid NOT NULL,
        contact_id uuid,
        payee text NOT NULL CHECK (length(payee) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        exchange_rate numeric(24, 12) NOT NULL CHECK (exchange_rate > 0),
        amount_includes_tax boolean NOT NULL,
        tax_rate_id uuid,
        tax_rate_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (tax_rate_percent >= 0),
        net_minor bigint NOT NULL CHECK (net_minor >= 0),
        tax_minor bigint NOT NULL CHECK (tax_minor >= 0),
        total_minor bigint NOT NULL CHECK (total_minor > 0),
        -- cash or bank: paid when recorded. accounts_payable: owed to the supplier, paid by bill payments.
        paid_from text NOT NULL CHECK (paid_from IN ('cash', 'bank', 'accounts_payable')),
        due_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'partially_paid', 'paid', 'void')),
        paid_minor bigint NOT NULL DEFAULT 0 CHECK (paid_minor >= 0),
        reference text NOT NULL DEFAULT '' CHECK (length(reference) <= 200),
        journal_entry_id uuid NOT NULL,
        voided_at timestamptz,
        void_date date,
        void_reason text CHECK (length(void_reason) BETWEEN 1 AND 500),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, account_id) REFERENCES accounts(business_id, id),
        FOREIGN KEY (business_id, contact_id) REFERENCES contacts(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, tax_rate_id) REFERENCES tax_rates(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, journal_entry_id) REFERENCES journal_entries(business_id, id),
        CHECK (net_minor + tax_minor = total_minor),
        CHECK (paid_minor <= total_minor),
        CHECK (due_date >= expense_date),
        CHECK (paid_from <> 'accounts_payable' OR contact_id IS NOT NULL),
        -- Paid at once: nothing is ever owed on it.
        CHECK (paid_from = 'accounts_payable' OR paid_minor = total_minor),
        CHECK ((status = 'void') = (voided_at IS NOT NULL))
      );
      CREATE INDEX expenses_list ON expenses (business_id, expense_date DESC, created_at DESC, id DESC);
      CREATE INDEX expenses_contact ON expenses (business_id, contact_id) WHERE contact_id IS NOT NULL;
      CREATE INDEX expenses_open ON expenses (business_id, due_date) WHERE status IN ('open', 'partially_paid');

      -- The receipt (photo or PDF) of an expense, kept in PostgreSQL like invoice PDFs.
      CREATE TABLE expense_receipts (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        expense_id uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
        size int NOT NULL CHECK (size > 0 AND size <= 5242880),
        sha256 bytea NOT NULL CHECK (length(sha256) = 32),
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, expense_id),
        FOREIGN KEY (business_id, expense_id) REFERENCES expenses(business_id, id),
        CHECK (octet_length(content) = size)
      );

      CREATE TABLE bill_payments (
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
        paid_from text NOT NULL CHECK (paid_from IN ('cash', 'bank')),
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        status text NOT NULL DEFAULT 'posted' CHECK (status IN ('posted', 'void')),
        journal_entry_id uuid NOT NULL,
        voided_at timestamptz,
        void_date date,
        void_reason text CHECK (length(void_reason) BETWEEN 1 AND 500),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, contact_id) REFERENCES contacts(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, journal_entry_id) REFERENCES journal_entries(business_id, id),
        CHECK ((status = 'void') = (voided_at IS NOT NULL AND void_date IS NOT NULL))
      );
      CREATE INDEX bill_payments_list ON bill_payments (business_id, created_at DESC, id DESC);
      CREATE INDEX bill_payments_contact ON bill_payments (business_id, contact_id);

      -- What a bill payment settled: a bill or an on-account expense. A void payment keeps its rows;
      -- its status says they no longer count.
      CREATE TABLE bill_payment_allocations (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        payment_id uuid NOT NULL,
        bill_id uuid,
        expense_id uuid,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, payment_id) REFERENCES bill_payments(business_id, id),
        FOREIGN KEY (business_id, bill_id) REFERENCES bills(business_id, id),
        FOREIGN KEY (business_id, expense_id) REFERENCES expenses(business_id, id),
        CHECK (num_nonnulls(bill_id, expense_id) = 1)
      );
      CREATE INDEX bill_payment_allocations_payment ON bill_payment_allocations (business_id, payment_id);
      CREATE INDEX bill_payment_allocations_bill ON bill_payment_allocations (business_id, bill_id) WHERE bill_id IS NOT NULL;
      CREATE INDEX bill_payment_allocations_expense ON bill_payment_allocations (business_id, expense_id) WHERE expense_id IS NOT NULL;
    `);

    for (const table of [
      'purchase_orders',
      'purchase_order_lines',
      'purchase_order_sends',
      'purchase_receipts',
      'purchase_receipt_lines',
      'bills',
      'bill_lines',
      'expenses',
      'expense_receipts',
      'bill_payments',
      'bill_payment_allocations',
    ]) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
      `);
    }
    for (const table of ['purchase_receipts', 'purchase_receipt_lines', 'bill_payment_allocations']) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION refuse_change();
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
      `);
    }
    await q.query(`
      GRANT SELECT, INSERT, UPDATE, DELETE ON purchase_orders, purchase_order_lines, bills, bill_lines, expense_receipts TO keeper_app;
      GRANT SELECT, INSERT, UPDATE ON purchase_order_sends, expenses, bill_payments TO keeper_app;
      GRANT SELECT, INSERT ON purchase_receipts, purchase_receipt_lines, bill_payment_allocations TO keeper_app;
      REVOKE EXECUTE ON FUNCTION purchase_order_lines_frozen(), purchase_orders_keep_ordered(), bill_lines_frozen(), bills_keep_posted() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION purchase_order_lines_frozen(), purchase_orders_keep_ordered(), bill_lines_frozen(), bills_keep_posted() TO keeper_app;
    `);

    // Input tax paid to suppliers is recoverable from the tax authority: an asset, not a cost.
    await q.query(`
      CREATE OR REPLACE FUNCTION ensure_default_chart(p_business_id uuid) RETURNS void
        LANGUAGE sql VOLATILE SECURITY INVOKER SET search_path = public
        AS $$
          INSERT INTO accounts (business_id, code, name, type, subtype, system_key)
          SELECT p_business_id, c.code, c.name, c.type, c.subtype, c.system_key
            FROM (VALUES
              ('1000', 'Cash on hand',                'asset',     'cash',                'cash'),
              ('1010', 'Bank account',                'asset',     'bank',                'bank'),
              ('1100', 'Accounts receivable',         'asset',     'receivable',          'accounts_receivable'),
              ('1200', 'Inventory',                   'asset',     'inventory',           'inventory'),
              ('1300', 'Prepaid expenses',            'asset',     'current_asset',       'prepaid_expenses'),
              ('1400', 'Tax receivable (input tax)',  'asset',     'current_asset',       'tax_receivable'),
              ('1500', 'Equipment',                   'asset',     'fixed_asset',         'equipment'),
              ('2000', 'Accounts payable',            'liability', 'payable',             'accounts_payable'),
              ('2050', 'Goods received not invoiced', 'liability', 'current_liability',   'goods_received_not_invoiced'),
              ('2100', 'Tax payable',                 'liability', 'tax',                 'tax_payable'),
              ('2200', 'Customer credit',             'liability', 'current_liability',   'customer_credit'),
              ('2300', 'Accrued liabilities',         'liability', 'current_liability',   'accrued_liabilities'),
              ('2500', 'Loans payable',               'liability', 'long_term_liability', 'loans_payable'),
              ('3000', 'Owner''s equity',             'equity',    'equity',              'owner_equity'),
              ('3050', 'Opening balance equity',      'equity',    'equity',              'opening_balance_equity'),
              ('3100', 'Owner''s drawings',           'equity',    'equity',              'owner_drawings'),
              ('3900', 'Retained earnings',           'equity',    'retained_earnings',   'retained_earnings'),
              ('4000', 'Sales',                       'income',    'operating_income',    'sales'),
              ('4100', 'Sales discounts',             'income',    'contra_income',       'sales_discounts'),
              ('5000', 'Cost of goods sold',          'expense',   'cost_of_sales',       'cost_of_goods_sold'),
              ('5100', 'Inventory adjustments',       'expense',   'cost_of_sales',       'inventory_adjustments'),
              ('5200', 'Purchase price variance',     'expense',   'cost_of_sales',       'purchase_price_variance'),
              ('6000', 'Rent',                        'expense',   'operating_expense',   'rent'),
              ('6100', 'Salaries and wages',          'expense',   'operating_expense',   'salaries'),
              ('6200', 'Utilities',                   'expense',   'operating_expense',   'utilities'),
              ('6300', 'Marketing and advertising',   'expense',   'operating_expense',   'marketing'),
              ('6400', 'Bank fees',                   'expense',   'operating_expense',   'bank_fees'),
              ('6500', 'Office supplies',             'expense',   'operating_expense',   'office_supplies'),
              ('6600', 'Travel',                      'expense',   'operating_expense',   'travel'),
              ('6900', 'Other expenses',              'expense',   'operating_expense',   'other_expenses'),
              ('7000', 'Interest income',             'income',    'other_income',        'interest_income'),
              ('7100', 'Interest expense',            'expense',   'other_expense',       'interest_expense'),
              ('7200', 'Foreign exchange gain/loss',  'expense',   'other_expense',       'fx_gain_loss')
            ) AS c(code, name, type, subtype, system_key)
          ON CONFLICT DO NOTHING
        $$;
    `);
    // Existing businesses get the account (under a free code when 1400 is taken).
    await q.query(`
      DO $$
      DECLARE b record;
      BEGIN
        FOR b IN SELECT id FROM businesses LOOP
          PERFORM set_config('app.business_id', b.id::text, true);
          INSERT INTO accounts (business_id, code, name, type, subtype, system_key)
            SELECT b.id, c.code, 'Tax receivable (input tax)', 'asset', 'current_asset', 'tax_receivable'
              FROM (VALUES (1, '1400'), (2, '1400-K')) AS c(pref, code)
             WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.business_id = b.id AND a.system_key = 'tax_receivable')
               AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.business_id = b.id AND a.code = c.code)
             ORDER BY c.pref LIMIT 1;
        END LOOP;
        PERFORM set_config('app.business_id', '', true);
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS bill_payment_allocations, bill_payments, expense_receipts, expenses, bill_lines, bills,
        purchase_receipt_lines, purchase_receipts, purchase_order_sends, purchase_order_lines, purchase_orders CASCADE;
      DROP FUNCTION IF EXISTS purchase_order_lines_frozen(), purchase_orders_keep_ordered(), bill_lines_frozen(), bills_keep_posted();
    `);
  }
}
