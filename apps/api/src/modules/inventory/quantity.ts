import { decimalToString, parseDecimal } from '@keeper/money';
import { trimZeros } from '../../common/decimal';

/**
 * Stock quantities as bigint counts of ten-thousandths (numeric(18, 4) in the database), so that
 * sums and comparisons are exact. 1.5 units is 15000n.
 */
export const QTY_SCALE = 4;
export const ONE_UNIT = 10_000n;
/** numeric(18, 4): at most 14 digits before the point. */
export const MAX_QTY = 10n ** 18n - 1n;

/** A quantity as PostgreSQL or a client writes it ("12.5000", "3") → ten-thousandths; throws on junk or >4 decimals. */
export function toQty(text: string): bigint {
  const d = parseDecimal(text);
  if (d.scale > QTY_SCALE) throw new RangeError(`quantity ${text} has more than ${QTY_SCALE} decimals`);
  return d.coefficient * 10n ** BigInt(QTY_SCALE - d.scale);
}

/** Ten-thousandths → the plain decimal people write: 15000n → "1.5", -20000n → "-2". */
export function qtyText(q: bigint): string {
  return trimZeros(decimalToString({ coefficient: q, scale: QTY_SCALE }));
}

/** Ten-thousandths → the SQL numeric literal text with all four decimals. */
export function qtySql(q: bigint): string {
  return decimalToString({ coefficient: q, scale: QTY_SCALE });
}
