import { parseDecimal } from '@keeper/money';
import { useTranslation } from 'react-i18next';

/** Quantities as the API writes them ("12.5", "-2"): exact decimals with up to four places, never floats. */
const SCALE = 4;
const ONE = 10n ** BigInt(SCALE);

/** Typed text → ten-thousandths, or null when it is not a quantity (more than 4 decimals, junk). */
export function parseQuantity(text: string): bigint | null {
  const trimmed = text.trim().replace(/^\+/, '');
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  try {
    const d = parseDecimal(trimmed);
    if (d.scale > SCALE) return null;
    return d.coefficient * 10n ** BigInt(SCALE - d.scale);
  } catch {
    return null;
  }
}

/** Ten-thousandths → plain text without trailing zeros: 25000n → "2.5". */
export function quantityText(q: bigint): string {
  const negative = q < 0n;
  const abs = negative ? -q : q;
  const whole = abs / ONE;
  const fraction = (abs % ONE).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Quantities for reading: grouped by the reader's locale ("1,234.5"), optionally with a + on gains. */
export function useQuantityFormat() {
  const { i18n } = useTranslation();
  const grouping = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const format = (text: string, opts: { signed?: boolean } = {}): string => {
    const negative = text.startsWith('-');
    const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
    const body = `${grouping.format(BigInt(whole || '0'))}${fraction ? `.${fraction}` : ''}`;
    if (negative) return `−${body}`;
    return opts.signed && body !== '0' ? `+${body}` : body;
  };
  return format;
}
