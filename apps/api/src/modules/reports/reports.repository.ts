import { Injectable } from '@nestjs/common';
import { currencyExponent, type CurrencyCode } from '@keeper/money';
import { FX_CODES, FX_EXPONENTS, fxCte, toBase } from '../../common/fx-sql';
import type { TenantTx } from '../../db/db';
import type { AccountType } from '../ledger/chart';
import type { Period } from './report-period';

/**
 * Report queries. Every figure is aggregated in PostgreSQL (rows come back per account, customer,
 * day or month, never per journal line or invoice), in the base currency (base_amount_minor), as
 * signed minor units in text (debit positive).
 */

export interface AccountAmountRow {
  id: string;
  code: string;
  name: string;
  type: AccountType;
  subtype: string;
  /** For the P&L: the current period; for balances: the balance as of the day. */
  amount: string;
  /** For the P&L: the comparison period; for balances: the part dated before the year start. */
  other: string;
}

export interface AgingRow {
  contactId: string;
  name: string;
  invoiceCount: number;
  current: string;
  days1To30: string;
  days31To60: string;
  days61To90: string;
  over90: string;
  total: string;
}

const LINES = `journal_lines l
  JOIN journal_entries e ON e.business_id = l.business_id AND e.id = l.entry_id
  JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id`;

/**
 * Invoices open on day $2 with their open balance in the base currency and days past due.
 * Params: $1 business, $2 asOf.
 *
 * The balance is the invoice's receivable as the ledger carried it on that day: the base amounts
 * of its receivable lines in the entries dated on or before asOf, namely its issue, the void
 * reversal, each payment allocation (negative when a refund took money back) and each credit note.
 * So payments, refunds and credit notes count from their own dates, a voided invoice is open until
 * the day it was voided, and the aging total equals the receivables account on every day, to the
 * cent, whatever order back-dated documents were entered in. (Each event moves the receivable by the
 * change of the open amount's value at the invoice's rate in the order the events were recorded; an
 * invoice in another currency whose events were recorded out of date order can therefore differ
 * from "its open amount on asOf, converted" by the conversion rounding, never from the ledger.)
 */
const OPEN_INVOICES = `
  receivable_entries AS (
    SELECT i.id AS invoice_id, i.journal_entry_id AS entry_id
      FROM invoices i WHERE i.business_id = $1 AND i.journal_entry_id IS NOT NULL
    UNION ALL
    SELECT i.id, v.id
      FROM invoices i JOIN journal_entries v ON v.business_id = i.business_id AND v.reverses_entry_id = i.journal_entry_id
     WHERE i.business_id = $1
    UNION ALL
    SELECT pa.invoice_id, pa.journal_entry_id FROM payment_allocations pa WHERE pa.business_id = $1
    UNION ALL
    SELECT cn.invoice_id, cn.journal_entry_id FROM credit_notes cn WHERE cn.business_id = $1
  ),
  open_invoices AS (
    SELECT i.id, i.contact_id, $2::date - i.due_date AS days_past_due, sum(l.base_amount_minor) AS balance
      FROM receivable_entries r
      JOIN journal_entries e ON e.business_id = $1 AND e.id = r.entry_id
      JOIN journal_lines l ON l.business_id = $1 AND l.entry_id = e.id
      JOIN accounts a ON a.business_id = $1 AND a.id = l.account_id
      JOIN invoices i ON i.business_id = $1 AND i.id = r.invoice_id
     WHERE e.entry_date <= $2::date AND a.system_key = 'accounts_receivable'
     GROUP BY i.id, i.contact_id, i.due_date
    HAVING sum(l.amount_minor) <> 0 OR sum(l.base_amount_minor) <> 0
  )`;

/**
 * What is owed to suppliers on day $2: posted bills and expenses owed on account, with the open
 * amount as it stood that day (payments dated on or before it that were not voided by then), in
 * the base currency at each document's rate, and days past due.
 * Params: $1 business, $2 asOf, $3/$4 currency table, $5 base exponent.
 */
