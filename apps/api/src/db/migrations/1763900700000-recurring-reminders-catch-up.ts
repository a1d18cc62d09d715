import { MigrationInterface, QueryRunner } from 'typeorm';

/** Templates with a due occurrence; `counted` is the column compared with max_count. */
const dueOccurrences = (counted: 'generated_count' | 'next_index') => `
      CREATE FUNCTION due_recurring_occurrences(p_limit int)
        RETURNS TABLE (business_id uuid, template_id uuid, occurrence_date date)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$
          SELECT t.business_id, t.id, t.next_date
            FROM recurring_invoice_templates t JOIN businesses b ON b.id = t.business_id
           WHERE t.active
             AND t.next_date <= (now() AT TIME ZONE b.timezone)::date
             AND (t.end_date IS NULL OR t.next_date <= t.end_date)
             AND (t.max_count IS NULL OR t.${counted} < t.max_count)
           ORDER BY t.next_date
           LIMIT p_limit
        $$;`;

/**
 * Recurring templates gain "days until due", "email it when issued" and a count of the invoices
 * they made (what "stop after N invoices" compares); payment reminders catch up on a day no scan
 * ran (the most recent missed reminder within a grace window, never a flood of older ones); the
 * business-wide reminder history and a template's invoices get their list indexes.
 */
export class RecurringRemindersCatchUp1763900700000 implements MigrationInterface {
  name = 'RecurringRemindersCatchUp1763900700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE recurring_invoice_templates
        -- NULL = the customer's payment terms when the invoice is generated.
        ADD COLUMN due_days int CHECK (due_days BETWEEN 0 AND 365),
        ADD COLUMN auto_send boolean NOT NULL DEFAULT false,
        -- Invoices generated, for "stop after N invoices": next_index is the schedule position, which
        -- also moves past occurrences skipped while paused or left behind by a schedule change.
        ADD COLUMN generated_count int NOT NULL DEFAULT 0 CHECK (generated_count >= 0),
        ADD CONSTRAINT recurring_invoice_templates_send_needs_issue CHECK (NOT auto_send OR auto_issue);
      UPDATE recurring_invoice_templates t
         SET generated_count = (SELECT count(*) FROM recurring_invoice_runs r WHERE r.business_id = t.business_id AND r.template_id = t.id);

      DROP FUNCTION due_recurring_occurrences(int);
      -- Templates with a due occurrence, across businesses, each judged by its business's own
      -- calendar date. Ids and the next date only; the generate job reloads and locks the template
      -- under RLS and catches up the occurrences due after it.
      ${dueOccurrences('generated_count')}
      REVOKE EXECUTE ON FUNCTION due_recurring_occurrences(int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION due_recurring_occurrences(int) TO keeper_app;

      CREATE INDEX reminders_sent_list ON reminders_sent (business_id, sent_at DESC, id DESC);
      CREATE INDEX recurring_invoice_runs_template ON recurring_invoice_runs (business_id, template_id, created_at DESC, id DESC);

      DROP FUNCTION due_payment_reminders(int);

      -- The reminder each open invoice should get now, across businesses, each judged by its
      -- business's own calendar date: the latest enabled offset whose day has come, if that day is
      -- at most p_grace_days ago, it is not a before-due reminder for an invoice already past due,
      -- and neither it nor a later offset was sent. The send re-checks all of it under RLS.
      CREATE FUNCTION due_payment_reminders(p_limit int, p_grace_days int)
        RETURNS TABLE (business_id uuid, invoice_id uuid, offset_days int)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$
          SELECT i.business_id, i.id, cur.off
            FROM reminder_settings s
            JOIN businesses b ON b.id = s.business_id
            CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE b.timezone)::date AS today) d
            JOIN invoices i ON i.business_id = s.business_id
                           AND i.status IN ('issued', 'partially_paid')
                           -- Bounds on due_date alone, so the invoices_open index narrows the scan.
                           AND i.due_date <= d.today - (SELECT min(o) FROM unnest(s.offsets) AS o)
                           AND i.due_date >= d.today - p_grace_days - (SELECT max(o) FROM unnest(s.offsets) AS o)
            JOIN contacts c ON c.business_id = i.business_id AND c.id = i.contact_id AND c.email IS NOT NULL
            CROSS JOIN LATERAL (
              SELECT max(o.off) AS off FROM unnest(s.offsets) AS o(off) WHERE i.due_date + o.off <= d.today
            ) cur
           WHERE s.enabled
             AND cur.off IS NOT NULL
             AND i.due_date + cur.off >= d.today - p_grace_days
             AND (cur.off >= 0 OR d.today <= i.due_date)
             AND NOT EXISTS (SELECT 1 FROM reminders_sent r
                              WHERE r.business_id = i.business_id AND r.invoice_id = i.id AND r.offset_days >= cur.off)
           ORDER BY i.business_id, i.id
           LIMIT p_limit
        $$;
      REVOKE EXECUTE ON FUNCTION due_payment_reminders(int, int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION due_payment_reminders(int, int) TO keeper_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS due_payment_reminders(int, int);
      CREATE FUNCTION due_payment_reminders(p_limit int)
        RETURNS TABLE (business_id uuid, invoice_id uuid, offset_days int)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$
          SELECT i.business_id, i.id, o.off
            FROM reminder_settings s
            JOIN businesses b ON b.id = s.business_id
            CROSS JOIN LATERAL unnest(s.offsets) AS o(off)
            JOIN invoices i ON i.business_id = s.business_id
                           AND i.status IN ('issued', 'partially_paid')
                           AND i.due_date + o.off = (now() AT TIME ZONE b.timezone)::date
            JOIN contacts c ON c.business_id = i.business_id AND c.id = i.contact_id AND c.email IS NOT NULL
           WHERE s.enabled
             AND NOT EXISTS (SELECT 1 FROM reminders_sent r
                              WHERE r.business_id = i.business_id AND r.invoice_id = i.id AND r.offset_days = o.off)
           ORDER BY i.business_id, i.id
           LIMIT p_limit
        $$;
      GRANT EXECUTE ON FUNCTION due_payment_reminders(int) TO keeper_app;
      DROP FUNCTION IF EXISTS due_recurring_occurrences(int);
      ${dueOccurrences('next_index')}
      GRANT EXECUTE ON FUNCTION due_recurring_occurrences(int) TO keeper_app;
      DROP INDEX IF EXISTS recurring_invoice_runs_template, reminders_sent_list;
      ALTER TABLE recurring_invoice_templates
        DROP CONSTRAINT IF EXISTS recurring_invoice_templates_send_needs_issue,
        DROP COLUMN IF EXISTS generated_count,
        DROP COLUMN IF EXISTS auto_send,
        DROP COLUMN IF EXISTS due_days;
    `);
  }
}
