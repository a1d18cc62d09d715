import { Injectable } from '@nestjs/common';
import { TenantTx } from '../../../db/db';

export interface TaxRateRow {
  id: string;
  name: string;
  /** numeric(7,4) as PostgreSQL prints it: "13.0000". */
  rate: string;
  isDefault: boolean;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `r.id, r.name, r.rate::text AS rate, r.is_default AS "isDefault", r.active,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

@Injectable()
export class TaxRatesRepository {
  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<TaxRateRow | null> {
    const [row] = await t.query<TaxRateRow>(
      `SELECT ${COLUMNS} FROM tax_rates r WHERE r.business_id = $1 AND r.id = $2 ${opts.lock ? 'FOR UPDATE' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  list(t: TenantTx, active: 'true' | 'false' | 'any'): Promise<TaxRateRow[]> {
    return t.query<TaxRateRow>(
      `SELECT ${COLUMNS} FROM tax_rates r
        WHERE r.business_id = $1 AND ($2::boolean IS NULL OR r.active = $2)
        ORDER BY lower(r.name) COLLATE "C", r.id`,
      [t.businessId, active === 'any' ? null : active === 'true'],
    );
  }

  async getDefault(t: TenantTx): Promise<TaxRateRow | null> {
    const [row] = await t.query<TaxRateRow>(
      `SELECT ${COLUMNS} FROM tax_rates r WHERE r.business_id = $1 AND r.is_default`,
      [t.businessId],
    );
    return row ?? null;
  }

  /**
   * Serialises changes of the default rate within a business, so two concurrent "make default"
   * requests cannot both pass the one-default check (the partial unique index is the last wall).
   */
  async lockDefault(t: TenantTx): Promise<void> {
    await t.query(`SELECT pg_advisory_xact_lock(hashtextextended('tax_rates.default:' || $1, 0))`, [t.businessId]);
  }

  async clearDefault(t: TenantTx): Promise<void> {
    await t.execute(`UPDATE tax_rates SET is_default = false, updated_at = now() WHERE business_id = $1 AND is_default`, [
      t.businessId,
    ]);
  }

  async insert(t: TenantTx, v: { name: string; rate: string; isDefault: boolean }): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO tax_rates (business_id, name, rate, is_default) VALUES ($1, $2, $3::numeric, $4) RETURNING id`,
      [t.businessId, v.name, v.rate, v.isDefault],
    );
    return row.id;
  }

  async update(t: TenantTx, id: string, v: { name?: string; rate?: string; isDefault?: boolean; active?: boolean }): Promise<void> {
    await t.execute(
      `UPDATE tax_rates SET name = coalesce($3, name), rate = coalesce($4::numeric, rate),
              is_default = coalesce($5, is_default), active = coalesce($6, active), updated_at = now()
        WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, v.name ?? null, v.rate ?? null, v.isDefault ?? null, v.active ?? null],
    );
  }
}
