import { Injectable } from '@nestjs/common';
import { currencyExponent, type CurrencyCode } from '@keeper/money';
import { FX_CODES, FX_EXPONENTS, fxCte, toBase } from '../../common/fx-sql';
import { addDays, addMonths } from '../../common/dates';
import type { TenantTx } from '../../db/db';
import type { AgingFacts, Balances, CreditAggregates, CustomerFacts, MonthFacts, WindowFlows } from './credit-features';

/** The flow columns of credit_daily_facts and the field each becomes. */
const FLOWS: [keyof WindowFlows, string][] = [
  ['sales', 'sales_minor'],
  ['cogs', 'cogs_minor'],
  ['opex', 'opex_minor'],
  ['otherIncome', 'other_income_minor'],
  ['otherExpense', 'other_expense_minor'],
  ['invoicedNet', 'invoiced_net_minor'],
  ['invoicedGross', 'invoiced_gross_minor'],
  ['creditedNet', 'credited_net_minor'],
  ['creditedGross', 'credited_gross_minor'],
  ['received', 'received_minor'],
  ['refunded', 'refunded_minor'],
  ['stockPurchased', 'stock_purchased_minor'],
  ['stockShipped', 'stock_shipped_minor'],
  ['stockAdjusted', 'stock_adjusted_minor'],
  ['goodsInvoiced', 'goods_invoiced_minor'],
  ['goodsInvoicedUnshipped', 'goods_invoiced_unshipped_minor'],
];

const BALANCES: [keyof Balances, string][] = [
  ['cash', 'cash_minor'],
  ['receivable', 'receivable_minor'],
  ['inventory', 'inventory_minor'],
  ['currentAssets', 'current_assets_minor'],
  ['totalAssets', 'total_assets_minor'],
  ['payables', 'payables_minor'],
  ['shortTermLiabilities', 'short_term_liabilities_minor'],
  ['longTermLiabilities', 'long_term_liabilities_minor'],
];

const SALES = `('operating_income', 'contra_income')`;

/**
 * How each column of a day is summed from that day's journal lines (l: the day's lines summed by
 * account type and subtype and by the kind of document their entry records). Accounts are chosen
 * by subtype, as FEATURES.md says; `kind` is the source type of the entry, or of the entry a
 * reversal reverses (a voided invoice counts as an invoice, negatively).
 */
const DAY_SUMS: Record<string, string> = {
  sales_minor: `-sum(l.amt) FILTER (WHERE l.subtype IN ${SALES})`,
  cogs_minor: `sum(l.amt) FILTER (WHERE l.subtype = 'cost_of_sales')`,
  opex_minor: `sum(l.amt) FILTER (WHERE l.subtype = 'operating_expense')`,
  other_income_minor: `-sum(l.amt) FILTER (WHERE l.subtype = 'other_income')`,
  other_expense_minor: `sum(l.amt) FILTER (WHERE l.subtype = 'other_expense')`,
  cash_minor: `sum(l.amt) FILTER (WHERE l.subtype IN ('cash', 'bank'))`,
  receivable_minor: `sum(l.amt) FILTER (WHERE l.subtype = 'receivable')`,
  inventory_minor: `sum(l.amt) FILTER (WHERE l.subtype = 'inventory')`,
  current_assets_minor: `sum(l.amt) FILTER (WHERE l.subtype IN ('cash', 'bank', 'receivable', 'inventory', 'current_asset'))`,
  total_assets_minor: `sum(l.amt) FILTER (WHERE l.type = 'asset')`,
  payables_minor: `sum(l.amt) FILTER (WHERE l.subtype = 'payable')`,
  short_term_liabilities_minor: `sum(l.amt) FILTER (WHERE l.subtype IN ('payable', 'tax', 'current_liability'))`,
  long_term_liabilities_minor: `sum(l.amt) FILTER (WHERE l.subtype = 'long_term_liability')`,
  invoiced_net_minor: `-sum(l.amt) FILTER (WHERE l.kind = 'invoice' AND l.subtype IN ${SALES})`,
  invoiced_gross_minor: `sum(l.amt) FILTER (WHERE l.kind = 'invoice' AND l.subtype = 'receivable')`,
  credited_net_minor: `sum(l.amt) FILTER (WHERE l.kind = 'credit_note' AND l.subtype IN ${SALES})`,
  credited_gross_minor: `-sum(l.amt) FILTER (WHERE l.kind = 'credit_note' AND l.subtype = 'receivable')`,
  received_minor: `sum(l.amt) FILTER (WHERE l.kind = 'payment' AND l.subtype IN ('cash', 'bank'))`,
  refunded_minor: `-sum(l.amt) FILTER (WHERE l.kind = 'refund' AND l.subtype IN ('cash', 'bank'))`,
  stock_purchased_minor: `sum(l.amt) FILTER (WHERE l.kind = 'purchase_receipt' AND l.subtype = 'inventory')`,
  stock_shipped_minor: `-sum(l.amt) FILTER (WHERE l.kind = 'sales_shipment' AND l.subtype = 'inventory')`,
  stock_adjusted_minor: `sum(l.amt) FILTER (WHERE l.kind IN ('stock_adjustment', 'stock_count') AND l.subtype = 'inventory')`,
};
const DAY_COLUMNS = Object.keys(DAY_SUMS);

