import { CURRENCIES, currencyExponent } from '@keeper/money';

/** SQL that values document amounts in the base currency the way @keeper/money does. */

// The currency table as two parallel arrays, so SQL knows each currency's minor-unit exponent.
export const FX_CODES = [...CURRENCIES];
export const FX_EXPONENTS = FX_CODES.map(currencyExponent);

/**
 * A document amount in the base currency exactly as @keeper/money `convert(…, 'half-up')` computes
 * it when the document is posted: minor × rate × 10^(base exponent − document exponent), rounded
 * half away from zero (PostgreSQL's numeric round()). numeric arithmetic here is exact, so both
 * agree. `doc` is the alias of a row with `exchange_rate`, joined to the `fx` CTE of `fxCte` on its
 * currency; the base exponent is a parameter.
 */
export const toBase = (doc: string, minorExpr: string, baseExponentParam: string) =>
  `round((${minorExpr})::numeric * ${doc}.exchange_rate * power(10::numeric, (${baseExponentParam}::int - fx.exponent)::numeric))`;

export const fxCte = (codesParam: string, exponentsParam: string) =>
  `fx AS (SELECT code, exponent FROM unnest(${codesParam}::text[], ${exponentsParam}::int[]) AS x(code, exponent))`;