const paidAsOf = (column: string, id: string) => `coalesce((
    SELECT sum(a.amount_minor) FROM bill_payment_allocations a
      JOIN bill_payments p ON p.business_id = a.business_id AND p.id = a.payment_id
     WHERE a.business_id = $1 AND a.${column} = ${id} AND p.payment_date <= $2::date
       AND (p.status <> 'void' OR p.void_date > $2::date)), 0)`;
const OPEN_PAYABLES = `${fxCte('$3', '$4')},
  payable_docs AS (
    SELECT b.contact_id, b.currency, b.exchange_rate, b.due_date, b.total_minor - ${paidAsOf('bill_id', 'b.id')} AS open_minor
      FROM bills b
     WHERE b.business_id = $1 AND b.status <> 'draft' AND b.bill_date <= $2::date AND (b.status <> 'void' OR b.void_date > $2::date)
    UNION ALL
    SELECT e.contact_id, e.currency, e.exchange_rate, e.due_date, e.total_minor - ${paidAsOf('expense_id', 'e.id')}
      FROM expenses e
     WHERE e.business_id = $1 AND e.paid_from = 'accounts_payable' AND e.expense_date <= $2::date
       AND (e.status <> 'void' OR e.void_date > $2::date)
  ),
  open_payables AS (
    SELECT d.contact_id, $2::date - d.due_date AS days_past_due,
           round(d.open_minor::numeric * d.exchange_rate * power(10::numeric, ($5::int - fx.exponent)::numeric)) AS balance
      FROM payable_docs d JOIN fx ON fx.code = d.currency
     WHERE d.open_minor > 0
  )`;

/** Net base amount per journal entry on cash and bank accounts within [$2, $3]. */
const CASH_MOVES = `
  SELECT e.id, e.entry_date, sum(l.base_amount_minor) AS net
    FROM ${LINES}
   WHERE l.business_id = $1 AND a.type = 'asset' AND a.subtype IN ('cash', 'bank') AND l.amount_minor <> 0
     AND e.entry_date BETWEEN $2::date AND $3::date
   GROUP BY e.id, e.entry_date`;

/** Open balances of a relation (contact_id, days_past_due, balance) per contact, in aging buckets. */
const agingByContact = (cte: string, relation: string) => `WITH ${cte}
  SELECT o.contact_id AS "contactId", c.name, count(*)::int AS "invoiceCount",
         coalesce(sum(o.balance) FILTER (WHERE o.days_past_due <= 0), 0)::text AS current,
         coalesce(sum(o.balance) FILTER (WHERE o.days_past_due BETWEEN 1 AND 30), 0)::text AS "days1To30",
         coalesce(sum(o.balance) FILTER (WHERE o.days_past_due BETWEEN 31 AND 60), 0)::text AS "days31To60",
         coalesce(sum(o.balance) FILTER (WHERE o.days_past_due BETWEEN 61 AND 90), 0)::text AS "days61To90",
         coalesce(sum(o.balance) FILTER (WHERE o.days_past_due > 90), 0)::text AS over90,
         sum(o.balance)::text AS total
    FROM ${relation} o
    JOIN contacts c ON c.business_id = $1 AND c.id = o.contact_id
   GROUP BY o.contact_id, c.name
   ORDER BY c.name, o.contact_id`;

/** The total open balance of a relation and the part past due. */
const openSummary = (cte: string, relation: string) => `WITH ${cte}
  SELECT coalesce(sum(balance), 0)::text AS outstanding, count(*)::int AS "outstandingCount",
         coalesce(sum(balance) FILTER (WHERE days_past_due > 0), 0)::text AS overdue,
         count(*) FILTER (WHERE days_past_due > 0)::int AS "overdueCount"
    FROM ${relation}`;