/**
 * The entries of the chosen days ($2: a date[] of days, or NULL for every day) with their kind and
 * document; their lines summed by day, kind and account type and subtype (a few rows per day, so
 * the sums below run over those, not over every line); and per invoice or credit-note entry its
 * customer (from the document) and its sales. Params: $1 business, $2 days.
 */
const DAY_LINES = `
  e AS MATERIALIZED (
    SELECT e.id, e.entry_date AS day, e.reverses_entry_id IS NOT NULL AS reversal,
           coalesce(r.source_type, e.source_type) AS kind, coalesce(e.source_id, r.source_id) AS doc_id
      FROM journal_entries e
      LEFT JOIN journal_entries r ON r.business_id = e.business_id AND r.id = e.reverses_entry_id
     WHERE e.business_id = $1 AND ($2::date[] IS NULL OR e.entry_date = ANY ($2::date[]))
  ),
  l AS (
    SELECT e.day, e.kind, a.type, a.subtype, sum(jl.base_amount_minor)::numeric AS amt
      FROM e
      JOIN journal_lines jl ON jl.business_id = $1 AND jl.entry_id = e.id
      JOIN accounts a ON a.business_id = $1 AND a.id = jl.account_id
     GROUP BY e.day, e.kind, a.type, a.subtype
  ),
  invoice_entries AS MATERIALIZED (
    SELECT e.id, e.day, e.kind, e.reversal, e.doc_id, coalesce(i.contact_id, cn.contact_id) AS contact_id,
           -sum(jl.base_amount_minor)::numeric AS sales
      FROM e
      JOIN journal_lines jl ON jl.business_id = $1 AND jl.entry_id = e.id
      JOIN accounts a ON a.business_id = $1 AND a.id = jl.account_id AND a.subtype IN ${SALES}
      LEFT JOIN invoices i ON e.kind = 'invoice' AND i.business_id = $1 AND i.id = e.doc_id
      LEFT JOIN credit_notes cn ON e.kind = 'credit_note' AND cn.business_id = $1 AND cn.id = e.doc_id
     WHERE e.kind IN ('invoice', 'credit_note')
     GROUP BY e.id, e.day, e.kind, e.reversal, e.doc_id, i.contact_id, cn.contact_id
  )`;

/**
 * Stock-tracked goods on invoice entries: the invoice's sales value times the tracked lines' share
 * of its net amount, and the same for invoices that no sales-order shipment backs (goods invoiced
 * directly, whose stock never left the books). Only computed for businesses that track stock.
 */
const GOODS = `
  goods AS (
    SELECT x.day,
           sum(x.sales * t.tracked / t.all_net) AS goods,
           sum(x.sales * t.tracked / t.all_net) FILTER (WHERE NOT EXISTS (
             SELECT 1 FROM sales_order_invoice_lines s WHERE s.business_id = $1 AND s.invoice_id = x.doc_id)) AS unshipped
      FROM invoice_entries x
      JOIN (
        SELECT il.invoice_id, (coalesce(sum(il.net_minor) FILTER (WHERE p.track_stock), 0))::numeric AS tracked,
               nullif(sum(il.net_minor), 0)::numeric AS all_net
          FROM invoice_lines il LEFT JOIN products p ON p.business_id = il.business_id AND p.id = il.product_id
         WHERE il.business_id = $1 AND il.invoice_id IN (SELECT doc_id FROM invoice_entries WHERE kind = 'invoice')
         GROUP BY il.invoice_id
      ) t ON t.invoice_id = x.doc_id
     WHERE x.kind = 'invoice' AND t.all_net IS NOT NULL AND t.tracked <> 0
     GROUP BY x.day
  )`;
