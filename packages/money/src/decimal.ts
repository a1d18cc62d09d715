import { MoneyError, type MoneyErrorCode } from './errors';

/** An exact decimal: value = coefficient / 10^scale. "-0.0825" is { coefficient: -825n, scale: 4 }. */
export interface Decimal {
  readonly coefficient: bigint;
  readonly scale: number;
}

// Deliberately strict: no exponents, separators, whitespace or bare ".5" — ambiguity in money input is a bug.
const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export function parseDecimal(input: string): Decimal {
  return parseDecimalOrThrow(input, 'INVALID_DECIMAL', 'decimal');
}

/** @internal lets callers report junk with their own error code and noun. */
export function parseDecimalOrThrow(input: unknown, code: MoneyErrorCode, what: string): Decimal {
  const match = typeof input === 'string' ? DECIMAL_PATTERN.exec(input) : null;
  if (!match) {
    throw new MoneyError(
      code,
      `Invalid ${what} ${JSON.stringify(input)}: expected a plain decimal string such as "1234.56" or "-0.0825"`,
    );
  }
  const [, sign, integerDigits, fractionDigits = ''] = match;
  const magnitude = BigInt(integerDigits + fractionDigits);
  return { coefficient: sign === '-' ? -magnitude : magnitude, scale: fractionDigits.length };
}

export function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** Renders coefficient / 10^scale with exactly `scale` fraction digits. */
export function decimalToString({ coefficient, scale }: Decimal): string {
  const sign = coefficient < 0n ? '-' : '';
  const digits = (coefficient < 0n ? -coefficient : coefficient).toString();
  if (scale === 0) return sign + digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}