@Injectable()
export class ReportsRepository {
  /** Net movement of each income and expense account in the period (and a comparison period). */
  async incomeStatement(t: TenantTx, current: Period, previous: Period | null): Promise<AccountAmountRow[]> {
    return t.query(
      `SELECT a.id, a.code, a.name, a.type, a.subtype,
              coalesce(sum(l.base_amount_minor) FILTER (WHERE e.entry_date BETWEEN $2::date AND $3::date), 0)::text AS amount,
              coalesce(sum(l.base_amount_minor) FILTER (WHERE e.entry_date BETWEEN $4::date AND $5::date), 0)::text AS other
         FROM ${LINES}
        WHERE l.business_id = $1 AND a.type IN ('income', 'expense')
          AND (e.entry_date BETWEEN $2::date AND $3::date OR e.entry_date BETWEEN $4::date AND $5::date)
        GROUP BY a.id, a.code, a.name, a.type, a.subtype
       HAVING coalesce(sum(l.base_amount_minor) FILTER (WHERE e.entry_date BETWEEN $2::date AND $3::date), 0) <> 0
           OR coalesce(sum(l.base_amount_minor) FILTER (WHERE e.entry_date BETWEEN $4::date AND $5::date), 0) <> 0
        ORDER BY a.code`,
      [t.businessId, current.from, current.to, previous?.from ?? null, previous?.to ?? null],
    );
  }

  /** Balance of every account as of a day, with the part dated before `yearStart` in `other`. */
  async balances(t: TenantTx, asOf: string, yearStart: string): Promise<AccountAmountRow[]> {
    return t.query(
      `SELECT a.id, a.code, a.name, a.type, a.subtype,
              sum(l.base_amount_minor)::text AS amount,
              coalesce(sum(l.base_amount_minor) FILTER (WHERE e.entry_date < $3::date), 0)::text AS other
         FROM ${LINES}
        WHERE l.business_id = $1 AND e.entry_date <= $2::date
        GROUP BY a.id, a.code, a.name, a.type, a.subtype
       HAVING sum(l.base_amount_minor) <> 0 OR coalesce(sum(l.base_amount_minor) FILTER (WHERE e.entry_date < $3::date), 0) <> 0
        ORDER BY a.code`,
      [t.businessId, asOf, yearStart],
    );
  }

  /** Open receivables per customer by days past due on `asOf`, in the base currency. */
  async agingByCustomer(t: TenantTx, asOf: string): Promise<AgingRow[]> {
    return t.query(
      agingByContact(OPEN_INVOICES, 'open_invoices'),
      [t.businessId, asOf],
    );
  }

  /** Open payables per supplier by days past due on `asOf`, in the base currency (bills and on-account expenses). */
  async payablesAgingBySupplier(t: TenantTx, asOf: string, base: CurrencyCode): Promise<AgingRow[]> {
    return t.query(
      agingByContact(OPEN_PAYABLES, 'open_payables'),
      [t.businessId, asOf, FX_CODES, FX_EXPONENTS, currencyExponent(base)],
    );
  }

  /** What is owed to suppliers on `asOf`, and the part past due. */
  async payablesSummary(
    t: TenantTx,
    asOf: string,
    base: CurrencyCode,
  ): Promise<{ outstanding: string; outstandingCount: number; overdue: string; overdueCount: number }> {
    const [row] = await t.query(
      openSummary(OPEN_PAYABLES, 'open_payables'),
      [t.businessId, asOf, FX_CODES, FX_EXPONENTS, currencyExponent(base)],
    );
    return row;
  }

  /** What customers owe on `asOf`, and the part past due. */
  async receivablesSummary(
    t: TenantTx,
    asOf: string,
  ): Promise<{ outstanding: string; outstandingCount: number; overdue: string; overdueCount: number }> {
    const [row] = await t.query(
      openSummary(OPEN_INVOICES, 'open_invoices'),
      [t.businessId, asOf],
    );
    return row;
  }