const NO_GOODS = `goods AS (SELECT NULL::date AS day, NULL::numeric AS goods, NULL::numeric AS unshipped WHERE false)`;

const num = (v: string | null | undefined) => BigInt(v ?? '0');

/**
 * The credit pipeline's facts: what each day of the journal adds up to, kept up to date by
 * rebuilding only the days of entries posted since the last run, and the aggregates the features
 * are computed from. Everything is summed in PostgreSQL; rows come back per month or as one row.
 */
@Injectable()
export class CreditFactsRepository {
  /** The latest journal entry number, and when that entry was recorded (0 and null for empty books). */
  async journalHead(t: TenantTx): Promise<{ entryNumber: bigint; recordedAt: Date | null }> {
    const [row] = await t.query<{ n: string | null; at: Date | null }>(
      `SELECT e.entry_number::text AS n, e.created_at AS at FROM journal_entries e
        WHERE e.business_id = $1 ORDER BY e.entry_number DESC LIMIT 1`,
      [t.businessId],
    );
    return { entryNumber: num(row?.n), recordedAt: row?.at ?? null };
  }

  /** The days of the entries numbered in (after, through]: the only days whose facts can have changed. */
  async touchedDays(t: TenantTx, after: bigint, through: bigint): Promise<string[]> {
    const rows = await t.query<{ day: string }>(
      `SELECT DISTINCT entry_date::text AS day FROM journal_entries
        WHERE business_id = $1 AND entry_number > $2 AND entry_number <= $3 ORDER BY 1`,
      [t.businessId, after.toString(), through.toString()],
    );
    return rows.map((r) => r.day);
  }

  /** Recomputes the facts of the given days from the journal (every day when `days` is null), in one pass over their lines. */
  async rebuildDays(t: TenantTx, days: string[] | null): Promise<void> {
    const params = [t.businessId, days];
    await t.execute(`DELETE FROM credit_daily_facts WHERE business_id = $1 AND ($2::date[] IS NULL OR day = ANY ($2::date[]))`, params);
    await t.execute(`DELETE FROM credit_customer_facts WHERE business_id = $1 AND ($2::date[] IS NULL OR day = ANY ($2::date[]))`, params);
    const [stock] = await t.query<{ tracks: boolean }>(`SELECT EXISTS (SELECT 1 FROM products WHERE business_id = $1 AND track_stock) AS tracks`, [
      t.businessId,
    ]);
    const inv = `count(*) FILTER (WHERE x.kind = 'invoice' AND NOT x.reversal) - count(*) FILTER (WHERE x.kind = 'invoice' AND x.reversal)`;
    await t.execute(
      `WITH ${DAY_LINES}, ${stock.tracks ? GOODS : NO_GOODS},
       counts AS (SELECT day, count(*)::int AS entries FROM e GROUP BY day),
       sums AS (SELECT l.day, ${DAY_COLUMNS.map((c) => `${DAY_SUMS[c]} AS ${c}`).join(', ')} FROM l GROUP BY l.day),
       daily AS (
         INSERT INTO credit_daily_facts (business_id, day, entries, ${DAY_COLUMNS.join(', ')}, goods_invoiced_minor, goods_invoiced_unshipped_minor)
         SELECT $1, c.day, c.entries, ${DAY_COLUMNS.map((col) => `coalesce(round(s.${col}), 0)`).join(', ')},
                coalesce(round(g.goods), 0), coalesce(round(g.unshipped), 0)
           FROM counts c LEFT JOIN sums s ON s.day = c.day LEFT JOIN goods g ON g.day = c.day
         RETURNING 1
       )
       INSERT INTO credit_customer_facts (business_id, day, contact_id, sales_minor, invoices)
       SELECT $1, x.day, x.contact_id, round(sum(x.sales)), ${inv}
         FROM invoice_entries x
        WHERE x.contact_id IS NOT NULL
        GROUP BY x.day, x.contact_id
       HAVING round(sum(x.sales)) <> 0 OR ${inv} <> 0`,
      params,
    );
  }

