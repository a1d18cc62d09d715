import fc from 'fast-check';
import type { CurrencyCode } from '@keeper/money';
import { grniClearance, netCost, orderValue, payableLines, receiptValue, type OrderCost } from './purchase-cost';

const sums = (lines: ReturnType<typeof payableLines>) => {
  const perCurrency = new Map<string, bigint>();
  let base = 0n;
  for (const l of lines) {
    perCurrency.set(l.amount.currency, (perCurrency.get(l.amount.currency) ?? 0n) + l.amount.amountMinor);
    base += l.baseAmountMinor;
  }
  return { perCurrency: [...perCurrency.values()], base };
};

describe('purchase cost', () => {
  it('prices a quantity half-up like an invoice line', () => {
    expect(netCost(25_000n, 199n)).toBe(498n); // 2.5 × 1.99 = 4.975 → 4.98
    expect(netCost(10_000n, 1234n)).toBe(1234n);
    expect(netCost(3_333n, 1n)).toBe(0n); // 0.3333 × 0.01
    expect(netCost(5_000n, 1n)).toBe(1n); // 0.5 × 0.01 = 0.005 → 0.01
  });

  it('values an order line at the order rate', () => {
    const cost: OrderCost = { unitCostMinor: 1000n, currency: 'USD', rate: '7.1234' };
    // 3 × 10.00 USD = 30.00 USD × 7.1234 = 213.702 CNY → 213.70
    expect(orderValue(30_000n, cost, 'CNY')).toBe(21370n);
    expect(orderValue(30_000n, { ...cost, currency: 'CNY', rate: '1' }, 'CNY')).toBe(3000n);
  });

  it('adds receipts (and bills) of any sizes up to exactly the value of the whole line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 99_999 }),
        fc.constantFrom('1', '0.1357', '7.1234', '151.37'),
        fc.constantFrom<CurrencyCode>('USD', 'JPY', 'CNY'),
        (parts, unitCostMinor, rate, currency) => {
          const cost: OrderCost = { unitCostMinor: BigInt(unitCostMinor), currency, rate: currency === 'CNY' ? '1' : rate };
          let line = { receivedQuantity: 0n, receivedValueMinor: 0n };
          let billed = { billedQuantity: 0n, billedGrniMinor: 0n };
          for (const p of parts) {
            const q = BigInt(p);
            const value = receiptValue(line, q, cost, 'CNY');
            expect(value >= 0n).toBe(true);
            line = { receivedQuantity: line.receivedQuantity + q, receivedValueMinor: line.receivedValueMinor + value };
          }
          for (const p of [...parts].reverse()) {
            const q = BigInt(p);
            const cleared = grniClearance(billed, q, cost, 'CNY');
            billed = { billedQuantity: billed.billedQuantity + q, billedGrniMinor: billed.billedGrniMinor + cleared };
          }
          expect(line.receivedValueMinor).toBe(orderValue(line.receivedQuantity, cost, 'CNY'));
          expect(billed.billedGrniMinor).toBe(line.receivedValueMinor);
        },
      ),
    );
  });

  it('posts a bill in the base currency: GRNI at receipt value, the price difference to variance', () => {
    // Received 3 at 10.00 (GRNI 30.00); billed at 10.50 + 10 % tax.
    const lines = payableLines({
      currency: 'USD',
      rate: '1',
      base: 'USD',
      totalMinor: 3465n,
      taxMinor: 315n,
      lines: [{ netMinor: 3150n, description: 'Tea', grni: { clearedMinor: 3000n, netAtOrderCostMinor: 3000n } }],
      credit: { account: { key: 'accounts_payable' }, contactId: 'c' },
    });
    const byKey = (key: string) => lines.filter((l) => 'key' in l.account && l.account.key === key).map((l) => l.baseAmountMinor);
    expect(byKey('goods_received_not_invoiced')).toEqual([3000n]);
    expect(byKey('purchase_price_variance')).toEqual([150n]);
    expect(byKey('tax_receivable')).toEqual([315n]);
    expect(byKey('accounts_payable')).toEqual([-3465n]);
    expect(byKey('fx_gain_loss').every((v) => v === 0n)).toBe(true);
    for (const l of lines) expect(l.amount.amountMinor).toBe(l.baseAmountMinor);
  });

  it('splits a foreign bill into GRNI at the order rate, variance at the bill rate and the rate difference to FX', () => {
    // Ordered 2 × 10.00 USD at 7.00 (GRNI 140.00 CNY); billed 2 × 11.00 USD at 7.20, no tax.
    const lines = payableLines({
      currency: 'USD',
      rate: '7.2',
      base: 'CNY',
      totalMinor: 2200n,
      taxMinor: 0n,
      lines: [{ netMinor: 2200n, description: 'Tea', grni: { clearedMinor: 14000n, netAtOrderCostMinor: 2000n } }],
      credit: { account: { key: 'accounts_payable' }, contactId: 'c' },
    });
    const base = (key: string) =>
      lines.filter((l) => 'key' in l.account && l.account.key === key).reduce((s, l) => s + l.baseAmountMinor, 0n);
    expect(base('goods_received_not_invoiced')).toBe(14000n);
    expect(base('purchase_price_variance')).toBe(1440n); // 2.00 USD × 7.20
    expect(base('fx_gain_loss')).toBe(400n); // 20.00 USD × (7.20 − 7.00)
    expect(base('accounts_payable')).toBe(-15840n);
  });

  it('always balances per currency and in the base currency, with no line of opposite signs', () => {
    const line = fc.record({
      net: fc.integer({ min: 0, max: 500_000 }),
      grni: fc.option(fc.record({ cleared: fc.integer({ min: -3, max: 3_000_000 }), atOrder: fc.integer({ min: 0, max: 500_000 }) })),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 90_000 }),
        fc.constantFrom('0.1357', '7.1234', '151.37', '1'),
        fc.constantFrom<CurrencyCode>('USD', 'JPY', 'CNY'),
        (ls, tax, rate, currency) => {
          const net = ls.reduce((s, l) => s + BigInt(l.net), 0n);
          const posting = payableLines({
            currency,
            rate: currency === 'CNY' ? '1' : rate,
            base: 'CNY',
            totalMinor: net + BigInt(tax),
            taxMinor: BigInt(tax),
            lines: ls.map((l) => ({
              netMinor: BigInt(l.net),
              description: 'x',
              ...(l.grni
                ? { grni: { clearedMinor: BigInt(l.grni.cleared), netAtOrderCostMinor: BigInt(l.grni.atOrder) } }
                : { account: { key: 'other_expenses' as const } }),
            })),
            credit: { account: { key: 'accounts_payable' }, contactId: 'c' },
          });
          const s = sums(posting);
          expect(s.base).toBe(0n);
          expect(s.perCurrency.every((v) => v === 0n)).toBe(true);
          for (const l of posting) {
            const a = l.amount.amountMinor;
            const b = l.baseAmountMinor;
            expect((a > 0n && b < 0n) || (a < 0n && b > 0n)).toBe(false);
            if (currency === 'CNY') expect(a).toBe(b);
          }
        },
      ),
    );
  });
});
