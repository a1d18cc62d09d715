import { assertCurrency, type CurrencyCode } from '@keeper/money';
import { notFound } from '../../common/errors';
import type { TenantTx } from '../../db/db';

/** The currency the books are kept in; it never changes, so product prices are stated in it. */
export async function businessBaseCurrency(t: TenantTx): Promise<CurrencyCode> {
  const [row] = await t.query<{ baseCurrency: string }>(`SELECT base_currency AS "baseCurrency" FROM businesses WHERE id = $1`, [
    t.businessId,
  ]);
  if (!row) throw notFound('Business');
  return assertCurrency(row.baseCurrency);
}

/** "contacts-2026-01-31.csv" (UTC date of the export). */
export const exportFileName = (what: string, now = new Date()) => `${what}-${now.toISOString().slice(0, 10)}.csv`;