  /** Everything the features need as of `asOf`, from the facts plus the open invoices and the recently recorded entries. */
  async aggregates(t: TenantTx, asOf: string, base: CurrencyCode): Promise<CreditAggregates> {
    const from12 = addMonths(asOf, -12);
    const from24 = addMonths(asOf, -24);
    const from3 = addMonths(asOf, -3);
    const from6 = addMonths(asOf, -6);
    const firstMonth = addMonths(`${asOf.slice(0, 7)}-01`, -23);
    const inWindow = `day > $3::date AND day <= $2::date`;
    const [w] = await t.query<Record<string, string | null>>(
      `SELECT ${FLOWS.map(([k, c]) => `sum(${c}) FILTER (WHERE ${inWindow})::text AS "${k}"`).join(', ')},
              ${BALANCES.map(([k, c]) => `sum(${c})::text AS "b_${k}"`).join(', ')},
              sum(sales_minor) FILTER (WHERE day > $4::date AND day <= $3::date)::text AS "prev12Sales",
              sum(sales_minor) FILTER (WHERE day > $5::date AND day <= $2::date)::text AS "last3Sales",
              sum(sales_minor) FILTER (WHERE day > $6::date AND day <= $5::date)::text AS "prev3Sales",
              max(day)::text AS "lastEntryDate",
              (SELECT min(day)::text FROM credit_daily_facts WHERE business_id = $1) AS "firstEntryDate"
         FROM credit_daily_facts WHERE business_id = $1 AND day <= $2::date`,
      [t.businessId, asOf, from12, from24, from3, from6],
    );
    const byMonth = await t.query<{ month: string; sales: string; cogs: string; entries: number }>(
      `SELECT to_char(day, 'YYYY-MM') AS month, sum(sales_minor)::text AS sales, sum(cogs_minor)::text AS cogs, sum(entries)::int AS entries
         FROM credit_daily_facts WHERE business_id = $1 AND day >= $2::date AND day <= $3::date
        GROUP BY 1`,
      [t.businessId, firstMonth, asOf],
    );
    const found = new Map(byMonth.map((m) => [m.month, m]));
    const months: MonthFacts[] = Array.from({ length: 24 }, (_, i) => {
      const month = addMonths(firstMonth, i).slice(0, 7);
      const m = found.get(month);
      return { month, sales: num(m?.sales), cogs: num(m?.cogs), entries: m?.entries ?? 0 };
    });
    return {
      asOf,
      last12: Object.fromEntries(FLOWS.map(([k]) => [k, num(w[k])])) as unknown as WindowFlows,
      prev12Sales: num(w.prev12Sales),
      last3Sales: num(w.last3Sales),
      prev3Sales: num(w.prev3Sales),
      balances: Object.fromEntries(BALANCES.map(([k]) => [k, num(w[`b_${k}`])])) as unknown as Balances,
      firstEntryDate: w.firstEntryDate,
      lastEntryDate: w.lastEntryDate,
      months,
      customers: await this.customers(t, from12, asOf),
      aging: await this.aging(t, asOf, base),
      backdatedSales: await this.backdatedSales(t, from12, asOf),
    };
  }

