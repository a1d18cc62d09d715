import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sales flow: quotes (sent by email with a public link; accepted, declined, or expired by
 * their validity date), sales orders that reserve stock, partial shipments that move stock through
 * the inventory engine, and the link from order lines to the invoices that billed them.
 *
 * Reserved quantities live in the inventory engine (stock_reservations); an order line keeps the
 * quantity its reservation holds, changed only in the same transaction as the engine's call, so
 * ordered = shipped + reserved + back-ordered always adds up. Invoiced quantities are summed from
 * sales_order_invoice_lines over invoices that are not void, so voiding an invoice makes its
 * quantities invoiceable again without touching the order.
 */
/** The columns every sales document line has, as invoice_lines has them (amounts computed by @keeper/invoicing). */
const LINE_COLUMNS = `line_no int NOT NULL CHECK (line_no >= 1),
        product_id uuid,
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        quantity numeric(18, 4) NOT NULL CHECK (quantity > 0),
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
        discount_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
        tax_rate_id uuid,
        tax_rate_percent numeric(7, 4) NOT NULL DEFAULT 0 CHECK (tax_rate_percent >= 0),
        discount_minor bigint NOT NULL,
        net_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        total_minor bigint NOT NULL,`;

export class Sales1764000100000 implements MigrationInterface {
  name = 'Sales1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE document_series DROP CONSTRAINT document_series_kind_check;
      ALTER TABLE document_series ADD CONSTRAINT document_series_kind_check
        CHECK (kind IN ('invoice', 'credit_note', 'quote', 'sales_order', 'delivery_note'));

