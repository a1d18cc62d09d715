import { CURRENCIES, currencyExponent, isCurrency, parseDecimal } from '@keeper/money';
import { parseIsoDate } from './dates';
import { LendingMathError, type FieldError } from './errors';

/**
 * Reads a JSON request field by field, collecting every problem with its path, so one refusal
 * names all that is wrong. Money and rates must be decimal strings: a JSON number has already been
 * through a float by the time JSON.parse hands it over.
 */
export class RequestReader {
  private readonly errors: FieldError[] = [];
  private readonly body: Record<string, unknown>;

  constructor(
    json: unknown,
    private readonly allowed: readonly string[],
    private readonly prefix = '',
  ) {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      this.body = {};
      this.fail('', 'expected a JSON object');
      return;
    }
    this.body = json as Record<string, unknown>;
    for (const key of Object.keys(this.body)) {
      if (!allowed.includes(key)) this.fail(key, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }

  path(field: string): string {
    return this.prefix ? (field ? `${this.prefix}.${field}` : this.prefix) : field;
  }

  fail(field: string, message: string): void {
    this.errors.push({ field: this.path(field) || '(request)', message });
  }

  has(field: string): boolean {
    return this.body[field] !== undefined;
  }

  raw(field: string): unknown {
    return this.body[field];
  }

  date(field: string, optional: true): string | undefined;
  date(field: string, optional?: false): string;
  date(field: string, optional = false): string | undefined {
    const value = this.body[field];
    if (value === undefined) {
      if (!optional) this.fail(field, 'required: a date such as "2026-01-31"');
      return undefined;
    }
    if (!parseIsoDate(value)) {
      this.fail(field, `expected a calendar date "YYYY-MM-DD", got ${JSON.stringify(value)}`);
      return undefined;
    }
    return value as string;
  }

  /** A plain decimal string; `min` is "positive" (> 0) or "non-negative" (≥ 0). */
  decimal(field: string, min: 'positive' | 'non-negative', optional: true): string | undefined;
  decimal(field: string, min: 'positive' | 'non-negative', optional?: false): string;
  decimal(field: string, min: 'positive' | 'non-negative', optional = false): string | undefined {
    const value = this.body[field];
    if (value === undefined) {
      if (!optional) this.fail(field, 'required: a decimal string such as "1234.56"');
      return undefined;
    }
    if (typeof value === 'number') {
      this.fail(field, `pass decimals as strings ("${String(value)}"), not JSON numbers, so no float touches them`);
      return undefined;
    }
    let coefficient: bigint;
    try {
      ({ coefficient } = parseDecimal(value as string));
    } catch {
      this.fail(field, `expected a decimal string such as "1234.56", got ${JSON.stringify(value)}`);
      return undefined;
    }
    if (min === 'positive' ? coefficient <= 0n : coefficient < 0n) {
      this.fail(field, min === 'positive' ? 'must be greater than zero' : 'must not be negative');
      return undefined;
    }
    return value as string;
  }

  integer(field: string, range: { min: number; max: number }, optional: true): number | undefined;
  integer(field: string, range: { min: number; max: number }, optional?: false): number;
  integer(field: string, { min, max }: { min: number; max: number }, optional = false): number | undefined {
    const value = this.body[field];
    if (value === undefined) {
      if (!optional) this.fail(field, `required: a whole number from ${min} to ${max}`);
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(field, `expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(field: string, options: readonly T[], optional: true): T | undefined;
  oneOf<T extends string>(field: string, options: readonly T[], optional?: false): T;
  oneOf<T extends string>(field: string, options: readonly T[], optional = false): T | undefined {
    const value = this.body[field];
    if (value === undefined) {
      if (!optional) this.fail(field, `required: one of ${options.join(', ')}`);
      return undefined;
    }
    if (!options.includes(value as T)) {
      this.fail(field, `expected one of ${options.join(', ')}, got ${JSON.stringify(value)}`);
      return undefined;
    }
    return value as T;
  }

  /** A list read element by element with a nested reader per element. */
  list<T>(field: string, read: (element: RequestReader) => T | undefined, allowedKeys: readonly string[], minLength = 1): T[] {
    const value = this.body[field];
    if (!Array.isArray(value)) {
      this.fail(field, value === undefined ? 'required: a list' : 'expected a list');
      return [];
    }
    if (value.length < minLength) this.fail(field, `needs at least ${minLength} item${minLength === 1 ? '' : 's'}`);
    const items: T[] = [];
    value.forEach((element, index) => {
      const reader = new RequestReader(element, allowedKeys, this.path(`${field}[${index}]`));
      const item = read(reader);
      this.errors.push(...reader.errors);
      if (item !== undefined) items.push(item);
    });
    return items;
  }

  /**
   * Minor-unit decimals from `decimals` or `currency` (ISO 4217, through @keeper/money); 2 when
   * neither is given.
   */
  moneyDecimals(): number {
    const currency = this.body.currency;
    const decimals = this.integer('decimals', { min: 0, max: 8 }, true);
    if (currency === undefined) return decimals ?? 2;
    if (!isCurrency(currency)) {
      this.fail('currency', `expected an ISO 4217 code such as ${CURRENCIES.slice(0, 3).join(', ')}, got ${JSON.stringify(currency)}`);
      return decimals ?? 2;
    }
    const exponent = currencyExponent(currency);
    if (decimals !== undefined && decimals !== exponent) {
      this.fail('decimals', `${currency} has ${exponent} decimals, not ${decimals}`);
    }
    return exponent;
  }

  /** Throws one VALIDATION_FAILED error naming every bad field, or returns the value built. */
  done<T>(value: () => T): T {
    if (this.errors.length > 0) {
      const summary = this.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      throw new LendingMathError('VALIDATION_FAILED', summary, this.errors);
    }
    return value();
  }
}

export interface DatedAmount {
  readonly date: string;
  readonly amount: string;
}

export function readDatedAmount(element: RequestReader): DatedAmount | undefined {
  const date = element.date('date');
  const amount = element.decimal('amount', 'positive');
  return date !== undefined && amount !== undefined ? { date, amount } : undefined;
}
