import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalog the sales and purchasing documents refer to: tax rates, contacts (customers and
 * suppliers) and products/services, plus the business's tax settings.
 *
 * Documents reference these rows with composite foreign keys ON DELETE RESTRICT, so a delete of a
 * row that something refers to fails with 23503 and the API answers "archive it instead".
 */
export class Catalog1763900100000 implements MigrationInterface {
  name = 'Catalog1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- How prices are entered and how tax is rounded. Invoices copy both at issue, so changing
      -- them never changes an issued invoice.
      ALTER TABLE businesses
        ADD COLUMN prices_include_tax boolean NOT NULL DEFAULT false,
        ADD COLUMN tax_rounding text NOT NULL DEFAULT 'line' CHECK (tax_rounding IN ('line', 'document'));

      CREATE TABLE tax_rates (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        -- A percentage: 13 means 13 %.
        rate numeric(7, 4) NOT NULL CHECK (rate >= 0 AND rate <= 100),
        is_default boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        CHECK (active OR NOT is_default)
      );
      CREATE UNIQUE INDEX tax_rates_one_default ON tax_rates (business_id) WHERE is_default;
      -- Product CSV imports name a rate, so active names must be unambiguous.
      CREATE UNIQUE INDEX tax_rates_active_name ON tax_rates (business_id, lower(name)) WHERE active;

      CREATE TABLE contacts (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('customer', 'supplier', 'both')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        tax_id text CHECK (length(tax_id) BETWEEN 1 AND 50),
        email text CHECK (length(email) BETWEEN 3 AND 254),
        phone text CHECK (length(phone) BETWEEN 1 AND 50),
        -- { line1, line2, city, region, postalCode, country }; documents copy it when issued.
        billing_address jsonb CHECK (jsonb_typeof(billing_address) = 'object'),
        shipping_address jsonb CHECK (jsonb_typeof(shipping_address) = 'object'),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        payment_terms_days int NOT NULL DEFAULT 0 CHECK (payment_terms_days BETWEEN 0 AND 365),
        -- In the contact's currency (minor units).
        credit_limit_minor bigint CHECK (credit_limit_minor >= 0),
        notes text CHECK (length(notes) <= 5000),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id)
      );
      -- Keyset pagination for each sort; the name sort is case-insensitive in code-point order.
      CREATE INDEX contacts_name_idx ON contacts (business_id, (lower(name) COLLATE "C"), id);
      CREATE INDEX contacts_created_idx ON contacts (business_id, created_at, id);

      CREATE TABLE products (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        sku text NOT NULL CHECK (length(sku) BETWEEN 1 AND 64 AND sku = btrim(sku)),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('product', 'service')),
        unit text NOT NULL DEFAULT 'pcs' CHECK (length(unit) BETWEEN 1 AND 20),
        description text CHECK (length(description) <= 5000),
        -- Money in the business's base currency (which never changes), stated on the row.
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        sales_price_minor bigint NOT NULL DEFAULT 0 CHECK (sales_price_minor >= 0),
        purchase_cost_minor bigint CHECK (purchase_cost_minor >= 0),
        tax_rate_id uuid,
        track_stock boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        FOREIGN KEY (business_id, tax_rate_id) REFERENCES tax_rates(business_id, id) ON DELETE RESTRICT,
        CHECK (kind = 'product' OR NOT track_stock)
      );
      CREATE UNIQUE INDEX products_sku_key ON products (business_id, lower(sku));
      CREATE INDEX products_sku_idx ON products (business_id, (lower(sku) COLLATE "C"), id);
      CREATE INDEX products_name_idx ON products (business_id, (lower(name) COLLATE "C"), id);
      CREATE INDEX products_created_idx ON products (business_id, created_at, id);
      CREATE INDEX products_tax_rate_idx ON products (business_id, tax_rate_id) WHERE tax_rate_id IS NOT NULL;
    `);
    for (const table of ['tax_rates', 'contacts', 'products']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO keeper_app;
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS products, contacts, tax_rates CASCADE;
      ALTER TABLE businesses DROP COLUMN IF EXISTS tax_rounding, DROP COLUMN IF EXISTS prices_include_tax;
    `);
  }
}
