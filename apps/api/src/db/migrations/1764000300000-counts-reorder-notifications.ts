import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stock counts (a count sheet per location, posted as one 'count' operation), reorder rules with
 * their low-stock episodes and reorder suggestions, and in-app notifications with per-user read
 * marks.
 *
 * Exactly-once low-stock alerts: a rule carries its current episode (`episode`, `low_since`). The
 * evaluation locks the rule row, so two runs of the job serialise on it; the second sees the
 * episode already open and does nothing. The unique keys on (rule, episode) and on the
 * notification's dedupe key are the second wall.
 */
export class CountsReorderNotifications1764000300000 implements MigrationInterface {
  name = 'CountsReorderNotifications1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stock_counts (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        number int NOT NULL CHECK (number > 0),
        location_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'posted', 'cancelled')),
        -- all: every stocked product of the business; partial: a chosen list or a search.
        scope text NOT NULL CHECK (scope IN ('all', 'partial')),
        note text CHECK (length(note) BETWEEN 1 AND 500),
        -- When the expected quantities were copied from the books.
        snapshot_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        count_date date,
        operation_id uuid,
        posted_at timestamptz,
        posted_by uuid REFERENCES users(id),
        cancelled_at timestamptz,
        cancelled_by uuid REFERENCES users(id),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, number),
        FOREIGN KEY (business_id, location_id) REFERENCES locations(business_id, id),
        FOREIGN KEY (business_id, operation_id) REFERENCES stock_operations(business_id, id),
        CHECK ((status = 'posted') = (posted_at IS NOT NULL AND count_date IS NOT NULL)),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      );
      CREATE INDEX stock_counts_list ON stock_counts (business_id, created_at DESC, id DESC);

      CREATE TABLE stock_count_lines (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        count_id uuid NOT NULL,
        product_id uuid NOT NULL,
        -- The books when the line joined the count (the snapshot).
        expected_quantity numeric(18, 4) NOT NULL,
        expected_value_minor bigint NOT NULL,
        counted_quantity numeric(18, 4) CHECK (counted_quantity >= 0),
        counted_at timestamptz,
        counted_by uuid REFERENCES users(id),
        -- Set when the count is posted: what the books said then, and the difference booked.
        book_quantity numeric(18, 4),
        posted_quantity numeric(18, 4),
        posted_value_minor bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, count_id, product_id),
        FOREIGN KEY (business_id, count_id) REFERENCES stock_counts(business_id, id) ON DELETE CASCADE,
        FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id) ON DELETE CASCADE,
        CHECK ((counted_quantity IS NULL) = (counted_at IS NULL))
      );
      CREATE INDEX stock_count_lines_product ON stock_count_lines (business_id, product_id);

      CREATE TABLE reorder_rules (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        product_id uuid NOT NULL,
        location_id uuid NOT NULL,
        -- Low when available (on hand - reserved) is at or below this.
        reorder_point numeric(18, 4) NOT NULL CHECK (reorder_point >= 0),
        reorder_quantity numeric(18, 4) NOT NULL CHECK (reorder_quantity > 0),
        preferred_supplier_id uuid,
        -- The current low-stock episode: opened when the product falls to the reorder point (one
        -- notification and one suggestion), closed when it rises above it again (re-armed).
        episode int NOT NULL DEFAULT 0 CHECK (episode >= 0),
        low_since timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, product_id, location_id),
        FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id) ON DELETE CASCADE,
        FOREIGN KEY (business_id, location_id) REFERENCES locations(business_id, id),
        FOREIGN KEY (business_id, preferred_supplier_id) REFERENCES contacts(business_id, id) ON DELETE SET NULL (preferred_supplier_id)
      );
      CREATE INDEX reorder_rules_location ON reorder_rules (business_id, location_id);

      CREATE TABLE reorder_suggestions (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        rule_id uuid,
        episode int NOT NULL,
        product_id uuid NOT NULL,
        location_id uuid NOT NULL,
        supplier_id uuid,
        quantity numeric(18, 4) NOT NULL CHECK (quantity > 0),
        -- What the rule saw when it raised the suggestion.
        available_quantity numeric(18, 4) NOT NULL,
        reorder_point numeric(18, 4) NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'converted')),
        -- dismissed: by a person, because stock recovered, or because the rule was removed.
        closed_reason text CHECK (closed_reason IN ('dismissed', 'stock_recovered', 'rule_removed', 'converted')),
        closed_at timestamptz,
        closed_by uuid REFERENCES users(id),
        -- The purchasing module's draft order (no foreign key: that module owns its table).
        purchase_order_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, rule_id, episode),
        FOREIGN KEY (business_id, rule_id) REFERENCES reorder_rules(business_id, id) ON DELETE SET NULL (rule_id),
        FOREIGN KEY (business_id, product_id) REFERENCES products(business_id, id) ON DELETE CASCADE,
        FOREIGN KEY (business_id, location_id) REFERENCES locations(business_id, id),
        FOREIGN KEY (business_id, supplier_id) REFERENCES contacts(business_id, id) ON DELETE SET NULL (supplier_id),
        CHECK ((status = 'open') = (closed_at IS NULL)),
        CHECK ((status = 'open') = (closed_reason IS NULL)),
        CHECK ((status = 'converted') = (purchase_order_id IS NOT NULL))
      );
      CREATE INDEX reorder_suggestions_list ON reorder_suggestions (business_id, status, created_at DESC, id DESC);

      CREATE TABLE notifications (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{0,39}$'),
        -- What happened, as data (ids, codes, quantities): the web app words it in the reader's language.
        params jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(params) = 'object'),
        -- Names the occurrence, so it is never raised twice (low_stock:<rule>:<episode>).
        dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 200),
        target_type text CHECK (target_type ~ '^[a-z][a-z_]{0,39}$'),
        target_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, dedupe_key)
      );
      CREATE INDEX notifications_list ON notifications (business_id, created_at DESC, id DESC);

      CREATE TABLE notification_reads (
        business_id uuid NOT NULL REFERENCES businesses(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (business_id, id),
        UNIQUE (business_id, notification_id, user_id),
        FOREIGN KEY (business_id, notification_id) REFERENCES notifications(business_id, id)
      );
      CREATE INDEX notification_reads_user ON notification_reads (business_id, user_id);

      CREATE TRIGGER notifications_append_only BEFORE UPDATE OR DELETE ON notifications
        FOR EACH ROW EXECUTE FUNCTION refuse_change();

      -- Businesses with a rule whose low/not-low state no longer matches its stock (for the
      -- scheduled scan, across tenants; ids only). Evaluation re-checks everything under RLS.
      CREATE FUNCTION reorder_rules_out_of_step(p_limit int)
        RETURNS TABLE (business_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$
          SELECT DISTINCT r.business_id
            FROM reorder_rules r
            JOIN products p ON p.business_id = r.business_id AND p.id = r.product_id
            JOIN locations l ON l.business_id = r.business_id AND l.id = r.location_id
            LEFT JOIN stock_levels s ON s.business_id = r.business_id AND s.product_id = r.product_id
                                    AND s.location_id = r.location_id
           WHERE (p.track_stock AND p.active AND l.archived_at IS NULL
                  AND coalesce(s.quantity, 0) - coalesce(s.reserved, 0) <= r.reorder_point) <> (r.low_since IS NOT NULL)
           LIMIT p_limit
        $$;
    `);

    for (const table of ['stock_counts', 'stock_count_lines', 'reorder_rules', 'reorder_suggestions', 'notifications', 'notification_reads']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (business_id = app_business_id()) WITH CHECK (business_id = app_business_id());
      `);
    }
    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON stock_counts, stock_count_lines, reorder_suggestions TO keeper_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON reorder_rules TO keeper_app;
      GRANT SELECT, INSERT ON notifications, notification_reads TO keeper_app;
      REVOKE EXECUTE ON FUNCTION reorder_rules_out_of_step(int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION reorder_rules_out_of_step(int) TO keeper_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS reorder_rules_out_of_step(int);
      DROP TABLE IF EXISTS notification_reads, notifications, reorder_suggestions, reorder_rules, stock_count_lines, stock_counts;
    `);
  }
}
