import { money } from '@keeper/money';
import type { Client } from 'pg';
import { Db, type TenantTx } from '../src/db/db';
import { LedgerService } from '../src/modules/ledger/ledger.service';
import { addMember, Api, createBusiness, Session, signUp, sqlAs, startApi } from './harness';

/**
 * The journal: the database refuses unbalanced entries and any change to posted ones, whoever
 * writes the SQL; posting is idempotent per business event; reversal zeroes balances; manual
 * entries explain their mistakes line by line; only bookkeeping roles see or write the books.
 */
describe('ledger', () => {
  let api: Api;
  let owner: Session;
  let businessId: string;
  let db: Db;
  let ledger: LedgerService;
  let accounts: Record<string, { id: string; code: string; systemKey: string | null; balance: { amountMinor: string } }>;

  const url = (path: string) => `/api/businesses/${businessId}${path}`;
  const tenant = <T>(fn: (t: TenantTx) => Promise<T>) => db.tenant(businessId, fn);
  const loadAccounts = async () => {
    const res = await owner.get(url('/accounts?includeInactive=true')).expect(200);
    accounts = Object.fromEntries(res.body.items.map((a: { systemKey: string | null; code: string }) => [a.systemKey ?? a.code, a]));
    return res.body;
  };

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Ledger Owner');
    businessId = await createBusiness(owner, 'Ledger Co');
    db = api.app.get(Db);
    ledger = api.app.get(LedgerService);
    await loadAccounts();
  });
  afterAll(() => api.close());

  it('seeds the default chart when a business is created', async () => {
    const chart = await loadAccounts();
    expect(chart.currency).toBe('USD');
    for (const key of ['cash', 'bank', 'accounts_receivable', 'inventory', 'accounts_payable', 'tax_payable', 'loans_payable',
      'owner_equity', 'retained_earnings', 'sales', 'cost_of_goods_sold', 'fx_gain_loss', 'interest_income', 'interest_expense',
      'customer_credit', 'rent', 'salaries', 'bank_fees']) {
      expect({ key, found: key in accounts }).toEqual({ key, found: true });
    }
    expect(accounts.accounts_receivable).toMatchObject({ code: '1100', type: 'asset', isSystem: true, normalBalance: 'debit' });
    expect(accounts.sales).toMatchObject({ code: '4000', type: 'income', normalBalance: 'credit' });
    // Idempotent: seeding again adds nothing.
    await tenant((t) => ledger.ensureDefaultChart(t));
    expect((await loadAccounts()).items).toHaveLength(chart.items.length);
  });

  describe('in the database, whoever writes the SQL', () => {
    let app: Client;
    let owner_: Client;
    beforeAll(async () => {
      app = await sqlAs('keeper_app');
      owner_ = await sqlAs('keeper_owner');
    });
    afterAll(async () => {
      await app.end();
      await owner_.end();
    });

    /** Writes one entry in its own transaction as the runtime role; resolves to the entry id or rejects at COMMIT. */
    const rawEntry = async (key: string, lines: [string, string, number, number][]) => {
      await app.query('BEGIN');
      try {
        await app.query(`SELECT set_config('app.business_id', $1, true)`, [businessId]);
        const { rows } = await app.query(
          `INSERT INTO journal_entries (business_id, entry_date, description, source_type, event_key)
           VALUES ($1, '2025-01-15', 'raw', 'manual', $2) RETURNING id`,
          [businessId, key],
        );
        let n = 0;
        for (const [account, currency, amount, base] of lines) {
          await app.query(
            `INSERT INTO journal_lines (business_id, entry_id, line_no, account_id, currency, amount_minor, base_amount_minor)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [businessId, rows[0].id, ++n, accounts[account].id, currency, amount, base],
          );
        }
        await app.query('COMMIT');
        return rows[0].id as string;
      } catch (e) {
        await app.query('ROLLBACK');
        throw e;
      }
    };

    it('accepts a balanced entry, including an FX difference line of amount 0', async () => {
      const id = await rawEntry(`raw-ok-${Date.now()}`, [
        ['bank', 'EUR', 10000, 10500],
        ['sales', 'EUR', -10000, -11000],
        ['fx_gain_loss', 'EUR', 0, 500],
      ]);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it.each([
      ['unbalanced in its currency', [['cash', 'USD', 10000, 10000], ['sales', 'USD', -9000, -9000]], /does not balance/],
      ['balanced in value but not per currency', [['bank', 'EUR', 10000, 11000], ['cash', 'USD', -11000, -11000]], /does not balance in EUR/],
      ['unbalanced in the base currency', [['bank', 'EUR', 10000, 11000], ['sales', 'EUR', -10000, -10000]], /base currency/],
      ['of one line', [['cash', 'USD', 100, 100]], /has 1 line\(s\); an entry needs at least two/],
      ['of no lines', [], /needs at least two/],
      ['with a base-currency line valued differently', [['cash', 'USD', 100, 101], ['sales', 'USD', -100, -101]], /base-currency line/],
    ] as [string, [string, string, number, number][], RegExp][])('refuses at commit an entry %s', async (_label, lines, error) => {
      await expect(rawEntry(`raw-bad-${Math.random()}`, lines)).rejects.toThrow(error);
    });

    it('refuses a line added later to a committed entry', async () => {
      const id = await rawEntry(`raw-later-${Date.now()}`, [
        ['cash', 'USD', 500, 500],
        ['sales', 'USD', -500, -500],
      ]);
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.business_id', $1, true)`, [businessId]);
      await app.query(
        `INSERT INTO journal_lines (business_id, entry_id, line_no, account_id, currency, amount_minor, base_amount_minor)
         VALUES ($1, $2, 3, $3, 'USD', 100, 100)`,
        [businessId, id, accounts.cash.id],
      );
      await expect(app.query('COMMIT')).rejects.toThrow(/does not balance/);
    });

    it('refuses UPDATE and DELETE of entries and lines, for the runtime role and the schema owner alike', async () => {
      await rawEntry(`raw-frozen-${Date.now()}`, [
        ['cash', 'USD', 700, 700],
        ['sales', 'USD', -700, -700],
      ]);
      for (const [client, error] of [
        [app, /permission denied/],
        [owner_, /append-only/],
      ] as [Client, RegExp][]) {
        for (const sql of [
          `UPDATE journal_lines SET amount_minor = amount_minor * 2 WHERE business_id = $1`,
          `DELETE FROM journal_lines WHERE business_id = $1`,
          `UPDATE journal_entries SET description = 'changed' WHERE business_id = $1`,
          `DELETE FROM journal_entries WHERE business_id = $1`,
        ]) {
          await client.query('BEGIN');
          await client.query(`SELECT set_config('app.business_id', $1, true)`, [businessId]);
          await expect(client.query(sql, [businessId])).rejects.toThrow(error);
          await client.query('ROLLBACK');
        }
        await expect(client.query(`TRUNCATE journal_lines`)).rejects.toThrow(client === app ? /permission denied/ : /append-only/);
      }
    });

    it('refuses to change the identity of an account or to drop a system account', async () => {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.business_id', $1, true)`, [businessId]);
      await expect(app.query(`UPDATE accounts SET type = 'income' WHERE id = $1`, [accounts.cash.id])).rejects.toThrow(
        /cannot change its code, type or key/,
      );
      await app.query('ROLLBACK');
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.business_id', $1, true)`, [businessId]);
      await expect(app.query(`DELETE FROM accounts WHERE id = $1`, [accounts.cash.id])).rejects.toThrow(/cannot be deleted/);
      await app.query('ROLLBACK');
    });
  });

  describe('LedgerService', () => {
    const sale = (eventKey: string, minor: bigint) => ({
      date: '2025-02-01',
      description: 'Cash sale',
      sourceType: 'manual',
      eventKey,
      lines: [
        { account: { key: 'cash' as const }, amount: money(minor, 'USD'), baseAmountMinor: minor },
        { account: { key: 'sales' as const }, amount: money(-minor, 'USD'), baseAmountMinor: -minor },
      ],
    });

    it('posts one entry per event key, however often the event is posted', async () => {
      const key = `sale-${Date.now()}`;
      const first = await tenant((t) => ledger.post(t, sale(key, 1234n)));
      const again = await tenant((t) => ledger.post(t, sale(key, 1234n)));
      const concurrent = await Promise.all([1, 2, 3].map(() => tenant((t) => ledger.post(t, sale(key, 1234n)))));
      expect(new Set([first, again, ...concurrent])).toEqual(new Set([first]));
      const rows = await tenant((t) =>
        t.query(`SELECT count(*)::int AS n FROM journal_entries WHERE business_id = $1 AND event_key = $2`, [businessId, key]),
      );
      expect(rows[0].n).toBe(1);
    });

    it('numbers entries consecutively without gaps under concurrency', async () => {
      const ids = await Promise.all(
        Array.from({ length: 10 }, (_, i) => tenant((t) => ledger.post(t, sale(`seq-${Date.now()}-${i}`, 100n)))),
      );
      const numbers = (
        await tenant((t) =>
          t.query<{ n: string }>(`SELECT entry_number::text AS n FROM journal_entries WHERE business_id = $1 ORDER BY 1`, [businessId]),
        )
      ).map((r) => Number(r.n)).sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      expect(new Set(ids).size).toBe(10);
    });

    it('refuses an unbalanced posting with a clear error before the database has to', async () => {
      const bad = sale(`bad-${Date.now()}`, 500n);
      bad.lines[1].amount = money(-400n, 'USD');
      bad.lines[1].baseAmountMinor = -400n;
      await expect(tenant((t) => ledger.post(t, bad))).rejects.toMatchObject({
        code: 'UNBALANCED_ENTRY',
        message: expect.stringContaining('debits (5.00) and credits (4.00) in USD differ by 1.00'),
      });
    });

    it('reverses an entry so every balance returns to where it was, once', async () => {
      const before = await owner.get(url('/reports/trial-balance?asOf=2025-12-31')).expect(200);
      const id = await tenant((t) =>
        ledger.post(t, {
          date: '2025-03-01',
          description: 'Foreign sale',
          sourceType: 'invoice',
          eventKey: `inv-${Date.now()}`,
          lines: [
            { account: { key: 'accounts_receivable' }, amount: money(10000n, 'EUR'), baseAmountMinor: 10850n },
            { account: { key: 'sales' }, amount: money(-10000n, 'EUR'), baseAmountMinor: -10850n },
          ],
        }),
      );
      const reversal = { date: '2025-03-02', eventKey: `void-${id}`, description: 'Void', sourceType: 'void' };
      const reversalId = await tenant((t) => ledger.reverse(t, id, reversal));
      expect(await tenant((t) => ledger.reverse(t, id, reversal))).toBe(reversalId);
      await expect(tenant((t) => ledger.reverse(t, id, { ...reversal, eventKey: 'another' }))).rejects.toMatchObject({
        code: 'ALREADY_REVERSED',
      });
      await expect(tenant((t) => ledger.reverse(t, id, { ...reversal, date: '2025-02-28', eventKey: 'early' }))).rejects.toMatchObject({
        code: 'ALREADY_REVERSED',
      });
      const after = await owner.get(url('/reports/trial-balance?asOf=2025-12-31')).expect(200);
      expect(after.body.rows).toEqual(before.body.rows);
      const entry = await owner.get(url(`/journal-entries/${reversalId}`)).expect(200);
      expect(entry.body).toMatchObject({ reversesEntryId: id, sourceType: 'void' });
      expect(entry.body.lines.map((l: { amount: unknown }) => l.amount)).toEqual([
        { amountMinor: '-10000', currency: 'EUR' },
        { amountMinor: '10000', currency: 'EUR' },
      ]);
      const original = await owner.get(url(`/journal-entries/${id}`)).expect(200);
      expect(original.body.reversedByEntryId).toBe(reversalId);
    });
  });

  describe('over HTTP', () => {
    let accountant: Session;
    let staff: Session;
    beforeAll(async () => {
      accountant = await addMember(api, owner, businessId, 'accountant');
      staff = await addMember(api, owner, businessId, 'staff');
    });

    const line = (accountId: string, side: 'debit' | 'credit', amount: string, extra: object = {}) => ({
      accountId,
      side,
      amount,
      ...extra,
    });

    it('posts a manual multi-currency entry by an accountant, audited', async () => {
      const res = await accountant
        .post(url('/journal-entries'), {
          date: '2025-04-01',
          description: 'Owner invested euros',
          lines: [
            line(accounts.bank.id, 'debit', '1000.00', { currency: 'EUR', exchangeRate: '1.0825' }),
            line(accounts.owner_equity.id, 'credit', '1000.00', { currency: 'eur', baseAmount: '1082.50' }),
          ],
        })
        .expect(201);
      expect(res.body).toMatchObject({
        sourceType: 'manual',
        entryDate: '2025-04-01',
        postedBy: { id: accountant.user.id },
        totalDebit: { amountMinor: '108250', currency: 'USD' },
        totalCredit: { amountMinor: '108250', currency: 'USD' },
      });
      expect(res.body.lines[0]).toMatchObject({
        side: 'debit',
        amount: { amountMinor: '100000', currency: 'EUR' },
        baseAmount: { amountMinor: '108250', currency: 'USD' },
        amountDecimal: '1000.00',
        account: { code: '1010' },
      });
      const log = await owner.get(url('/audit-events?limit=100')).expect(200);
      expect(log.body.items.map((e: { action: string }) => e.action)).toContain('journal.manual_posted');
    });

    it('names the line and field of each mistake in a manual entry', async () => {
      const res = await accountant
        .post(url('/journal-entries'), {
          date: '2025-02-30',
          description: '',
          lines: [line(accounts.cash.id, 'debit', '10.00'), line(accounts.sales.id, 'sideways' as 'debit', '-5')],
        })
        .expect(400);
      expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(
        expect.arrayContaining(['date', 'description', 'lines.1.side', 'lines.1.amount']),
      );

      const semantic = await accountant
        .post(url('/journal-entries'), {
          date: '2025-02-01',
          description: 'Mistakes',
          lines: [
            line(accounts.cash.id, 'debit', '10.001'),
            line(accounts.sales.id, 'credit', '10.00', { currency: 'EUR' }),
            line(accounts.accounts_receivable.id, 'credit', '1.00'),
            line('00000000-0000-4000-8000-000000000000', 'credit', '1.00'),
          ],
        })
        .expect(400);
      expect(semantic.body.error.code).toBe('VALIDATION_FAILED');
      expect(semantic.body.error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`)).toEqual([
        'lines.0.amount:too_precise',
        'lines.1.exchangeRate:required',
        'lines.2.accountId:control_account',
        'lines.3.accountId:not_found',
      ]);

      const unbalanced = await accountant
        .post(url('/journal-entries'), {
          date: '2025-02-01',
          description: 'Unbalanced',
          lines: [line(accounts.cash.id, 'debit', '10.00'), line(accounts.sales.id, 'credit', '9.99')],
        })
        .expect(400);
      expect(unbalanced.body.error.fields).toEqual([
        { field: 'lines', code: 'unbalanced', message: 'debits (10.00) and credits (9.99) in USD differ by 0.01' },
        expect.objectContaining({ field: 'lines', code: 'unbalanced' }),
      ]);

      const one = await accountant
        .post(url('/journal-entries'), { date: '2025-02-01', description: 'One', lines: [line(accounts.cash.id, 'debit', '1')] })
        .expect(400);
      expect(one.body.error.fields).toEqual([{ field: 'lines', code: 'array_min_size', message: 'must have at least 2 lines' }]);
    });

    it('reverses a manual entry once, and refuses to reverse an entry posted by a document', async () => {
      const posted = await accountant
        .post(url('/journal-entries'), {
          date: '2025-05-01',
          description: 'Rent paid',
          lines: [line(accounts.rent.id, 'debit', '800.00'), line(accounts.bank.id, 'credit', '800.00')],
        })
        .expect(201);
      const early = await accountant.post(url(`/journal-entries/${posted.body.id}/reverse`), { date: '2025-04-30' }).expect(400);
      expect(early.body.error.fields[0].field).toBe('date');
      const reversal = await accountant
        .post(url(`/journal-entries/${posted.body.id}/reverse`), { date: '2025-05-02', description: 'Wrong month' })
        .expect(201);
      expect(reversal.body).toMatchObject({ reversesEntryId: posted.body.id, sourceType: 'reversal', entryDate: '2025-05-02' });
      const again = await accountant.post(url(`/journal-entries/${posted.body.id}/reverse`), {}).expect(409);
      expect(again.body.error.code).toBe('ALREADY_REVERSED');

      const invoiceEntry = await tenant((t) =>
        ledger.post(t, {
          date: '2025-05-03',
          description: 'Invoice',
          sourceType: 'invoice',
          eventKey: `http-inv-${Date.now()}`,
          lines: [
            { account: { key: 'accounts_receivable' }, amount: money(100n, 'USD'), baseAmountMinor: 100n },
            { account: { key: 'sales' }, amount: money(-100n, 'USD'), baseAmountMinor: -100n },
          ],
        }),
      );
      const refused = await accountant.post(url(`/journal-entries/${invoiceEntry}/reverse`), {}).expect(409);
      expect(refused.body.error.code).toBe('ENTRY_NOT_REVERSIBLE');

      const gl = await accountant.get(url(`/ledger/accounts/${accounts.rent.id}?from=2025-05-01&to=2025-05-31`)).expect(200);
      expect(gl.body.items.map((l: { debit: string | null; credit: string | null; runningBalanceDecimal: string }) => [l.debit, l.credit, l.runningBalanceDecimal])).toEqual([
        ['800.00', null, '800.00'],
        [null, '800.00', '0.00'],
      ]);
      expect(gl.body.closingBalance).toEqual(gl.body.openingBalance);
    });

    it('lists the journal newest first with filters and cursor pages', async () => {
      const all: { entryDate: string; entryNumber: number }[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: typeof all; nextCursor: string | null } } = await accountant
          .get(url(`/journal-entries?limit=3${cursor ? `&cursor=${cursor}` : ''}`))
          .expect(200);
        all.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      const sorted = [...all].sort((a, b) => b.entryDate.localeCompare(a.entryDate) || b.entryNumber - a.entryNumber);
      expect(all).toEqual(sorted);
      expect(new Set(all.map((e) => e.entryNumber)).size).toBe(all.length);

      const manual = await accountant.get(url('/journal-entries?sourceType=manual&from=2025-04-01&to=2025-04-30')).expect(200);
      expect(manual.body.items.length).toBeGreaterThan(0);
      for (const e of manual.body.items) {
        expect(e.sourceType).toBe('manual');
        expect(e.entryDate >= '2025-04-01' && e.entryDate <= '2025-04-30').toBe(true);
      }
      await accountant.get(url('/journal-entries?cursor=forged')).expect(400);
    });

    it('gives a general ledger whose running balance continues from the opening balance across pages', async () => {
      const full = await owner.get(url(`/ledger/accounts/${accounts.cash.id}?from=2025-01-01&to=2025-12-31&limit=500`)).expect(200);
      const later = await owner.get(url(`/ledger/accounts/${accounts.cash.id}?from=2025-02-01&to=2025-12-31&limit=2`)).expect(200);
      const firstOfLater = full.body.items.findIndex((l: { entryDate: string }) => l.entryDate >= '2025-02-01');
      expect(later.body.items[0].runningBalance).toEqual(full.body.items[firstOfLater].runningBalance);
      const page2 = await owner
        .get(url(`/ledger/accounts/${accounts.cash.id}?from=2025-02-01&to=2025-12-31&limit=2&cursor=${later.body.nextCursor}`))
        .expect(200);
      expect(page2.body.items[0].runningBalance).toEqual(full.body.items[firstOfLater + 2].runningBalance);
      expect(full.body.closingBalance).toEqual(full.body.items[full.body.items.length - 1].runningBalance);
      const chart = await owner.get(url('/accounts?asOf=2025-12-31')).expect(200);
      const cash = chart.body.items.find((a: { systemKey: string }) => a.systemKey === 'cash');
      expect(cash.balance).toEqual(full.body.closingBalance);
    });

    it('states a trial balance whose debits equal its credits', async () => {
      const res = await accountant.get(url('/reports/trial-balance?asOf=2025-12-31')).expect(200);
      expect(res.body.balanced).toBe(true);
      expect(res.body.totalDebit).toEqual(res.body.totalCredit);
      expect(BigInt(res.body.totalDebit.amountMinor)).toBeGreaterThan(0n);
      let debit = 0n;
      let credit = 0n;
      for (const r of res.body.rows) {
        debit += BigInt(r.debit.amountMinor);
        credit += BigInt(r.credit.amountMinor);
        expect(r.debit.amountMinor === '0' || r.credit.amountMinor === '0').toBe(true);
      }
      expect(debit).toBe(BigInt(res.body.totalDebit.amountMinor));
      expect(credit).toBe(debit);
      // Before any entry, the trial balance is empty.
      const early = await accountant.get(url('/reports/trial-balance?asOf=2000-01-01')).expect(200);
      expect(early.body).toMatchObject({ rows: [], totalDebitDecimal: '0.00', balanced: true });
    });

    it('lets an accountant add, rename and deactivate custom accounts but not system accounts', async () => {
      const created = await accountant
        .post(url('/accounts'), { code: '6950', name: 'Software subscriptions', type: 'expense', subtype: 'operating_expense' })
        .expect(201);
      expect(created.body).toMatchObject({ isSystem: false, systemKey: null, isActive: true, normalBalance: 'debit' });
      const taken = await accountant
        .post(url('/accounts'), { code: '6950', name: 'Duplicate', type: 'expense', subtype: 'operating_expense' })
        .expect(409);
      expect(taken.body.error.code).toBe('ACCOUNT_CODE_TAKEN');
      const mismatched = await accountant
        .post(url('/accounts'), { code: '6951', name: 'Odd', type: 'expense', subtype: 'bank' })
        .expect(400);
      expect(mismatched.body.error.fields[0].field).toBe('subtype');

      await accountant.patch(url(`/accounts/${created.body.id}`), { name: 'Software' }).expect(200);
      await accountant
        .post(url('/journal-entries'), {
          date: '2025-06-01',
          description: 'Subscription',
          lines: [line(created.body.id, 'debit', '20.00'), line(accounts.bank.id, 'credit', '20.00')],
        })
        .expect(201);
      const busy = await accountant.patch(url(`/accounts/${created.body.id}`), { isActive: false }).expect(409);
      expect(busy.body.error.code).toBe('ACCOUNT_HAS_BALANCE');

      const empty = await accountant
        .post(url('/accounts'), { code: '6960', name: 'Unused', type: 'expense', subtype: 'operating_expense' })
        .expect(201);
      const off = await accountant.patch(url(`/accounts/${empty.body.id}`), { isActive: false }).expect(200);
      expect(off.body.isActive).toBe(false);
      const inactive = await accountant
        .post(url('/journal-entries'), {
          date: '2025-06-01',
          description: 'To an inactive account',
          lines: [line(empty.body.id, 'debit', '1.00'), line(accounts.bank.id, 'credit', '1.00')],
        })
        .expect(400);
      expect(inactive.body.error.fields).toEqual([expect.objectContaining({ field: 'lines.0.accountId', code: 'inactive' })]);
      const listed = await accountant.get(url('/accounts?type=expense')).expect(200);
      expect(listed.body.items.every((a: { type: string; isActive: boolean }) => a.type === 'expense' && a.isActive)).toBe(true);

      const system = await accountant.patch(url(`/accounts/${accounts.cash.id}`), { name: 'Petty cash' }).expect(409);
      expect(system.body.error.code).toBe('SYSTEM_ACCOUNT');
    });

    it('keeps staff out of the books', async () => {
      const attempts = [
        staff.get(url('/accounts')),
        staff.post(url('/accounts'), { code: '9999', name: 'X', type: 'asset', subtype: 'other_asset' }),
        staff.patch(url(`/accounts/${accounts.cash.id}`), { name: 'X' }),
        staff.get(url('/journal-entries')),
        staff.get(url(`/journal-entries/00000000-0000-4000-8000-000000000000`)),
        staff.post(url('/journal-entries'), { date: '2025-01-01', description: 'x', lines: [] }),
        staff.post(url(`/journal-entries/00000000-0000-4000-8000-000000000000/reverse`), {}),
        staff.get(url(`/ledger/accounts/${accounts.cash.id}`)),
        staff.get(url('/reports/trial-balance')),
      ];
      for (const [attempt, res] of (await Promise.all(attempts)).entries()) {
        expect({ attempt, status: res.status, code: res.body.error?.code }).toEqual({ attempt, status: 403, code: 'FORBIDDEN' });
      }
    });
  });
});
