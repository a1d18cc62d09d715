import fc from 'fast-check';
import { convert, money } from '@keeper/money';
import { baseMovement, baseValue } from './open-balance';

describe('open balance valued in the base currency', () => {
  const rate = fc
    .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 9999 }))
    .map(([u, f]) => `${u}.${String(f).padStart(4, '0')}`);

  it('values base-currency amounts at par and foreign ones half-up', () => {
    expect(baseValue(12345n, 'CNY', '1', 'CNY')).toBe(12345n);
    // 1.05 USD at 7.1 = 7.455 CNY -> 7.46
    expect(baseValue(105n, 'USD', '7.1', 'CNY')).toBe(746n);
    expect(baseValue(105n, 'USD', '7.1', 'CNY')).toBe(convert(money(105n, 'USD'), '7.1', 'CNY', 'half-up').amountMinor);
  });

  it('telescopes: any sequence of movements leaves exactly the value of what is still open', () => {
    fc.assert(
      fc.property(fc.bigInt(1n, 10n ** 10n), fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 10 }), rate, (total, parts, r) => {
        let open = total;
        let booked = baseValue(total, 'USD', r, 'CNY');
        for (const p of parts) {
          const next = open - (open * BigInt(p)) / 100n;
          booked -= baseMovement(open, next, 'USD', r, 'CNY');
          open = next;
        }
        expect(booked).toBe(baseValue(open, 'USD', r, 'CNY'));
      }),
    );
  });
});
