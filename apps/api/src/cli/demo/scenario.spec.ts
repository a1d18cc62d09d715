import { buildPlans, type PlanEvent } from './scenario';

describe('demo scenario', () => {
  const today = '2026-11-30';
  const plans = buildPlans(today);

  it('is the same on every run', () => {
    expect(JSON.stringify(buildPlans(today), (_k, v) => (typeof v === 'bigint' ? v.toString() : v))).toBe(
      JSON.stringify(plans, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
    );
  });

  it('spans 24 full months and the current one, in date order', () => {
    for (const plan of plans) {
      const dates = plan.events.map((e) => e.date);
      expect([...dates].sort()).toEqual(dates);
      expect(dates[0] >= '2024-11-01').toBe(true);
      expect(dates[0] < '2024-12-01').toBe(true);
      expect(dates[dates.length - 1] <= today).toBe(true);
      // Nothing that follows an event (shipping, paying, receiving, billing) lands after today either.
      const later = plan.events.flatMap((e) =>
        e.kind === 'sale' ? [e.shipOn, e.paidOn ?? e.shipOn] : e.kind === 'purchase' ? [e.receiveOn, e.billOn, e.payOn ?? e.billOn] : [],
      );
      expect(later.filter((d) => d > today)).toEqual([]);
    }
  });

  it('never sells stock the business does not have, in date order, at each location', () => {
    for (const plan of plans) {
      const stock = new Map<string, number>();
      const add = (loc: string, sku: string, q: number) => {
        const k = `${loc}/${sku}`;
        stock.set(k, (stock.get(k) ?? 0) + q);
        expect({ plan: plan.key, k, q: stock.get(k)! >= 0 }).toEqual({ plan: plan.key, k, q: true });
      };
      const stocked = new Set(plan.products.filter((p) => p.kind === 'product').map((p) => p.sku));
      // Receipts and shipments by their own dates.
      const moves: { date: string; order: number; apply: () => void }[] = [];
      plan.events.forEach((e: PlanEvent, i) => {
        if (e.kind === 'purchase') moves.push({ date: e.receiveOn, order: i, apply: () => e.lines.forEach((l) => add('MAIN', l.sku, l.quantity)) });
        if (e.kind === 'sale')
          moves.push({ date: e.shipOn, order: i, apply: () => e.lines.filter((l) => stocked.has(l.sku)).forEach((l) => add(e.location, l.sku, -l.quantity)) });
        if (e.kind === 'transfer')
          moves.push({
            date: e.date,
            order: i,
            apply: () => e.lines.forEach((l) => (add('MAIN', l.sku, -l.quantity), add('SHOP', l.sku, l.quantity))),
          });
        if (e.kind === 'stock_count') moves.push({ date: e.date, order: i, apply: () => add('MAIN', e.shrinkSku, -e.shrinkUnits) });
      });
      moves.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order)).forEach((m) => m.apply());
    }
  });

  it('tells three different stories', () => {
    const revenue = (key: string, from: string, to: string) => {
      const plan = plans.find((p) => p.key === key)!;
      const price = new Map(plan.products.map((p) => [p.sku, p.priceMinor]));
      return plan.events
        .filter((e): e is Extract<PlanEvent, { kind: 'sale' }> => e.kind === 'sale' && e.date >= from && e.date <= to)
        .reduce((s, e) => s + e.lines.reduce((t, l) => t + price.get(l.sku)! * BigInt(l.quantity), 0n), 0n);
    };
    const growth = (key: string) => Number((revenue(key, '2025-12-01', '2026-11-30') * 100n) / revenue(key, '2024-12-01', '2025-11-30'));
    expect(growth('brightside')).toBeGreaterThan(125);
    expect(growth('golden')).toBeLessThan(85);
    expect(growth('lotus')).toBeGreaterThan(95);
    expect(growth('lotus')).toBeLessThan(130);
    for (const plan of plans) {
      const count = plan.events.filter((e) => e.kind === 'sale').length;
      expect(count).toBeGreaterThan(150);
      expect(count).toBeLessThan(900);
    }
  });
});