  /** Customer concentration and repeat business over (from, asOf]. */
  private async customers(t: TenantTx, from: string, asOf: string): Promise<CustomerFacts> {
    const [row] = await t.query<{ active: number; repeat: number; total: string | null; largest: string | null; top5: string | null; hhi: string | null }>(
      `WITH c AS (
         SELECT contact_id, sum(sales_minor) AS sales, sum(invoices) AS invoices
           FROM credit_customer_facts WHERE business_id = $1 AND day > $2::date AND day <= $3::date
          GROUP BY contact_id
       ), buying AS (SELECT sales FROM c WHERE sales > 0)
       SELECT (SELECT count(*) FROM c WHERE invoices > 0)::int AS active,
              (SELECT count(*) FROM c WHERE invoices >= 2)::int AS repeat,
              (SELECT sum(sales) FROM buying)::text AS total,
              (SELECT max(sales) FROM buying)::text AS largest,
              (SELECT sum(sales) FROM (SELECT sales FROM buying ORDER BY sales DESC LIMIT 5) top)::text AS top5,
              (SELECT round(sum(sales::numeric * sales) / (sum(sales)::numeric * sum(sales)), 6) FROM buying)::text AS hhi`,
      [t.businessId, from, asOf],
    );
    return {
      active: row.active,
      repeat: row.repeat,
      total: num(row.total),
      largest: num(row.largest),
      top5: num(row.top5),
      hhi: row.hhi === null ? null : Number(row.hhi),
    };
  }

  /**
   * Receivables by days past due on `asOf` (the business's today), from the invoices open now: each
   * at the base value of its open amount at its own rate, which is exactly what the ledger carries
   * for it (receivables always equal the open invoices at their own rates; see open-balance.ts).
   * Only open invoices are read (an index). A payment recorded with a date after today would count
   * as already received; the AR aging report, for any past day, reads the dated ledger lines instead.
   */
  private async aging(t: TenantTx, asOf: string, base: CurrencyCode): Promise<AgingFacts> {
    const [row] = await t.query<Record<keyof AgingFacts, string | null>>(
      `WITH ${fxCte('$3', '$4')},
       open_now AS (
         SELECT $2::date - i.due_date AS late, ${toBase('i', 'i.total_minor - i.paid_minor - i.credited_minor', '$5')} AS balance
           FROM invoices i JOIN fx ON fx.code = i.currency
          WHERE i.business_id = $1 AND i.status IN ('issued', 'partially_paid') AND i.issue_date <= $2::date
       )
       SELECT sum(balance)::text AS total,
              sum(balance) FILTER (WHERE late <= 0)::text AS current,
              sum(balance) FILTER (WHERE late BETWEEN 1 AND 30)::text AS "days1To30",
              sum(balance) FILTER (WHERE late BETWEEN 31 AND 60)::text AS "days31To60",
              sum(balance) FILTER (WHERE late BETWEEN 61 AND 90)::text AS "days61To90",
              sum(balance) FILTER (WHERE late > 90)::text AS over90
         FROM open_now`,
      [t.businessId, asOf, FX_CODES, FX_EXPONENTS, currencyExponent(base)],
    );
    return {
      total: num(row.total),
      current: num(row.current),
      days1To30: num(row.days1To30),
      days31To60: num(row.days31To60),
      days61To90: num(row.days61To90),
      over90: num(row.over90),
    };
  }

  /**
   * Net sales dated in (from, asOf] that were recorded in the 90 days before asOf's end with a
   * date more than 30 days before the day they were recorded (in the business's time zone).
   * History entered in the business's first 30 days in Keeper is what it brought along when it
   * started keeping its books here, not a sudden rewrite, so it does not count.
   */
  private async backdatedSales(t: TenantTx, from: string, asOf: string): Promise<bigint> {
    // The window's start as an instant first, so the recorded-at index can be used.
    const [zone] = await t.query<{ since: Date; timezone: string }>(
      `SELECT ($2::date::timestamp AT TIME ZONE timezone) AS since, timezone FROM businesses WHERE id = $1`,
      [t.businessId, addDays(asOf, -89)],
    );
    const [row] = await t.query<{ sales: string | null }>(
      `SELECT (-sum(l.base_amount_minor))::text AS sales
         FROM journal_entries e
         JOIN journal_lines l ON l.business_id = e.business_id AND l.entry_id = e.id
         JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id
        WHERE e.business_id = $1 AND e.created_at >= $4::timestamptz
          AND e.created_at >= (SELECT b.created_at + interval '30 days' FROM businesses b WHERE b.id = $1)
          AND e.entry_date > $2::date AND e.entry_date <= $3::date
          AND e.entry_date < (e.created_at AT TIME ZONE $5)::date - 30
          AND a.subtype IN ${SALES}`,
      [t.businessId, from, asOf, zone.since, zone.timezone],
    );
    return num(row?.sales);
  }
}
