import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The business's postal address and contact details, printed on its invoices (the PDF and the
 * public invoice page) next to its name and country. Each part is optional; an empty part is
 * stored as NULL, never as ''.
 */
export class BusinessProfile1763900600000 implements MigrationInterface {
  name = 'BusinessProfile1763900600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE businesses
        ADD COLUMN address_line1 text CHECK (length(address_line1) BETWEEN 1 AND 200),
        ADD COLUMN address_line2 text CHECK (length(address_line2) BETWEEN 1 AND 200),
        ADD COLUMN city text CHECK (length(city) BETWEEN 1 AND 100),
        ADD COLUMN region text CHECK (length(region) BETWEEN 1 AND 100),
        ADD COLUMN postal_code text CHECK (length(postal_code) BETWEEN 1 AND 20),
        -- VAT / tax registration number, as the tax office writes it.
        ADD COLUMN tax_id text CHECK (length(tax_id) BETWEEN 1 AND 50),
        ADD COLUMN email text CHECK (length(email) BETWEEN 3 AND 254),
        ADD COLUMN phone text CHECK (length(phone) BETWEEN 1 AND 50);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE businesses
        DROP COLUMN IF EXISTS address_line1, DROP COLUMN IF EXISTS address_line2, DROP COLUMN IF EXISTS city,
        DROP COLUMN IF EXISTS region, DROP COLUMN IF EXISTS postal_code, DROP COLUMN IF EXISTS tax_id,
        DROP COLUMN IF EXISTS email, DROP COLUMN IF EXISTS phone;
    `);
  }
}
