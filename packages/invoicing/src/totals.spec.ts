import fc from 'fast-check';
import { computeTotals, type LineInput, type TaxRounding } from './totals';

const usd = (lines: LineInput[], o: { inclusive?: boolean; rounding?: TaxRounding } = {}) =>
  computeTotals({ currency: 'USD', pricesIncludeTax: o.inclusive ?? false, taxRounding: o.rounding ?? 'line', lines });

describe('computeTotals', () => {
  it('prices, discounts and taxes a line (exclusive)', () => {
    // 3 × 19.99 = 59.97; 10% off = 5.997 -> 6.00; net 53.97; 8.25% tax = 4.4525... -> 4.45
    const t = usd([{ quantity: '3', unitPriceMinor: 1999n, discountPercent: '10', taxRatePercent: '8.25' }]);
    expect(t.lines[0]).toEqual({ grossBeforeDiscountMinor: 5997n, discountMinor: 600n, netMinor: 5397n, taxMinor: 445n, totalMinor: 5842n });
    expect(t.totalMinor).toBe(5842n);
    expect(t.taxes).toEqual([{ ratePercent: '8.25', netMinor: 5397n, taxMinor: 445n }]);
  });

  it('handles decimal quantities exactly', () => {
    // 1.5 kg × 3.33 = 4.995 -> 5.00 (half-up)
    expect(usd([{ quantity: '1.5', unitPriceMinor: 333n }]).totalMinor).toBe(500n);
  });

  it('differs between line and document rounding exactly where it should', () => {
    // Three lines of 0.10 at 5%: per line tax 0.005 -> 0.01 each = 0.03; per document 0.015 -> 0.02.
    const lines = [1, 2, 3].map(() => ({ quantity: '1', unitPriceMinor: 10n, taxRatePercent: '5' }));
    expect(usd(lines, { rounding: 'line' }).taxMinor).toBe(3n);
    const doc = usd(lines, { rounding: 'document' });
    expect(doc.taxMinor).toBe(2n);
    expect(doc.lines.map((l) => l.taxMinor)).toEqual([1n, 1n, 0n]);
  });

  it('carves tax out of tax-inclusive prices', () => {
    // 113.00 including 13%: tax = 113 × 13 / 113 = 13.00, net 100.00
    const t = usd([{ quantity: '1', unitPriceMinor: 11300n, taxRatePercent: '13' }], { inclusive: true });
    expect(t.lines[0]).toMatchObject({ netMinor: 10000n, taxMinor: 1300n, totalMinor: 11300n });
  });

  it('groups equal rates written differently and orders groups by rate', () => {
    const t = usd([
      { quantity: '1', unitPriceMinor: 1000n, taxRatePercent: '13.00' },
      { quantity: '1', unitPriceMinor: 1000n, taxRatePercent: '9' },
      { quantity: '1', unitPriceMinor: 1000n, taxRatePercent: '13' },
    ]);
    expect(t.taxes.map((g) => g.ratePercent)).toEqual(['9', '13']);
  });

  it('refuses bad input with the line and field named', () => {
    expect(() => usd([{ quantity: '0', unitPriceMinor: 1n }])).toThrow(/lines.0.quantity/);
    expect(() => usd([{ quantity: '1', unitPriceMinor: 1n, discountPercent: '101' }])).toThrow(/lines.0.discountPercent/);
    expect(() => usd([{ quantity: '1.00001', unitPriceMinor: 1n }])).toThrow(/at most 4 decimals/);
    expect(() => usd([{ quantity: 'abc', unitPriceMinor: 1n }])).toThrow();
  });

  const line = fc.record({
    quantity: fc.tuple(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 4 })).map(([c, s]) =>
      s === 0 ? String(c) : `${Math.floor(c / 10 ** s)}.${String(c % 10 ** s).padStart(s, '0')}`,
    ).filter((q) => !/^0(\.0+)?$/.test(q)),
    unitPriceMinor: fc.bigInt({ min: 0n, max: 10_000_000n }),
    discountPercent: fc.constantFrom('0', '5', '12.5', '33.3333', '100'),
    taxRatePercent: fc.constantFrom('0', '5', '6', '8.25', '13', '20'),
  });

  it('always adds up: lines to document, nets plus taxes to totals, groups to taxes', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.constantFrom<TaxRounding>('line', 'document'), (lines, inclusive, rounding) => {
        const t = usd(lines, { inclusive, rounding });
        const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
        expect(sum(t.lines.map((l) => l.netMinor))).toBe(t.subtotalMinor);
        expect(sum(t.lines.map((l) => l.taxMinor))).toBe(t.taxMinor);
        expect(t.subtotalMinor + t.taxMinor).toBe(t.totalMinor);
        expect(sum(t.taxes.map((g) => g.taxMinor))).toBe(t.taxMinor);
        for (const l of t.lines) {
          expect(l.taxMinor >= 0n && l.netMinor >= 0n).toBe(true);
          expect(l.totalMinor).toBe(l.netMinor + l.taxMinor);
          // Inclusive prices never change what the customer pays; exclusive ones add tax on top.
          expect(inclusive ? l.totalMinor : l.netMinor).toBe(l.grossBeforeDiscountMinor - l.discountMinor);
        }
      }),
    );
  });

  it('keeps document-rounded tax within half a unit of the exact tax per rate', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const t = usd(lines, { rounding: 'document' });
        for (const g of t.taxes) {
          // exact tax = net × rate / 100; |rounded − exact| ≤ 0.5 unit  <=>  |200·tax − 2·net·rate| ≤ 100
          const [int, frac = ''] = g.ratePercent.split('.');
          const scale = 10n ** BigInt(frac.length);
          const rate = BigInt(int + frac);
          const diff = 200n * g.taxMinor * scale - 2n * g.netMinor * rate;
          expect(diff <= 100n * scale && diff >= -100n * scale).toBe(true);
        }
      }),
    );
  });
});
