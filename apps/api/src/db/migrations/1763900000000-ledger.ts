import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The double-entry ledger: chart of accounts, journal entries and their lines.
 *
 * The journal is append-only and balanced, enforced here and not only in code:
 * - keeper_app gets SELECT, INSERT on journal tables, and a trigger refuses UPDATE, DELETE and
 *   TRUNCATE for everyone (the schema owner included); corrections are reversing entries.
 * - deferred constraint triggers check at COMMIT that every entry touched by the transaction has
 *   at least two lines, sums to zero per currency (amount_minor) and in the base currency
 *   (base_amount_minor), and that base-currency lines carry equal amount and base amount.
 *
 * Amounts are signed minor units: debit positive, credit negative. base_amount_minor is the same
 * line valued in the business's base currency at the rate of the event. An FX difference (e.g. an
 * invoice issued at 1.10 and paid at 1.05) is a line in the transaction currency with amount 0 and
 * a non-zero base amount: it moves no foreign money, only its value in the base currency, so the
 * entry still balances in both the foreign currency and the base currency.
 */
export class Ledger1763900000000 implements MigrationInterface {
  name = 'Ledger1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accounts (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        type text NOT NULL CHECK (type IN ('asset', 'liability', 'equity', 'income', 'expense')),
        subtype text NOT NULL,
        -- Stable name other modules post to ('accounts_receivable', 'sales'...); NULL for custom accounts.
        system_key text CHECK (system_key ~ '^[a-z][a-z_]{0,59}$'),
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, code),
        UNIQUE (business_id, system_key),
        -- Reports group by subtype (current vs fixed assets, cost of sales vs operating expenses).
        CHECK ((type, subtype) IN (
          ('asset', 'cash'), ('asset', 'bank'), ('asset', 'receivable'), ('asset', 'inventory'),
          ('asset', 'current_asset'), ('asset', 'fixed_asset'), ('asset', 'other_asset'),
          ('liability', 'payable'), ('liability', 'tax'), ('liability', 'current_liability'),
          ('liability', 'long_term_liability'),
          ('equity', 'equity'), ('equity', 'retained_earnings'),
          ('income', 'operating_income'), ('income', 'contra_income'), ('income', 'other_income'),
          ('expense', 'cost_of_sales'), ('expense', 'operating_expense'), ('expense', 'other_expense')
        ))
      );

      -- An account's identity (code, type, key) never changes once created, so posted history keeps
      -- its meaning. System accounts are neither deactivated nor deleted: other modules post to them.
      -- Any other account with posted lines cannot be deleted either (journal_lines' foreign key).
      CREATE FUNCTION accounts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.system_key IS NOT NULL THEN
            RAISE EXCEPTION 'system account % cannot be deleted', OLD.code USING ERRCODE = 'check_violation';
          END IF;
          RETURN OLD;
        END IF;
        IF NEW.business_id <> OLD.business_id OR NEW.id <> OLD.id OR NEW.code <> OLD.code OR NEW.type <> OLD.type
           OR NEW.system_key IS DISTINCT FROM OLD.system_key THEN
          RAISE EXCEPTION 'account % cannot change its code, type or key', OLD.code USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.system_key IS NOT NULL AND NOT NEW.is_active THEN
          RAISE EXCEPTION 'system account % cannot be deactivated', OLD.code USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER accounts_guard BEFORE UPDATE OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION accounts_guard();

      CREATE TABLE journal_entries (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- Assigned by journal_entry_number(): 1, 2, 3... per business with no gaps.
        entry_number bigint NOT NULL,
        entry_date date NOT NULL,
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
        source_type text NOT NULL CHECK (source_type ~ '^[a-z][a-z_]{0,39}$'),
        source_id uuid,
        -- The business event this entry records ('invoice:<id>:issued'); unique, so an event can never post twice.
        event_key text NOT NULL CHECK (length(event_key) BETWEEN 1 AND 200),
        reverses_entry_id uuid,
        posted_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, entry_number),
        UNIQUE (business_id, event_key),
        -- An entry is reversed at most once.
        UNIQUE (business_id, reverses_entry_id),
        FOREIGN KEY (business_id, reverses_entry_id) REFERENCES journal_entries(business_id, id),
        CHECK (reverses_entry_id IS NULL OR reverses_entry_id <> id)
      );
      CREATE INDEX journal_entries_list_idx ON journal_entries (business_id, entry_date DESC, entry_number DESC);
      CREATE INDEX journal_entries_source_idx ON journal_entries (business_id, source_type, source_id);

      CREATE TABLE journal_lines (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        entry_id uuid NOT NULL,
        line_no int NOT NULL CHECK (line_no >= 1),
        account_id uuid NOT NULL,
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        amount_minor bigint NOT NULL,
        base_amount_minor bigint NOT NULL,
        -- The customer or supplier the line concerns (AR/AP by contact). No foreign key yet: contacts
        -- arrive in a later migration, which should add
        -- FOREIGN KEY (business_id, contact_id) REFERENCES contacts(business_id, id).
        contact_id uuid,
        description text CHECK (length(description) <= 500),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, entry_id, line_no),
        FOREIGN KEY (business_id, entry_id) REFERENCES journal_entries(business_id, id),
        FOREIGN KEY (business_id, account_id) REFERENCES accounts(business_id, id),
        -- A line moves something; its value in the base currency never has the opposite sign.
        CHECK (amount_minor <> 0 OR base_amount_minor <> 0),
        CHECK (sign(amount_minor) * sign(base_amount_minor) >= 0)
      );
      CREATE INDEX journal_lines_account_idx ON journal_lines (business_id, account_id);
    `);

    await q.query(`
      -- Gapless numbering per business: the advisory lock serialises numbering within a business until
      -- the posting transaction ends, and in READ COMMITTED the max() below takes a fresh snapshot after
      -- the lock, so it sees the previous holder's committed entry. Other businesses are not blocked.
      CREATE FUNCTION journal_entry_number() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('journal_entries:' || NEW.business_id::text, 0));
        SELECT coalesce(max(e.entry_number), 0) + 1 INTO NEW.entry_number
          FROM journal_entries e WHERE e.business_id = NEW.business_id;
        RETURN NEW;
      END $$;
      CREATE TRIGGER journal_entries_number BEFORE INSERT ON journal_entries
        FOR EACH ROW EXECUTE FUNCTION journal_entry_number();

      CREATE FUNCTION journal_assert_balanced(p_business_id uuid, p_entry_id uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        v_lines int;
        v_base numeric;
        v_currency text;
        v_sum numeric;
      BEGIN
        SELECT count(*), coalesce(sum(l.base_amount_minor), 0) INTO v_lines, v_base
          FROM journal_lines l WHERE l.business_id = p_business_id AND l.entry_id = p_entry_id;
        IF v_lines < 2 THEN
          RAISE EXCEPTION 'journal entry % has % line(s); an entry needs at least two', p_entry_id, v_lines
            USING ERRCODE = 'check_violation';
        END IF;
        IF v_base <> 0 THEN
          RAISE EXCEPTION 'journal entry % does not balance in the base currency (off by % minor units)', p_entry_id, v_base
            USING ERRCODE = 'check_violation';
        END IF;
        SELECT l.currency, sum(l.amount_minor) INTO v_currency, v_sum
          FROM journal_lines l WHERE l.business_id = p_business_id AND l.entry_id = p_entry_id
         GROUP BY l.currency HAVING sum(l.amount_minor) <> 0 LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'journal entry % does not balance in % (off by % minor units)', p_entry_id, v_currency, v_sum
            USING ERRCODE = 'check_violation';
        END IF;
        PERFORM 1 FROM journal_lines l JOIN businesses b ON b.id = l.business_id
         WHERE l.business_id = p_business_id AND l.entry_id = p_entry_id
           AND l.currency = b.base_currency AND l.amount_minor <> l.base_amount_minor;
        IF FOUND THEN
          RAISE EXCEPTION 'journal entry % has a base-currency line whose base amount differs from its amount', p_entry_id
            USING ERRCODE = 'check_violation';
        END IF;
      END $$;

      CREATE FUNCTION journal_entries_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM journal_assert_balanced(NEW.business_id, NEW.id);
        RETURN NULL;
      END $$;
      CREATE FUNCTION journal_lines_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM journal_assert_balanced(NEW.business_id, NEW.entry_id);
        RETURN NULL;
      END $$;

      -- Checked at COMMIT, once the whole entry is written. The lines trigger also catches a line
      -- added later to an entry committed earlier.
      CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entries_check();
      CREATE CONSTRAINT TRIGGER journal_lines_balanced AFTER INSERT ON journal_lines
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_lines_check();

      CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER journal_lines_append_only BEFORE UPDATE OR DELETE ON journal_lines
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER journal_lines_no_truncate BEFORE TRUNCATE ON journal_lines
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
    `);

    // The default chart. SECURITY INVOKER: it runs with the caller's tenant setting and RLS, so
    // it can only ever seed the business of the current transaction. Keys are the contract other
    // modules post to (see SYSTEM_ACCOUNT_KEYS in modules/ledger/chart.ts); codes leave room between.
    await q.query(`
      CREATE FUNCTION ensure_default_chart(p_business_id uuid) RETURNS void
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
              ('2100', 'Tax payable',                 'liability', 'tax',                 'tax_payable'),
              ('2200', 'Customer credit',             'liability', 'current_liability',   'customer_credit'),
              ('2300', 'Accrued liabilities',         'liability', 'current_liability',   'accrued_liabilities'),
              ('2500', 'Loans payable',               'liability', 'long_term_liability', 'loans_payable'),
              ('3000', 'Owner''s equity',             'equity',    'equity',              'owner_equity'),
              ('3100', 'Owner''s drawings',           'equity',    'equity',              'owner_drawings'),
              ('3900', 'Retained earnings',           'equity',    'retained_earnings',   'retained_earnings'),
              ('4000', 'Sales',                       'income',    'operating_income',    'sales'),
              ('4100', 'Sales discounts',             'income',    'contra_income',       'sales_discounts'),
              ('5000', 'Cost of goods sold',          'expense',   'cost_of_sales',       'cost_of_goods_sold'),
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

    for (const table of ['accounts', 'journal_entries', 'journal_lines']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
      `);
    }

    await q.query(`
      REVOKE EXECUTE ON FUNCTION accounts_guard(), journal_entry_number(), journal_assert_balanced(uuid, uuid),
        journal_entries_check(), journal_lines_check(), ensure_default_chart(uuid) FROM PUBLIC;
      GRANT SELECT, INSERT, UPDATE, DELETE ON accounts TO keeper_app;
      GRANT SELECT, INSERT ON journal_entries, journal_lines TO keeper_app;
      GRANT EXECUTE ON FUNCTION accounts_guard(), journal_entry_number(), journal_assert_balanced(uuid, uuid),
        journal_entries_check(), journal_lines_check(), ensure_default_chart(uuid) TO keeper_app;
    `);

    // Businesses created before the ledger get the default chart. keeper_owner bypasses RLS, but
    // the tenant is set anyway so the function behaves exactly as it does at runtime.
    await q.query(`
      DO $$
      DECLARE b record;
      BEGIN
        FOR b IN SELECT id FROM businesses LOOP
          PERFORM set_config('app.business_id', b.id::text, true);
          PERFORM ensure_default_chart(b.id);
        END LOOP;
        PERFORM set_config('app.business_id', '', true);
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS journal_lines, journal_entries, accounts CASCADE;
      DROP FUNCTION IF EXISTS ensure_default_chart(uuid), journal_lines_check(), journal_entries_check(),
        journal_assert_balanced(uuid, uuid), journal_entry_number(), accounts_guard();
    `);
  }
}