  /**
   * Money received into cash and bank accounts per day. Each entry counts by its net effect on
   * cash and bank together, so a transfer between the business's own accounts (bank to cash) is not
   * a receipt; lines that move no money (amount 0, an FX revaluation) are left out.
   */
  async cashReceivedByDay(t: TenantTx, p: Period): Promise<{ date: string; amount: string }[]> {
    return t.query(
      `WITH moves AS (${CASH_MOVES})
       SELECT entry_date::text AS date, sum(net)::text AS amount
         FROM moves WHERE net > 0
        GROUP BY entry_date ORDER BY entry_date`,
      [t.businessId, p.from, p.to],
    );
  }

  /** Money into and out of cash and bank accounts over a period (out unsigned), netted per entry. */
  async cashFlow(t: TenantTx, p: Period): Promise<{ cashIn: string; cashOut: string }> {
    const [row] = await t.query(
      `WITH moves AS (${CASH_MOVES})
       SELECT coalesce(sum(net) FILTER (WHERE net > 0), 0)::text AS "cashIn",
              coalesce(-sum(net) FILTER (WHERE net < 0), 0)::text AS "cashOut"
         FROM moves`,
      [t.businessId, p.from, p.to],
    );
    return row;
  }

  /** Operating income (credits net of debits, contra-income included) per calendar month, zero-filled. */
  async revenueByMonth(t: TenantTx, firstMonth: string, lastMonth: string, to: string): Promise<{ month: string; amount: string }[]> {
    return t.query(
      `WITH months AS (SELECT generate_series($2::date, $3::date, interval '1 month')::date AS month),
            revenue AS (
              SELECT date_trunc('month', e.entry_date)::date AS month, -sum(l.base_amount_minor) AS amount
                FROM ${LINES}
               WHERE l.business_id = $1 AND a.type = 'income' AND a.subtype IN ('operating_income', 'contra_income')
                 AND e.entry_date BETWEEN $2::date AND $4::date
               GROUP BY 1
            )
       SELECT to_char(m.month, 'YYYY-MM') AS month, coalesce(r.amount, 0)::text AS amount
         FROM months m LEFT JOIN revenue r ON r.month = m.month
        ORDER BY m.month`,
      [t.businessId, firstMonth, lastMonth, to],
    );
  }

  /**
   * Customers by sales before tax in the period, in base at the documents' rates: invoices issued in
   * the period less credit notes dated in it (as the sales account moves). Customers whose credit
   * notes outweigh their sales in the period are left out.
   */
  async topCustomers(
    t: TenantTx,
    p: Period,
    base: CurrencyCode,
    limit: number,
  ): Promise<{ contactId: string; name: string; revenue: string; invoiceCount: number }[]> {
    return t.query(
      `WITH ${fxCte('$4', '$5')},
       sales AS (
         SELECT i.contact_id, ${toBase('i', 'i.subtotal_minor', '$6')} AS amount, 1 AS invoices
           FROM invoices i JOIN fx ON fx.code = i.currency
          WHERE i.business_id = $1 AND i.status NOT IN ('draft', 'void') AND i.issue_date BETWEEN $2::date AND $3::date
         UNION ALL
         SELECT cn.contact_id, -${toBase('cn', 'cn.subtotal_minor', '$6')}, 0
           FROM credit_notes cn JOIN fx ON fx.code = cn.currency
          WHERE cn.business_id = $1 AND cn.issue_date BETWEEN $2::date AND $3::date
       )
       SELECT s.contact_id AS "contactId", c.name, sum(s.amount)::text AS revenue, sum(s.invoices)::int AS "invoiceCount"
         FROM sales s
         JOIN contacts c ON c.business_id = $1 AND c.id = s.contact_id
        GROUP BY s.contact_id, c.name
       HAVING sum(s.amount) > 0
        ORDER BY sum(s.amount) DESC, c.name, s.contact_id
        LIMIT $7`,
      [t.businessId, p.from, p.to, FX_CODES, FX_EXPONENTS, currencyExponent(base), limit],
    );
  }
}
