import { Injectable } from '@nestjs/common';
import type { TenantTx } from '../../db/db';

export interface Address {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

export interface LocationRow {
  id: string;
  code: string;
  name: string;
  kind: 'warehouse' | 'shop';
  address: Address | null;
  isDefault: boolean;
  archivedAt: Date | null;
  createdAt: Date;
  /** Units and value on hand here, over all products (base currency minor units). */
  skuCount: number;
  valueMinor: string;
}

export interface LocationValues {
  code: string;
  name: string;
  kind: 'warehouse' | 'shop';
  address: Address | null;
}

const COLUMNS = `l.id, l.code, l.name, l.kind, l.address, l.is_default AS "isDefault", l.archived_at AS "archivedAt",
  l.created_at AS "createdAt",
  (SELECT count(*)::int FROM stock_levels s WHERE s.business_id = l.business_id AND s.location_id = l.id AND s.quantity <> 0) AS "skuCount",
  (SELECT coalesce(sum(s.value_minor), 0)::text FROM stock_levels s WHERE s.business_id = l.business_id AND s.location_id = l.id) AS "valueMinor"`;

@Injectable()
export class LocationsRepository {
  async get(t: TenantTx, id: string, opts: { lock?: boolean } = {}): Promise<LocationRow | null> {
    const [row] = await t.query<LocationRow>(
      `SELECT ${COLUMNS} FROM locations l WHERE l.business_id = $1 AND l.id = $2 ${opts.lock ? 'FOR UPDATE OF l' : ''}`,
      [t.businessId, id],
    );
    return row ?? null;
  }

  /** Every location (a business has a handful), the default first, then by name. */
  async list(t: TenantTx, opts: { includeArchived: boolean }): Promise<LocationRow[]> {
    return t.query<LocationRow>(
      `SELECT ${COLUMNS} FROM locations l WHERE l.business_id = $1 ${opts.includeArchived ? '' : 'AND l.archived_at IS NULL'}
        ORDER BY l.is_default DESC, lower(l.name), l.id`,
      [t.businessId],
    );
  }

  async defaultId(t: TenantTx): Promise<string | null> {
    const [row] = await t.query<{ id: string }>(`SELECT id FROM locations WHERE business_id = $1 AND is_default`, [t.businessId]);
    return row?.id ?? null;
  }

  async insert(t: TenantTx, v: LocationValues): Promise<string> {
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO locations (business_id, code, name, kind, address) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [t.businessId, v.code, v.name, v.kind, v.address],
    );
    return row.id;
  }

  async update(t: TenantTx, id: string, v: LocationValues): Promise<void> {
    await t.execute(
      `UPDATE locations SET code = $3, name = $4, kind = $5, address = $6, updated_at = now() WHERE business_id = $1 AND id = $2`,
      [t.businessId, id, v.code, v.name, v.kind, v.address],
    );
  }

  async setDefault(t: TenantTx, id: string): Promise<void> {
    await t.execute(`UPDATE locations SET is_default = false WHERE business_id = $1 AND is_default AND id <> $2`, [t.businessId, id]);
    await t.execute(`UPDATE locations SET is_default = true, updated_at = now() WHERE business_id = $1 AND id = $2`, [t.businessId, id]);
  }

  async setArchived(t: TenantTx, id: string, archived: boolean): Promise<void> {
    await t.execute(
      `UPDATE locations SET archived_at = ${archived ? 'now()' : 'NULL'}, updated_at = now() WHERE business_id = $1 AND id = $2`,
      [t.businessId, id],
    );
  }

  /** Whether anything is on hand or held here (such a location cannot be archived). */
  async holdsStock(t: TenantTx, id: string): Promise<boolean> {
    const rows = await t.query(
      `SELECT 1 FROM stock_levels WHERE business_id = $1 AND location_id = $2 AND (quantity <> 0 OR reserved <> 0) LIMIT 1`,
      [t.businessId, id],
    );
    return rows.length > 0;
  }
}
