import { MigrationInterface, QueryRunner } from 'typeorm';

/** The amounts a day of the books adds up to (see credit_daily_facts). */
const DAILY_AMOUNTS = [
  // flows (income positive as earned, expenses positive as spent)
  'sales_minor',
  'cogs_minor',
  'opex_minor',
  'other_income_minor',
  'other_expense_minor',
  // movements of balance-sheet groups, debit positive (a balance as of E is the sum up to E)
  'cash_minor',
  'receivable_minor',
  'inventory_minor',
  'current_assets_minor',
  'total_assets_minor',
  'payables_minor',
  'short_term_liabilities_minor',
  'long_term_liabilities_minor',
  // documents, for the data-trust cross-checks and the sales ratios
  'invoiced_net_minor',
  'invoiced_gross_minor',
  'credited_net_minor',
  'credited_gross_minor',
  'received_minor',
  'refunded_minor',
  'stock_purchased_minor',
  'stock_shipped_minor',
  'stock_adjusted_minor',
  'goods_invoiced_minor',
  'goods_invoiced_unshipped_minor',
];

/**
 * The credit pipeline: per-business facts kept up to date incrementally from the journal, the
 * immutable credit profile snapshots, and the state that debounces recomputes.
 *
 * - credit_profile_state: one row per business. A change of the books bumps `changes` and, on the
 *   first change since the last recompute, sets `pending_since` and writes one 'credit.recompute'
 *   outbox row, all in the transaction of the change (CreditSignals). The recompute clears
 *   `pending_since` only if `changes` did not move meanwhile, else it queues itself again: so a
 *   burst of changes is one recompute and none is ever lost, whatever happens to Redis.
 *   `facts_through_entry` is how far (journal entry_number) the facts have read the journal;
 *   entry numbers are gapless and committed in order per business, so everything at or below it
 *   has been seen.
 * - credit_daily_facts, credit_customer_facts: what each day of the journal adds up to, and each
 *   customer's invoiced sales per day. Rebuilt only for the days of entries posted since the last
 *   run (the journal is append-only, so no other day can change); features for any 12-month window
 *   are sums over at most 730 rows instead of a scan of every journal line.
 * - credit_profiles: append-only snapshots (features, model version, score, PD, grade, reasons,
 *   data freshness, when and why computed, how long it took).
 * - credit_nightly_runs: the nightly re-scoring, once per business and day (its unique key is the
 *   exactly-once guarantee).
 */