      -- Quotes are numbered when created (they are offers, not tax documents, so a deleted draft
      -- may leave a gap). 'expired' is not stored: a sent quote past valid_until (in the business's
      -- time zone) is expired, so it is never late and never needs a job to flip it.
      CREATE TABLE quotes (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL,
        number text NOT NULL CHECK (length(number) BETWEEN 1 AND 40),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'accepted', 'declined')),
        contact_id uuid NOT NULL,
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        issue_date date NOT NULL,
        valid_until date NOT NULL,
        prices_include_tax boolean NOT NULL,
        tax_rounding text NOT NULL CHECK (tax_rounding IN ('line', 'document')),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
        terms text NOT NULL DEFAULT '' CHECK (length(terms) <= 5000),
        subtotal_minor bigint NOT NULL DEFAULT 0,
        discount_minor bigint NOT NULL DEFAULT 0,
        tax_minor bigint NOT NULL DEFAULT 0,
        total_minor bigint NOT NULL DEFAULT 0 CHECK (total_minor >= 0),
        sent_at timestamptz,
        accepted_at timestamptz,
        declined_at timestamptz,
        decline_reason text CHECK (length(decline_reason) <= 500),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, series_id) REFERENCES document_series(business_id, id),
        FOREIGN KEY (business_id, contact_id) REFERENCES contacts(business_id, id) ON DELETE RESTRICT,
        CHECK (valid_until >= issue_date),
        CHECK ((status = 'accepted') = (accepted_at IS NOT NULL)),
        CHECK ((status = 'declined') = (declined_at IS NOT NULL)),
        CHECK (status = 'draft' OR sent_at IS NOT NULL OR accepted_at IS NOT NULL OR declined_at IS NOT NULL)
      );
      CREATE UNIQUE INDEX quotes_number ON quotes (business_id, series_id, number);
      CREATE INDEX quotes_list ON quotes (business_id, created_at DESC, id DESC);
      CREATE INDEX quotes_contact ON quotes (business_id, contact_id);

      CREATE TABLE quote_lines (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        quote_id uuid NOT NULL,
        ${LINE_COLUMNS}
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, quote_id, line_no),
        FOREIGN KEY (business_id, quote_id) REFERENCES quotes(business_id, id) ON DELETE CASCADE,
        FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, tax_rate_id) REFERENCES tax_rates(business_id, id) ON DELETE RESTRICT
      );

      -- What the customer was sent is what they accept: lines change only while the quote is a draft.
      CREATE FUNCTION quote_lines_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s text;
      BEGIN
        SELECT status INTO s FROM quotes
          WHERE business_id = coalesce(NEW.business_id, OLD.business_id) AND id = coalesce(NEW.quote_id, OLD.quote_id);
        IF s IS NOT NULL AND s <> 'draft' THEN
          RAISE EXCEPTION 'lines of a sent quote cannot change' USING ERRCODE = 'check_violation';
        END IF;
        RETURN coalesce(NEW, OLD);
      END $$;
      CREATE TRIGGER quote_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON quote_lines
        FOR EACH ROW EXECUTE FUNCTION quote_lines_frozen();

      -- One row per send request; sent_at is set by the email job, so a duplicate delivery sends once.
      CREATE TABLE quote_sends (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        quote_id uuid NOT NULL,
        to_email text NOT NULL CHECK (length(to_email) BETWEEN 3 AND 254),
        message text NOT NULL DEFAULT '' CHECK (length(message) <= 5000),
        requested_by uuid REFERENCES users(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, quote_id) REFERENCES quotes(business_id, id)
      );
      CREATE INDEX quote_sends_quote ON quote_sends (business_id, quote_id, requested_at DESC);

      -- The link token is an HMAC of the quote id (never stored); only its SHA-256 is kept, for lookup.
      CREATE TABLE quote_public_links (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        quote_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, quote_id),
        FOREIGN KEY (business_id, quote_id) REFERENCES quotes(business_id, id)
      );
      CREATE TRIGGER quote_public_links_append_only BEFORE UPDATE OR DELETE ON quote_public_links
        FOR EACH ROW EXECUTE FUNCTION refuse_change();

      CREATE FUNCTION find_quote_by_token(p_token_hash bytea)
        RETURNS TABLE (business_id uuid, quote_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$ SELECT l.business_id, l.quote_id FROM quote_public_links l WHERE l.token_hash = p_token_hash $$;
      REVOKE EXECUTE ON FUNCTION find_quote_by_token(bytea) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION find_quote_by_token(bytea) TO keeper_app;

      CREATE TABLE sales_orders (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        series_id uuid NOT NULL,
        number text NOT NULL CHECK (length(number) BETWEEN 1 AND 40),
        -- Fulfilment (shipped, invoiced, back-ordered) is derived from the lines; see the service.
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'confirmed', 'cancelled')),
        quote_id uuid,
        contact_id uuid NOT NULL,
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        order_date date NOT NULL,
        expected_date date,
        -- Where the goods are reserved and shipped from.
        location_id uuid NOT NULL,
        prices_include_tax boolean NOT NULL,
        tax_rounding text NOT NULL CHECK (tax_rounding IN ('line', 'document')),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
        terms text NOT NULL DEFAULT '' CHECK (length(terms) <= 5000),
        subtotal_minor bigint NOT NULL DEFAULT 0,
        discount_minor bigint NOT NULL DEFAULT 0,
        tax_minor bigint NOT NULL DEFAULT 0,
        total_minor bigint NOT NULL DEFAULT 0 CHECK (total_minor >= 0),
        confirmed_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text CHECK (length(cancel_reason) <= 500),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        -- A quote converts into one order, however often "accept" is clicked.
        UNIQUE (business_id, quote_id),
        FOREIGN KEY (business_id, series_id) REFERENCES document_series(business_id, id),
        FOREIGN KEY (business_id, quote_id) REFERENCES quotes(business_id, id),
        FOREIGN KEY (business_id, contact_id) REFERENCES contacts(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, location_id) REFERENCES locations(business_id, id),
        CHECK (expected_date IS NULL OR expected_date >= order_date),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
        CHECK (status = 'draft' OR status = 'cancelled' OR confirmed_at IS NOT NULL)
      );
      CREATE UNIQUE INDEX sales_orders_number ON sales_orders (business_id, series_id, number);
      CREATE INDEX sales_orders_list ON sales_orders (business_id, created_at DESC, id DESC);
      CREATE INDEX sales_orders_contact ON sales_orders (business_id, contact_id);

      CREATE TABLE sales_order_lines (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL,
        ${LINE_COLUMNS}
        -- Whether the line moves stock (its product tracks stock), fixed when the order is confirmed.
        -- Other lines (services, free text) reserve and ship nothing and are invoiced as ordered.
        stocked boolean NOT NULL DEFAULT false,
        reservation_id uuid,
        quantity_reserved numeric(18, 4) NOT NULL DEFAULT 0 CHECK (quantity_reserved >= 0),
        quantity_shipped numeric(18, 4) NOT NULL DEFAULT 0 CHECK (quantity_shipped >= 0),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, order_id, line_no),
        FOREIGN KEY (business_id, order_id) REFERENCES sales_orders(business_id, id) ON DELETE CASCADE,
        FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, tax_rate_id) REFERENCES tax_rates(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, reservation_id) REFERENCES stock_reservations(business_id, id),
        CHECK (quantity_shipped + quantity_reserved <= quantity),
        CHECK (stocked OR (quantity_shipped = 0 AND quantity_reserved = 0 AND reservation_id IS NULL)),
        CHECK (stocked = false OR product_id IS NOT NULL)
      );
      CREATE INDEX sales_order_lines_reservation ON sales_order_lines (business_id, reservation_id) WHERE reservation_id IS NOT NULL;

      -- A confirmed order's commercial terms are fixed; only its fulfilment columns move.
      CREATE FUNCTION sales_order_lines_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s text;
      BEGIN
        SELECT status INTO s FROM sales_orders
          WHERE business_id = coalesce(NEW.business_id, OLD.business_id) AND id = coalesce(NEW.order_id, OLD.order_id);
        IF s IS NULL OR s = 'draft' THEN RETURN coalesce(NEW, OLD); END IF;
        IF TG_OP = 'UPDATE' AND (NEW.product_id, NEW.description, NEW.quantity, NEW.unit_price_minor, NEW.discount_percent,
             NEW.tax_rate_id, NEW.tax_rate_percent, NEW.total_minor, NEW.line_no, NEW.order_id)
           IS NOT DISTINCT FROM (OLD.product_id, OLD.description, OLD.quantity, OLD.unit_price_minor, OLD.discount_percent,
             OLD.tax_rate_id, OLD.tax_rate_percent, OLD.total_minor, OLD.line_no, OLD.order_id) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'lines of a confirmed sales order cannot change' USING ERRCODE = 'check_violation';
      END $$;
      CREATE TRIGGER sales_order_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON sales_order_lines
        FOR EACH ROW EXECUTE FUNCTION sales_order_lines_frozen();

      -- A shipment is one stock operation (its event key is the shipment id): goods left, at cost.
      CREATE TABLE sales_shipments (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL,
        order_id uuid NOT NULL,
        series_id uuid NOT NULL,
        number text NOT NULL CHECK (length(number) BETWEEN 1 AND 40),
        ship_date date NOT NULL,
        location_id uuid NOT NULL,
        stock_operation_id uuid NOT NULL,
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, stock_operation_id),
        FOREIGN KEY (business_id, order_id) REFERENCES sales_orders(business_id, id),
        FOREIGN KEY (business_id, series_id) REFERENCES document_series(business_id, id),
        FOREIGN KEY (business_id, location_id) REFERENCES locations(business_id, id),
        FOREIGN KEY (business_id, stock_operation_id) REFERENCES stock_operations(business_id, id)
      );
      CREATE UNIQUE INDEX sales_shipments_number ON sales_shipments (business_id, series_id, number);
      CREATE INDEX sales_shipments_order ON sales_shipments (business_id, order_id, created_at);

      CREATE TABLE sales_shipment_lines (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        shipment_id uuid NOT NULL,
        order_line_id uuid NOT NULL,
        product_id uuid NOT NULL,
        quantity numeric(18, 4) NOT NULL CHECK (quantity > 0),
        -- What the goods cost (base currency), as the inventory engine valued them: the COGS posted.
        cost_minor bigint NOT NULL CHECK (cost_minor >= 0),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, shipment_id, order_line_id),
        FOREIGN KEY (business_id, shipment_id) REFERENCES sales_shipments(business_id, id),
        FOREIGN KEY (business_id, order_line_id) REFERENCES sales_order_lines(business_id, id),
        FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id)
      );
      CREATE INDEX sales_shipment_lines_line ON sales_shipment_lines (business_id, order_line_id);

      -- Which invoice billed how much of which order line.
      CREATE TABLE sales_order_invoice_lines (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL,
        order_line_id uuid NOT NULL,
        invoice_id uuid NOT NULL,
        quantity numeric(18, 4) NOT NULL CHECK (quantity > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, invoice_id, order_line_id),
        FOREIGN KEY (business_id, order_id) REFERENCES sales_orders(business_id, id),
        FOREIGN KEY (business_id, order_line_id) REFERENCES sales_order_lines(business_id, id),
        FOREIGN KEY (business_id, invoice_id) REFERENCES invoices(business_id, id)
      );
      CREATE INDEX sales_order_invoice_lines_line ON sales_order_invoice_lines (business_id, order_line_id);
      CREATE INDEX sales_order_invoice_lines_order ON sales_order_invoice_lines (business_id, order_id);

      CREATE TRIGGER sales_shipments_append_only BEFORE UPDATE OR DELETE ON sales_shipments
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER sales_shipment_lines_append_only BEFORE UPDATE OR DELETE ON sales_shipment_lines
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER sales_order_invoice_lines_append_only BEFORE UPDATE OR DELETE ON sales_order_invoice_lines
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
    `);
    for (const table of [
      'quotes',
      'quote_lines',
      'quote_sends',
      'quote_public_links',
      'sales_orders',
      'sales_order_lines',
      'sales_shipments',
      'sales_shipment_lines',
      'sales_order_invoice_lines',
    ]) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
      `);
    }
    await q.query(`
      GRANT SELECT, INSERT, UPDATE, DELETE ON quotes, quote_lines, quote_sends, sales_orders, sales_order_lines TO keeper_app;
      GRANT SELECT, INSERT ON quote_public_links, sales_shipments, sales_shipment_lines, sales_order_invoice_lines TO keeper_app;
      GRANT EXECUTE ON FUNCTION quote_lines_frozen(), sales_order_lines_frozen() TO keeper_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS sales_order_invoice_lines, sales_shipment_lines, sales_shipments, sales_order_lines, sales_orders,
        quote_public_links, quote_sends, quote_lines, quotes CASCADE;
      DROP FUNCTION IF EXISTS find_quote_by_token(bytea), quote_lines_frozen(), sales_order_lines_frozen();
      DELETE FROM document_series WHERE kind IN ('quote', 'sales_order', 'delivery_note');
      ALTER TABLE document_series DROP CONSTRAINT document_series_kind_check;
      ALTER TABLE document_series ADD CONSTRAINT document_series_kind_check CHECK (kind IN ('invoice', 'credit_note'));
    `);
  }
}
