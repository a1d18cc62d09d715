import { assertCurrency, money, toDecimalString } from '@keeper/money';
import { neutraliseFormula, writeCsv } from '../modules/catalog/csv/csv';

// An export is one file, not a page; this bounds its size.
export const EXPORT_LIMIT = 50_000;

/** Minor units as a decimal string in the currency's own precision ("1234.50", JPY "1234"). */
export const decimalAmount = (minor: string | bigint, currency: string) =>
  toDecimalString(money(BigInt(minor), assertCurrency(currency)));

/** A CSV download (UTF-8 with BOM, every cell guarded against formula injection) named `<name>-<date>.csv`. */
export function csvFile(name: string, date: string, header: readonly string[], rows: readonly (readonly string[])[]) {
  return {
    fileName: `${name}-${date}.csv`,
    body: writeCsv([header, ...rows.slice(0, EXPORT_LIMIT).map((r) => r.map(neutraliseFormula))], { bom: true }),
  };
}