export class Credit1764100100000 implements MigrationInterface {
  name = 'Credit1764100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit_profile_state (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- Bumped by every change of the books (and by consent grants and owner requests).
        changes bigint NOT NULL DEFAULT 0 CHECK (changes >= 0),
        -- When the first change not yet in a profile happened; NULL: nothing waiting.
        pending_since timestamptz,
        -- Why the waiting recompute was asked for (the latest reason).
        pending_trigger text CHECK (pending_trigger IN ('books_changed', 'consent_granted', 'owner_request')),
        facts_through_entry bigint NOT NULL DEFAULT 0 CHECK (facts_through_entry >= 0),
        computed_changes bigint NOT NULL DEFAULT 0,
        -- The last time a recompute ran (whether or not it wrote a new snapshot).
        computed_at timestamptz,
        -- The last "recompute now" by a person (rate limit).
        requested_at timestamptz,
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id),
        CHECK ((pending_since IS NULL) = (pending_trigger IS NULL))
      );
      -- What the dashboard and a sweep would look for: businesses waiting for a recompute.
      CREATE INDEX credit_profile_state_pending ON credit_profile_state (pending_since) WHERE pending_since IS NOT NULL;

      -- What one day of the journal adds up to, in the base currency (minor units).
      CREATE TABLE credit_daily_facts (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        day date NOT NULL,
        entries int NOT NULL CHECK (entries > 0),
        ${DAILY_AMOUNTS.map((c) => `${c} bigint NOT NULL DEFAULT 0,`).join('\n        ')}
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, day)
      );

      -- Each customer's invoiced sales (net of voids and credit notes) and invoice count per day.
      -- No foreign key to contacts: these are figures about the journal, which names contacts
      -- without one either, and they must never stand in the way of archiving or deleting a contact.
      CREATE TABLE credit_customer_facts (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        day date NOT NULL,
        contact_id uuid NOT NULL,
        sales_minor bigint NOT NULL,
        invoices int NOT NULL,
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, day, contact_id)
      );

      CREATE TABLE credit_profiles (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- The period end E the features are computed for (the business's today).
        as_of date NOT NULL,
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        trigger text NOT NULL CHECK (trigger IN ('books_changed', 'consent_granted', 'owner_request', 'nightly')),
        model_version text NOT NULL CHECK (length(model_version) BETWEEN 1 AND 100),
        score int NOT NULL,
        pd numeric(12, 10) NOT NULL CHECK (pd > 0 AND pd < 1),
        grade text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'E')),
        -- [{code, feature, direction, value, contribution, points, text: {en, zh-CN}}], at most four.
        reasons jsonb NOT NULL CHECK (jsonb_typeof(reasons) = 'array'),
        -- Every model ratio's contribution, and the log-odds they add up from.
        contributions jsonb NOT NULL CHECK (jsonb_typeof(contributions) = 'array'),
        baseline_logit double precision NOT NULL,
        -- The model's inputs: {attrN: number | null | "Infinity" | "-Infinity"} (JSON has no infinity).
        ratios jsonb NOT NULL CHECK (jsonb_typeof(ratios) = 'object'),
        -- Operating features (revenue by month, growth, margin, days outstanding, customers, …).
        features jsonb NOT NULL CHECK (jsonb_typeof(features) = 'object'),
        -- Policy signals, not model inputs (volatility, concentration, overdue, data trust).
        signals jsonb NOT NULL CHECK (jsonb_typeof(signals) = 'object'),
        -- Data freshness: the latest entry date on or before as_of, and when the latest entry the
        -- features saw was recorded; NULL for books with no entries.
        data_through date,
        data_recorded_at timestamptz,
        -- The last journal entry number the features saw.
        through_entry bigint NOT NULL,
        -- sha-256 of the model version and everything computed: an unchanged profile is not stored again.
        fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
        computed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        computation_ms int NOT NULL CHECK (computation_ms >= 0),
        PRIMARY KEY (business_id, id)
      );
      CREATE INDEX credit_profiles_latest ON credit_profiles (business_id, computed_at DESC, id DESC);
      CREATE INDEX credit_profiles_by_day ON credit_profiles (business_id, as_of, computed_at DESC);
      CREATE TRIGGER credit_profiles_append_only BEFORE UPDATE OR DELETE ON credit_profiles
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER credit_profiles_no_truncate BEFORE TRUNCATE ON credit_profiles
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      CREATE TABLE credit_nightly_runs (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- The business's calendar day the run belongs to.
        day date NOT NULL,
        -- The profile in force after the run (a new snapshot, or the unchanged latest one).
        profile_id uuid,
        ran_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, day),
        FOREIGN KEY (business_id, profile_id) REFERENCES credit_profiles(business_id, id)
      );

      -- The back-dating check reads the entries recorded in the last 90 days.
      CREATE INDEX journal_entries_recorded ON journal_entries (business_id, created_at);
    `);

    for (const table of ['credit_profile_state', 'credit_daily_facts', 'credit_customer_facts', 'credit_profiles', 'credit_nightly_runs']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
      `);
    }

    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON credit_profile_state, credit_nightly_runs TO keeper_app;
      -- Facts are derived and rebuilt per day; snapshots are append-only.
      GRANT SELECT, INSERT, DELETE ON credit_daily_facts, credit_customer_facts TO keeper_app;
      GRANT SELECT, INSERT ON credit_profiles TO keeper_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS journal_entries_recorded;
      DROP TABLE IF EXISTS credit_nightly_runs, credit_profiles, credit_customer_facts, credit_daily_facts, credit_profile_state;
    `);
  }
}
