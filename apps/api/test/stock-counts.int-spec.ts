import { Api, addMember, createBusiness, Session, signUp, sqlAs, startApi } from './harness';

describe('stock counts', () => {
  let api: Api;
  let owner: Session;
  let businessId: string;
  let base: string;
  let main: string;

  const product = async (sku: string, opts: { trackStock?: boolean; purchaseCost?: string | null } = {}) =>
    (
      await owner
        .post(`${base}/products`, { sku, name: `Product ${sku}`, trackStock: opts.trackStock ?? true, purchaseCost: opts.purchaseCost ?? null })
        .expect(201)
    ).body.id as string;
  const adjust = (locationId: string, lines: object[], reason = 'found') => owner.post(`${base}/stock/adjustments`, { locationId, reason, lines });
  const lines = async (countId: string, query = '') =>
    (await owner.get(`${base}/stock-counts/${countId}/lines?limit=100${query}`).expect(200)).body.items as {
      id: string;
      product: { id: string; sku: string };
      expected: string;
      counted: string | null;
      difference: string | null;
      book: string;
      drift: string;
      adjustment: string | null;
      adjustmentValue: { amountMinor: string } | null;
    }[];
  const lineOf = async (countId: string, sku: string) => (await lines(countId)).find((l) => l.product.sku === sku)!;
  const onHand = async (productId: string, locationId = main) =>
    (await owner.get(`${base}/products/${productId}/stock`).expect(200)).body.locations.find(
      (l: { location: { id: string } }) => l.location.id === locationId,
    )?.onHand ?? '0';
  const ledgerBalance = async (key: string) => {
    const db = await sqlAs('postgres');
    try {
      const { rows } = await db.query(
        `SELECT coalesce(sum(jl.base_amount_minor), 0)::text AS balance FROM journal_lines jl
           JOIN accounts a ON a.business_id = jl.business_id AND a.id = jl.account_id
          WHERE jl.business_id = $1 AND a.system_key = $2`,
        [businessId, key],
      );
      return rows[0].balance as string;
    } finally {
      await db.end();
    }
  };

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Count Owner');
    businessId = await createBusiness(owner, 'Count Shop');
    base = `/api/businesses/${businessId}`;
    main = (await owner.get(`${base}/locations`).expect(200)).body.items[0].id;
  });
  afterAll(() => api.close());

  it('snapshots every stocked product, takes typed and scanned counts, and posts the differences once', async () => {
    const tea = await product('CNT-TEA');
    const cup = await product('CNT-CUP', { purchaseCost: '1.50' });
    await product('CNT-SERVICE', { trackStock: false });
    await adjust(main, [
      { productId: tea, quantityChange: '10', unitCost: '2.00' },
      { productId: cup, quantityChange: '4', unitCost: '1.50' },
    ]).expect(201);

    const created = await owner.post(`${base}/stock-counts`, { locationId: main, note: 'Month end' }).expect(201);
    expect(created.body).toMatchObject({
      number: 1,
      status: 'draft',
      scope: 'all',
      location: { code: 'MAIN' },
      summary: { lines: 2, counted: 0, uncounted: 2, differences: 0, drifted: 0, value: { amountMinor: '0', currency: 'USD' } },
    });
    const countId = created.body.id as string;
    const teaLine = await lineOf(countId, 'CNT-TEA');
    expect(teaLine).toMatchObject({ expected: '10', counted: null, difference: null, book: '10', drift: '0', adjustment: null });

    // Typed: 8 tins of tea (two missing). Scanned: the cup three times (one short).
    const typed = await owner.patch(`${base}/stock-counts/${countId}/lines`, { lines: [{ lineId: teaLine.id, countedQuantity: '8' }] }).expect(200);
    expect(typed.body.items).toEqual([
      expect.objectContaining({ counted: '8', difference: '-2', adjustment: '-2', adjustmentValue: { amountMinor: '-400', currency: 'USD' } }),
    ]);
    for (let i = 0; i < 3; i++) await owner.post(`${base}/stock-counts/${countId}/scan`, { code: 'cnt-cup' }).expect(200);
    expect(await lineOf(countId, 'CNT-CUP')).toMatchObject({ counted: '3', difference: '-1', adjustmentValue: { amountMinor: '-150' } });

    const unknown = await owner.post(`${base}/stock-counts/${countId}/scan`, { code: 'NOPE-1' }).expect(400);
    expect(unknown.body.error.fields).toEqual([expect.objectContaining({ field: 'code', code: 'not_found' })]);
    const service = await owner.post(`${base}/stock-counts/${countId}/scan`, { code: 'CNT-SERVICE' }).expect(400);
    expect(service.body.error.fields).toEqual([expect.objectContaining({ field: 'code', code: 'not_stocked' })]);
    const foreign = await owner
      .patch(`${base}/stock-counts/${countId}/lines`, { lines: [{ lineId: '00000000-0000-4000-8000-000000000009', countedQuantity: '1' }] })
      .expect(400);
    expect(foreign.body.error.fields).toEqual([expect.objectContaining({ field: 'lines.0.lineId', code: 'not_found' })]);

    expect((await lines(countId, '&filter=differences')).map((l) => l.product.sku).sort()).toEqual(['CNT-CUP', 'CNT-TEA']);
    const review = (await owner.get(`${base}/stock-counts/${countId}`).expect(200)).body;
    expect(review.summary).toMatchObject({ counted: 2, uncounted: 0, differences: 2, drifted: 0, value: { amountMinor: '-550' } });

    const adjustmentsBefore = BigInt(await ledgerBalance('inventory_adjustments'));
    const posted = await owner.post(`${base}/stock-counts/${countId}/post`, {}).expect(200);
    expect(posted.body).toMatchObject({ status: 'posted', summary: { value: { amountMinor: '-550' } } });
    expect(posted.body.operationId).toEqual(expect.any(String));
    const operation = (await owner.get(`${base}/stock/operations/${posted.body.operationId}`).expect(200)).body;
    expect(operation).toMatchObject({ kind: 'count', sourceType: 'stock_count', sourceId: countId, value: { amountMinor: '-550' } });
    expect(operation.movements.map((m: { quantity: string }) => m.quantity).sort()).toEqual(['-1', '-2']);
    expect(await onHand(tea)).toBe('8');
    expect(await onHand(cup)).toBe('3');

    // Posting again (a retry, a second person) finds it posted and books nothing more.
    const again = await owner.post(`${base}/stock-counts/${countId}/post`, {}).expect(200);
    expect(again.body.operationId).toBe(posted.body.operationId);
    const countOps = (await owner.get(`${base}/stock/operations?kind=count`).expect(200)).body.items;
    expect(countOps).toHaveLength(1);
    // The shortfall is an expense: 5.50 debited to inventory adjustments, once.
    expect(BigInt(await ledgerBalance('inventory_adjustments')) - adjustmentsBefore).toBe(550n);
    const valuation = (await owner.get(`${base}/stock/valuation`).expect(200)).body;
    expect(valuation.total).toEqual(valuation.ledgerBalance);

    // A posted count keeps what it booked and refuses changes.
    expect(await lineOf(countId, 'CNT-TEA')).toMatchObject({ counted: '8', book: '10', adjustment: '-2', adjustmentValue: { amountMinor: '-400' } });
    await owner.patch(`${base}/stock-counts/${countId}/lines`, { lines: [{ lineId: teaLine.id, countedQuantity: '9' }] }).expect(409);
    await owner.post(`${base}/stock-counts/${countId}/cancel`).expect(409);
  });

  it('shows drift when stock moves during the count, and posts counted minus the books only once confirmed', async () => {
    const jam = await product('DRIFT-JAM');
    await adjust(main, [{ productId: jam, quantityChange: '10', unitCost: '3.00' }]).expect(201);
    const countId = (await owner.post(`${base}/stock-counts`, { locationId: main, productIds: [jam] }).expect(201)).body.id;
    const line = await lineOf(countId, 'DRIFT-JAM');
    // The counters find 7 on the shelf; meanwhile 2 jars are sold (written off here) before the count is posted.
    await owner.patch(`${base}/stock-counts/${countId}/lines`, { lines: [{ lineId: line.id, countedQuantity: '7' }] }).expect(200);
    await adjust(main, [{ productId: jam, quantityChange: '-2' }], 'sample').expect(201);

    const review = await lineOf(countId, 'DRIFT-JAM');
    expect(review).toMatchObject({ expected: '10', counted: '7', difference: '-3', book: '8', drift: '-2', adjustment: '-1' });
    expect((await lines(countId, '&filter=drift')).map((l) => l.id)).toEqual([line.id]);
    expect((await owner.get(`${base}/stock-counts/${countId}`).expect(200)).body.summary).toMatchObject({ drifted: 1, value: { amountMinor: '-300' } });

    const refused = await owner.post(`${base}/stock-counts/${countId}/post`, {}).expect(409);
    expect(refused.body.error).toMatchObject({ code: 'COUNT_DRIFT', fields: [expect.objectContaining({ field: `lines.${line.id}`, code: 'drift' })] });
    expect(await onHand(jam)).toBe('8');

    const posted = await owner.post(`${base}/stock-counts/${countId}/post`, { acceptDrift: true }).expect(200);
    expect(posted.body.status).toBe('posted');
    // Counted is the truth: 7 on hand, the count booked only the one jar the sale did not explain.
    expect(await onHand(jam)).toBe('7');
    expect(await lineOf(countId, 'DRIFT-JAM')).toMatchObject({ book: '8', drift: '-2', adjustment: '-1', adjustmentValue: { amountMinor: '-300' } });
  });

  it('counts a search or a list, adds scanned products, zeroes what was not found, and cancels', async () => {
    const a = await product('SUB-A');
    const b = await product('SUB-B');
    const other = await product('ELSE-1');
    await adjust(main, [
      { productId: a, quantityChange: '5', unitCost: '1.00' },
      { productId: b, quantityChange: '2', unitCost: '1.00' },
      { productId: other, quantityChange: '1', unitCost: '1.00' },
    ]).expect(201);

    const bad = await owner.post(`${base}/stock-counts`, { locationId: main, q: 'no-such-thing' }).expect(400);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ field: 'q', code: 'no_match' })]);
    const service = await product('SUB-SVC', { trackStock: false });
    const notStocked = await owner.post(`${base}/stock-counts`, { locationId: main, productIds: [service] }).expect(400);
    expect(notStocked.body.error.fields).toEqual([expect.objectContaining({ field: 'productIds', code: 'not_stocked' })]);

    const countId = (await owner.post(`${base}/stock-counts`, { locationId: main, q: 'SUB-' }).expect(201)).body.id;
    expect((await lines(countId)).map((l) => l.product.sku)).toEqual(['SUB-A', 'SUB-B']);
    const scanned = await owner.post(`${base}/stock-counts/${countId}/scan`, { code: 'ELSE-1', quantity: '2' }).expect(200);
    expect(scanned.body).toMatchObject({ added: true, line: { expected: '1', counted: '2', difference: '1' } });
    await owner.patch(`${base}/stock-counts/${countId}/lines`, { lines: [{ lineId: (await lineOf(countId, 'SUB-A')).id, countedQuantity: '5' }] }).expect(200);

    // SUB-B was looked for and not found: posting with uncounted = zero books it out.
    await owner.post(`${base}/stock-counts/${countId}/post`, { uncounted: 'zero' }).expect(200);
    expect([await onHand(a), await onHand(b), await onHand(other)]).toEqual(['5', '0', '2']);

    const cancelled = (await owner.post(`${base}/stock-counts`, { locationId: main, productIds: [a] }).expect(201)).body.id;
    const c = await owner.post(`${base}/stock-counts/${cancelled}/cancel`).expect(200);
    expect(c.body).toMatchObject({ status: 'cancelled' });
    await owner.post(`${base}/stock-counts/${cancelled}/post`, {}).expect(409);
    const list = (await owner.get(`${base}/stock-counts?status=cancelled`).expect(200)).body.items;
    expect(list.map((x: { id: string }) => x.id)).toEqual([cancelled]);

    const empty = (await owner.post(`${base}/stock-counts`, { locationId: main, productIds: [a] }).expect(201)).body.id;
    const nothing = await owner.post(`${base}/stock-counts/${empty}/post`, {}).expect(400);
    expect(nothing.body.error.fields).toEqual([expect.objectContaining({ field: 'lines', code: 'nothing_counted' })]);
  });

  it('lets staff count, and keeps other businesses out', async () => {
    const staff = await addMember(api, owner, businessId, 'staff');
    const p = await product('STAFF-1');
    const countId = (await staff.post(`${base}/stock-counts`, { locationId: main, productIds: [p] }).expect(201)).body.id;
    await staff.post(`${base}/stock-counts/${countId}/scan`, { code: 'STAFF-1' }).expect(200);

    const stranger = await signUp(api, 'Stranger');
    const theirs = await createBusiness(stranger, 'Other Shop');
    await stranger.get(`/api/businesses/${theirs}/stock-counts/${countId}`).expect(404);
    await stranger.get(`${base}/stock-counts/${countId}`).expect(404);
  });
});
