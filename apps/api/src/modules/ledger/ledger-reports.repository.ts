import { Injectable } from '@nestjs/common';
import type { TenantTx } from '../../db/db';
import type { AccountType } from './chart';

export interface TrialBalanceRow {
  id: string;
  code: string;
  name: string;
  type: AccountType;
  balance: string;
}

export interface GeneralLedgerRow {
  entryId: string;
  entryNumber: string;
  entryDate: string;
  lineNo: number;
  description: string;
  lineDescription: string | null;
  sourceType: string;
  sourceId: string | null;
  currency: string;
  amountMinor: string;
  baseAmountMinor: string;
  /** Sum of base amounts within the range up to and including this line (add the opening balance). */
  runningInRange: string;
}

export interface GeneralLedgerCursor {
  date: string;
  number: string;
  lineNo: number;
}

const ENTRY_JOIN = `journal_lines l JOIN journal_entries e ON e.business_id = l.business_id AND e.id = l.entry_id`;

/** Read-only queries over the journal, all in the base currency (base_amount_minor). */
@Injectable()
export class LedgerReportsRepository {
  /** Net balance per account from entries dated up to asOf; accounts that net to zero are left out. */
  async trialBalance(t: TenantTx, asOf: string): Promise<TrialBalanceRow[]> {
    return t.query(
      `SELECT a.id, a.code, a.name, a.type, sum(l.base_amount_minor)::text AS balance
         FROM ${ENTRY_JOIN} JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id
        WHERE l.business_id = $1 AND e.entry_date <= $2::date
        GROUP BY a.id, a.code, a.name, a.type
       HAVING sum(l.base_amount_minor) <> 0
        ORDER BY a.code`,
      [t.businessId, asOf],
    );
  }

  /** Opening balance before `from`, and debits and credits within [from, to]. */
  async accountSummary(
    t: TenantTx,
    accountId: string,
    from: string,
    to: string,
  ): Promise<{ opening: string; debits: string; credits: string }> {
    const [row] = await t.query(
      `SELECT coalesce(sum(l.base_amount_minor) FILTER (WHERE e.entry_date < $3::date), 0)::text AS opening,
              coalesce(sum(l.base_amount_minor) FILTER (WHERE e.entry_date >= $3::date AND l.base_amount_minor > 0), 0)::text AS debits,
              coalesce(-sum(l.base_amount_minor) FILTER (WHERE e.entry_date >= $3::date AND l.base_amount_minor < 0), 0)::text AS credits
         FROM ${ENTRY_JOIN}
        WHERE l.business_id = $1 AND l.account_id = $2 AND e.entry_date <= $4::date`,
      [t.businessId, accountId, from, to],
    );
    return row;
  }

  /** Lines of one account within [from, to] in book order, with the running sum over the whole range. */
  async accountLines(
    t: TenantTx,
    accountId: string,
    f: { from: string; to: string; after: GeneralLedgerCursor | null; limit: number },
  ): Promise<GeneralLedgerRow[]> {
    return t.query(
      `WITH r AS (
         SELECT e.id AS "entryId", e.entry_number, e.entry_date, l.line_no AS "lineNo", e.description,
                l.description AS "lineDescription", e.source_type AS "sourceType", e.source_id AS "sourceId",
                l.currency, l.amount_minor, l.base_amount_minor,
                sum(l.base_amount_minor) OVER (ORDER BY e.entry_date, e.entry_number, l.line_no) AS running
           FROM ${ENTRY_JOIN}
          WHERE l.business_id = $1 AND l.account_id = $2 AND e.entry_date BETWEEN $3::date AND $4::date
       )
       SELECT "entryId", entry_number::text AS "entryNumber", entry_date::text AS "entryDate", "lineNo", description,
              "lineDescription", "sourceType", "sourceId", currency, amount_minor::text AS "amountMinor",
              base_amount_minor::text AS "baseAmountMinor", running::text AS "runningInRange"
         FROM r
        WHERE $5::date IS NULL OR (entry_date, entry_number, "lineNo") > ($5::date, $6::bigint, $7::int)
        ORDER BY entry_date, entry_number, "lineNo"
        LIMIT $8`,
      [
        t.businessId,
        accountId,
        f.from,
        f.to,
        f.after?.date ?? null,
        f.after?.number ?? null,
        f.after?.lineNo ?? null,
        f.limit,
      ],
    );
  }
}
