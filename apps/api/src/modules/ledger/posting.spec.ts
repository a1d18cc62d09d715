import fc from 'fast-check';
import { money } from '@keeper/money';
import { normalBalance } from './chart';
import { balanceProblems, isIsoDate, lineProblems, parseManualLines, reversedLines, sideOf, type LineValue } from './posting';
import { decodeKeyset, encodeKeyset, naturalDecimal } from './present';

const usd = (minor: bigint, base = minor): LineValue => ({ amount: money(minor, 'USD'), baseAmountMinor: base });
const eur = (minor: bigint, base: bigint): LineValue => ({ amount: money(minor, 'EUR'), baseAmountMinor: base });

describe('isIsoDate', () => {
  it.each([
    ['2025-01-31', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['2025-01-31T00:00:00Z', false],
    ['', false],
    [20250131, false],
  ])('%p -> %p', (value, expected) => expect(isIsoDate(value)).toBe(expected));
});

describe('balanceProblems', () => {
  it('accepts an entry balanced per currency and in the base currency', () => {
    // Payment of an invoice issued at 1.10 and paid at 1.05: the FX loss is an EUR line of 0 worth 5.00 USD.
    const lines = [eur(10000n, 10500n), eur(-10000n, -11000n), eur(0n, 500n)];
    expect(balanceProblems(lines, 'USD')).toEqual([]);
    expect(lineProblems(lines, 'USD')).toEqual([]);
  });

  it('names the currency and the difference', () => {
    expect(balanceProblems([usd(10000n), usd(-9000n)], 'USD')).toEqual([
      'debits (100.00) and credits (90.00) in USD differ by 10.00',
      'valued in the base currency USD, debits (100.00) and credits (90.00) differ by 10.00',
    ]);
  });

  it('refuses an entry balanced in the base currency but not per currency', () => {
    // 100 EUR against 110 USD: worth the same, but EUR and USD each have only one side.
    const problems = balanceProblems([eur(10000n, 11000n), usd(-11000n)], 'USD');
    expect(problems).toEqual([
      'debits (100.00) and credits (0.00) in EUR differ by 100.00',
      'debits (0.00) and credits (110.00) in USD differ by 110.00',
    ]);
  });

  it('refuses an entry balanced per currency but not in the base currency', () => {
    expect(balanceProblems([eur(10000n, 11000n), eur(-10000n, -10999n)], 'USD')).toEqual([
      'valued in the base currency USD, debits (110.00) and credits (109.99) differ by 0.01',
    ]);
  });

  it('needs two lines', () => {
    expect(balanceProblems([], 'USD')).toContain('an entry needs at least two lines');
  });
});

describe('lineProblems', () => {
  it('refuses lines that move nothing, opposite signs, and base-currency lines with another base amount', () => {
    expect(lineProblems([usd(0n, 0n), eur(100n, -110n), usd(100n, 101n), eur(100n, 0n)], 'USD')).toEqual([
      { index: 0, message: 'moves nothing: amount and base amount are both zero' },
      { index: 1, message: 'has a base amount of the opposite sign to its amount' },
      { index: 2, message: 'is in the base currency USD, so its base amount must equal its amount' },
    ]);
  });
});

describe('reversedLines', () => {
  const line = fc
    .record({
      currency: fc.constantFrom('USD' as const, 'EUR' as const, 'JPY' as const),
      minor: fc.bigInt(-(10n ** 12n), 10n ** 12n),
      rate: fc.bigInt(1n, 300n),
    })
    .map(({ currency, minor, rate }) => ({
      amount: money(minor, currency),
      baseAmountMinor: currency === 'USD' ? minor : (minor * rate) / 100n,
    }));

  it('mirrors every line, so an entry plus its reversal nets to zero on every account', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const balanced = [...lines, ...lines.map((l) => ({ amount: money(-l.amount.amountMinor, l.amount.currency), baseAmountMinor: -l.baseAmountMinor }))];
        const reversal = reversedLines(balanced);
        expect(balanceProblems(reversal, 'USD')).toEqual([]);
        reversal.forEach((r, i) => {
          expect(r.amount.amountMinor + balanced[i].amount.amountMinor).toBe(0n);
          expect(r.baseAmountMinor + balanced[i].baseAmountMinor).toBe(0n);
          expect(r.amount.currency).toBe(balanced[i].amount.currency);
        });
      }),
    );
  });
});

describe('parseManualLines', () => {
  it('signs debits positive and credits negative, converting foreign lines half-even', () => {
    const { values, errors } = parseManualLines(
      [
        { side: 'debit', amount: '100.00', currency: 'EUR', exchangeRate: '1.08255' },
        { side: 'credit', amount: '108.26' },
      ],
      'USD',
    );
    expect(errors).toEqual([]);
    // 100.00 EUR x 1.08255 = 108.255 USD -> 108.26 (half-even rounds the 5 to the even 6).
    expect(values).toEqual([
      { amount: money(10000n, 'EUR'), baseAmountMinor: 10826n },
      { amount: money(-10826n, 'USD'), baseAmountMinor: -10826n },
    ]);
  });

  it('accepts an FX difference line: amount 0 with a base amount', () => {
    const { values, errors } = parseManualLines([{ side: 'debit', amount: '0', currency: 'EUR', baseAmount: '5.00' }], 'USD');
    expect(errors).toEqual([]);
    expect(values).toEqual([{ amount: money(0n, 'EUR'), baseAmountMinor: 500n }]);
  });

  it('names the line and field of each mistake', () => {
    const { errors } = parseManualLines(
      [
        { side: 'debit', amount: '10.001' },
        { side: 'credit', amount: '0' },
        { side: 'debit', amount: '5', currency: 'EUR' },
        { side: 'debit', amount: '5', exchangeRate: '2' },
        { side: 'debit', amount: '5', currency: 'EUR', exchangeRate: '0' },
        { side: 'debit', amount: '5', currency: 'EUR', exchangeRate: '1.1', baseAmount: '5.50' },
        { side: 'debit', amount: '1.5', currency: 'JPY', exchangeRate: '0.0067' },
      ],
      'USD',
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['lines.0.amount', 'too_precise'],
      ['lines.1.amount', 'too_small'],
      ['lines.2.exchangeRate', 'required'],
      ['lines.3.exchangeRate', 'not_allowed'],
      ['lines.4.exchangeRate', 'too_small'],
      ['lines.5.baseAmount', 'not_allowed'],
      ['lines.6.amount', 'too_precise'],
    ]);
  });
});

describe('presentation helpers', () => {
  it('states balances positive on the normal side of the account', () => {
    expect(normalBalance('income', 'contra_income')).toBe('debit');
    expect(naturalDecimal(-12345n, 'income', 'operating_income', 'USD')).toBe('123.45');
    expect(naturalDecimal(-12345n, 'asset', 'bank', 'USD')).toBe('-123.45');
    expect(sideOf({ amount: money(0n, 'EUR'), baseAmountMinor: -5n })).toBe('credit');
  });

  it('round-trips keyset cursors and refuses forged ones', () => {
    expect(decodeKeyset(encodeKeyset(['2025-01-31', '42']), 2)).toEqual(['2025-01-31', '42', 0]);
    expect(decodeKeyset(encodeKeyset(['2025-01-31', '42', 3]), 3)).toEqual(['2025-01-31', '42', 3]);
    expect(() => decodeKeyset(encodeKeyset(["2025-01-31'; --", '1']), 2)).toThrow('cursor');
    expect(() => decodeKeyset('garbage', 2)).toThrow('cursor');
  });
});
