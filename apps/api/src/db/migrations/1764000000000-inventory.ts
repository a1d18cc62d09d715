import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inventory: locations, immutable stock movements grouped in operations, the running level and
 * value per product and location, FIFO cost layers, and reservations.
 *
 * Movements are the source of truth; `stock_levels` is their running sum, written in the same
 * transaction under a row lock (which is also what serialises concurrent movements and
 * reservations of one product at one location). Every operation that changes the value of stock
 * posts its journal entry in the same transaction, so the inventory account always equals the
 * valued stock.
 */
export class Inventory1764000000000 implements MigrationInterface {
  name = 'Inventory1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inventory_settings (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- Changeable only while the business has no stock movements.
        valuation_method text NOT NULL DEFAULT 'moving_average' CHECK (valuation_method IN ('moving_average', 'fifo')),
        allow_negative_stock boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id)
      );

      CREATE TABLE locations (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (length(code) BETWEEN 1 AND 20 AND code = btrim(code)),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        kind text NOT NULL DEFAULT 'warehouse' CHECK (kind IN ('warehouse', 'shop')),
        -- { line1, line2, city, region, postalCode, country }
        address jsonb CHECK (jsonb_typeof(address) = 'object'),
        is_default boolean NOT NULL DEFAULT false,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        CHECK (NOT (is_default AND archived_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX locations_code_key ON locations (business_id, lower(code));
      CREATE UNIQUE INDEX locations_one_default ON locations (business_id) WHERE is_default;

      -- One stock-changing act: a receipt, a shipment, a transfer, an adjustment or a posted count.
      CREATE TABLE stock_operations (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('receipt', 'shipment', 'transfer', 'adjustment', 'count')),
        -- Names the business event (e.g. shipment:<id>); the same event never moves stock twice.
        event_key text NOT NULL CHECK (length(event_key) BETWEEN 1 AND 200),
        operation_date date NOT NULL,
        location_id uuid NOT NULL,
        to_location_id uuid,
        reason text CHECK (length(reason) BETWEEN 1 AND 500),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
        source_type text NOT NULL CHECK (source_type ~ '^[a-z][a-z_]{0,39}$'),
        source_id uuid,
        journal_entry_id uuid,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, event_key),
        FOREIGN KEY (business_id, location_id) REFERENCES locations(business_id, id),
        FOREIGN KEY (business_id, to_location_id) REFERENCES locations(business_id, id),
        FOREIGN KEY (business_id, journal_entry_id) REFERENCES journal_entries(business_id, id),
        CHECK ((kind = 'transfer') = (to_location_id IS NOT NULL)),
        CHECK (to_location_id IS NULL OR to_location_id <> location_id),
        CHECK (kind NOT IN ('adjustment') OR reason IS NOT NULL)
      );
      CREATE INDEX stock_operations_list ON stock_operations (business_id, created_at DESC, id DESC);
      CREATE INDEX stock_operations_source ON stock_operations (business_id, source_type, source_id);

      CREATE TABLE stock_movements (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- The order movements were applied in; running balances follow it.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        operation_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('receipt', 'shipment', 'transfer_out', 'transfer_in', 'adjustment', 'count')),
        product_id uuid NOT NULL,
        location_id uuid NOT NULL,
        movement_date date NOT NULL,
        -- Signed: in is positive, out is negative. Value in base-currency minor units, signed alike.
        quantity numeric(18, 4) NOT NULL CHECK (quantity <> 0),
        value_minor bigint NOT NULL,
        -- What a receipt cost beyond what the deficit it filled was booked at (negative stock only).
        price_difference_minor bigint NOT NULL DEFAULT 0,
        -- The product's level at this location right after this movement.
        quantity_after numeric(18, 4) NOT NULL,
        value_after_minor bigint NOT NULL,
        source_line_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (seq),
        FOREIGN KEY (business_id, operation_id) REFERENCES stock_operations(business_id, id),
        FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, location_id) REFERENCES locations(business_id, id),
        CHECK (kind NOT IN ('receipt', 'transfer_in') OR quantity > 0),
        CHECK (kind NOT IN ('shipment', 'transfer_out') OR quantity < 0),
        CHECK (quantity_after <> 0 OR value_after_minor = 0)
      );
      CREATE INDEX stock_movements_card ON stock_movements (business_id, product_id, seq);
      CREATE INDEX stock_movements_operation ON stock_movements (business_id, operation_id);
      CREATE INDEX stock_movements_date ON stock_movements (business_id, movement_date, seq);

      CREATE TABLE stock_levels (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL,
        location_id uuid NOT NULL,
        quantity numeric(18, 4) NOT NULL DEFAULT 0,
        value_minor bigint NOT NULL DEFAULT 0,
        reserved numeric(18, 4) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        -- The last receipt here (value over quantity): prices a shortfall when nothing is on hand.
        last_receipt_value_minor bigint,
        last_receipt_quantity numeric(18, 4) CHECK (last_receipt_quantity > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, product_id, location_id),
        FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, location_id) REFERENCES locations(business_id, id),
        CHECK (quantity <> 0 OR value_minor = 0),
        CHECK (quantity < 0 OR value_minor >= 0)
      );
      CREATE INDEX stock_levels_location ON stock_levels (business_id, location_id);

      -- FIFO cost layers: what is left of each receipt. Never below zero.
      CREATE TABLE stock_layers (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL,
        location_id uuid NOT NULL,
        movement_id uuid NOT NULL,
        seq bigint NOT NULL,
        quantity_in numeric(18, 4) NOT NULL CHECK (quantity_in > 0),
        value_in_minor bigint NOT NULL CHECK (value_in_minor >= 0),
        quantity_remaining numeric(18, 4) NOT NULL CHECK (quantity_remaining >= 0 AND quantity_remaining <= quantity_in),
        value_remaining_minor bigint NOT NULL CHECK (value_remaining_minor >= 0 AND value_remaining_minor <= value_in_minor),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, location_id) REFERENCES locations(business_id, id),
        FOREIGN KEY (business_id, movement_id) REFERENCES stock_movements(business_id, id),
        CHECK (quantity_remaining > 0 OR value_remaining_minor = 0)
      );
      CREATE INDEX stock_layers_open ON stock_layers (business_id, product_id, location_id, seq) WHERE quantity_remaining > 0;

      -- Which layers an outgoing movement took from (FIFO): the audit trail of its cost.
      CREATE TABLE stock_layer_takes (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        movement_id uuid NOT NULL,
        layer_id uuid NOT NULL,
        quantity numeric(18, 4) NOT NULL CHECK (quantity > 0),
        value_minor bigint NOT NULL CHECK (value_minor >= 0),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, movement_id) REFERENCES stock_movements(business_id, id),
        FOREIGN KEY (business_id, layer_id) REFERENCES stock_layers(business_id, id)
      );
      CREATE INDEX stock_layer_takes_movement ON stock_layer_takes (business_id, movement_id);

      -- Stock held for a document line (a sales order line); 'quantity' is what is still held.
      CREATE TABLE stock_reservations (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL,
        location_id uuid NOT NULL,
        quantity numeric(18, 4) NOT NULL CHECK (quantity >= 0),
        source_type text NOT NULL CHECK (source_type ~ '^[a-z][a-z_]{0,39}$'),
        source_id uuid NOT NULL,
        source_line_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, source_type, source_line_id),
        FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id) ON DELETE RESTRICT,
        FOREIGN KEY (business_id, location_id) REFERENCES locations(business_id, id)
      );
      CREATE INDEX stock_reservations_level ON stock_reservations (business_id, product_id, location_id) WHERE quantity > 0;

      CREATE TRIGGER stock_operations_append_only BEFORE UPDATE OR DELETE ON stock_operations
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER stock_layer_takes_append_only BEFORE UPDATE OR DELETE ON stock_layer_takes
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER stock_operations_no_truncate BEFORE TRUNCATE ON stock_operations
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER stock_movements_no_truncate BEFORE TRUNCATE ON stock_movements
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      -- The second wall behind the service: no level below zero unless the business allows it.
      CREATE FUNCTION stock_levels_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.quantity < 0 AND NOT coalesce((SELECT allow_negative_stock FROM inventory_settings
                                               WHERE business_id = NEW.business_id), false) THEN
          RAISE EXCEPTION 'stock of product % at location % would go below zero', NEW.product_id, NEW.location_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_levels_not_negative';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER stock_levels_guard BEFORE INSERT OR UPDATE ON stock_levels
        FOR EACH ROW EXECUTE FUNCTION stock_levels_guard();

      -- Movements refer to products; a product with stock history is archived, not deleted, and
      -- stops tracking stock only when nothing is on hand (checked by the catalog service).

      -- Accounts the inventory and purchasing flows post to, added to the default chart.
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

    for (const table of [
      'inventory_settings',
      'locations',
      'stock_operations',
      'stock_movements',
      'stock_levels',
      'stock_layers',
      'stock_layer_takes',
      'stock_reservations',
    ]) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
      `);
    }
    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON inventory_settings, locations, stock_levels, stock_layers, stock_reservations TO keeper_app;
      GRANT SELECT, INSERT ON stock_operations, stock_movements, stock_layer_takes TO keeper_app;
      REVOKE EXECUTE ON FUNCTION stock_levels_guard() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION stock_levels_guard() TO keeper_app;
    `);

    // Existing businesses get the new accounts, their settings row and a default location. An
    // account code already used by the business keeps its own account (ON CONFLICT DO NOTHING);
    // the new system keys are then added under a free code.
    await q.query(`
      DO $$
      DECLARE b record;
      BEGIN
        FOR b IN SELECT id FROM businesses LOOP
          PERFORM set_config('app.business_id', b.id::text, true);
          PERFORM ensure_default_chart(b.id);
          INSERT INTO accounts (business_id, code, name, type, subtype, system_key)
            SELECT b.id, n.code || '-K', n.name, n.type, n.subtype, n.system_key
              FROM (VALUES
                ('2050', 'Goods received not invoiced', 'liability', 'current_liability', 'goods_received_not_invoiced'),
                ('3050', 'Opening balance equity',      'equity',    'equity',            'opening_balance_equity'),
                ('5100', 'Inventory adjustments',       'expense',   'cost_of_sales',     'inventory_adjustments'),
                ('5200', 'Purchase price variance',     'expense',   'cost_of_sales',     'purchase_price_variance')
              ) AS n(code, name, type, subtype, system_key)
             WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.business_id = b.id AND a.system_key = n.system_key)
            ON CONFLICT DO NOTHING;
          INSERT INTO inventory_settings (business_id) VALUES (b.id) ON CONFLICT DO NOTHING;
          INSERT INTO locations (business_id, code, name, is_default)
            SELECT b.id, 'MAIN', 'Main warehouse', true
             WHERE NOT EXISTS (SELECT 1 FROM locations WHERE business_id = b.id);
        END LOOP;
        PERFORM set_config('app.business_id', '', true);
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS stock_reservations, stock_layer_takes, stock_layers, stock_levels, stock_movements,
        stock_operations, locations, inventory_settings CASCADE;
      DROP FUNCTION IF EXISTS stock_levels_guard();
    `);
  }
}
