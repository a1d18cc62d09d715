import { ApiProperty } from '@nestjs/swagger';
import { moneyToJson, type CurrencyCode } from '@keeper/money';

/** Money in API responses: an integer count of minor units as a string (never a float) plus the currency. */
export class MoneyDto {
  @ApiProperty({ example: '125050', description: 'Integer minor units, as a string so no precision is lost' })
  amountMinor: string;

  @ApiProperty({ example: 'USD' })
  currency: string;
}

export const moneyDto = (amountMinor: bigint | string | number, currency: string): MoneyDto =>
  moneyToJson({ amountMinor: BigInt(amountMinor), currency: currency as CurrencyCode });

/** A decimal-string field: digits, optional sign and point, nothing else (no exponents, no spaces). */
export const DECIMAL = /^-?\d{1,15}(\.\d{1,12})?$/;
export const UNSIGNED_DECIMAL = /^\d{1,15}(\.\d{1,12})?$/;
