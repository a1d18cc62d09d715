import { Injectable } from '@nestjs/common';
import type { TenantTx } from '../../db/db';
import type { AccountType } from './chart';

export interface AccountRow {
  id: string;
  code: string;
  name: string;
  type: AccountType;
  subtype: string;
  systemKey: string | null;
  isActive: boolean;
  createdAt: Date;
}

const COLUMNS = `a.id, a.code, a.name, a.type, a.subtype, a.system_key AS "systemKey", a.is_active AS "isActive",
  a.created_at AS "createdAt"`;

@Injectable()
export class AccountsRepository {
  async ensureDefaultChart(t: TenantTx): Promise<void> {
    await t.query(`SELECT ensure_default_chart($1)`, [t.businessId]);
  }

  /** Accounts with their balance in the base currency (debit positive) from entries dated up to asOf. */
  async listWithBalances(
    t: TenantTx,
    f: { asOf: string; type?: AccountType; includeInactive: boolean },
  ): Promise<(AccountRow & { balance: string })[]> {
    return t.query(
      `SELECT ${COLUMNS}, coalesce(b.balance, 0)::text AS balance
         FROM accounts a
         LEFT JOIN (
           SELECT l.account_id, sum(l.base_amount_minor) AS balance
             FROM journal_lines l
             JOIN journal_entries e ON e.business_id = l.business_id AND e.id = l.entry_id
            WHERE l.business_id = $1 AND e.entry_date <= $2::date
            GROUP BY l.account_id
         ) b ON b.account_id = a.id
        WHERE a.business_id = $1 AND ($3::text IS NULL OR a.type = $3) AND ($4::boolean OR a.is_active)
        ORDER BY a.code`,
      [t.businessId, f.asOf, f.type ?? null, f.includeInactive],
    );
  }

  async get(t: TenantTx, id: string): Promise<AccountRow | null> {
    const [row] = await t.query(`SELECT ${COLUMNS} FROM accounts a WHERE a.business_id = $1 AND a.id = $2`, [
      t.businessId,
      id,
    ]);
    return row ?? null;
  }

  /** The accounts named by id or system key, in one round trip. */
  async findByIdsOrKeys(t: TenantTx, ids: readonly string[], keys: readonly string[]): Promise<AccountRow[]> {
    return t.query(
      `SELECT ${COLUMNS} FROM accounts a
        WHERE a.business_id = $1 AND (a.id = ANY($2::uuid[]) OR a.system_key = ANY($3::text[]))`,
      [t.businessId, ids, keys],
    );
  }

  async idByKey(t: TenantTx, key: string): Promise<string | null> {
    const [row] = await t.query<{ id: string }>(`SELECT id FROM accounts WHERE business_id = $1 AND system_key = $2`, [
      t.businessId,
      key,
    ]);
    return row?.id ?? null;
  }

  async codeTaken(t: TenantTx, code: string): Promise<boolean> {
    const [row] = await t.query(`SELECT 1 FROM accounts WHERE business_id = $1 AND code = $2`, [t.businessId, code]);
    return row !== undefined;
  }

  async insert(
    t: TenantTx,
    a: { code: string; name: string; type: AccountType; subtype: string },
  ): Promise<AccountRow | null> {
    const [row] = await t.query(
      `INSERT INTO accounts AS a (business_id, code, name, type, subtype) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (business_id, code) DO NOTHING RETURNING ${COLUMNS}`,
      [t.businessId, a.code, a.name, a.type, a.subtype],
    );
    return row ?? null;
  }

  async update(t: TenantTx, id: string, change: { name?: string; isActive?: boolean }): Promise<AccountRow> {
    const [row] = await t.query(
      `UPDATE accounts AS a SET name = coalesce($3, a.name), is_active = coalesce($4, a.is_active), updated_at = now()
        WHERE a.business_id = $1 AND a.id = $2 RETURNING ${COLUMNS}`,
      [t.businessId, id, change.name ?? null, change.isActive ?? null],
    );
    return row;
  }

  /** Whether anything is left on the account, in any currency or in the base currency, over all time. */
  async hasBalance(t: TenantTx, id: string): Promise<boolean> {
    const [row] = await t.query(
      `SELECT 1 FROM journal_lines l WHERE l.business_id = $1 AND l.account_id = $2
        GROUP BY l.currency HAVING sum(l.amount_minor) <> 0 OR sum(l.base_amount_minor) <> 0 LIMIT 1`,
      [t.businessId, id],
    );
    return row !== undefined;
  }
}
