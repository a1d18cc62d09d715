import fc from 'fast-check';
import { allocate, convert, money, type CurrencyCode } from '@keeper/money';
import { Db, type TenantTx } from '../src/db/db';
import type { SystemAccountKey } from '../src/modules/ledger/chart';
import { LedgerService, type PostingLine } from '../src/modules/ledger/ledger.service';
import { Api, Session, signUp, startApi } from './harness';

/**
 * Invariant of the journal (CONVENTIONS: "a journal always balances"): over random sequences of
 * multi-currency postings, repeated postings of the same event and reversals, through
 * LedgerService in businesses with different base currencies, after every step
 * - every entry has at least two lines and sums to zero per currency and in the base currency,
 * - the trial balance has equal debits and credits, and equals a model kept in this test.
 */

const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD'] as const;
const KEYS: SystemAccountKey[] = ['cash', 'bank', 'accounts_receivable', 'sales', 'rent', 'owner_equity', 'loans_payable', 'tax_payable'];

type Side = { key: SystemAccountKey; minor: bigint };
interface CurrencyPart {
  currency: CurrencyCode;
  rate: string;
  debits: Side[];
  creditKeys: SystemAccountKey[];
  creditRatios: number[];
}

const date = fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
// Base units per foreign unit, 0.0001 to 500.9999, as the decimal string a rate is stored as.
const rate = fc
  .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 9999 }))
  .filter(([units, fraction]) => units > 0 || fraction > 0)
  .map(([units, fraction]) => `${units}.${String(fraction).padStart(4, '0')}`);
const key = fc.constantFrom(...KEYS);
const part: fc.Arbitrary<CurrencyPart> = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  rate,
  debits: fc.array(fc.record({ key, minor: fc.bigInt(1n, 10n ** 9n) }), { minLength: 1, maxLength: 3 }),
  creditKeys: fc.array(key, { minLength: 1, maxLength: 3 }),
  creditRatios: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
});

type Step =
  | { kind: 'post'; date: string; parts: CurrencyPart[] }
  | { kind: 'repost'; pick: number }
  | { kind: 'reverse'; pick: number; days: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('post' as const), date, parts: fc.array(part, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repost' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(), days: fc.nat({ max: 40 }) }) },
);

/** Balanced lines: per currency, credits are the debits' total split by ratio; FX rounding goes to fx_gain_loss. */
function linesOf(parts: CurrencyPart[], base: CurrencyCode): PostingLine[] {
  const lines: PostingLine[] = [];
  for (const p of parts) {
    const value = (minor: bigint) => (p.currency === base ? minor : convert(money(minor, p.currency), p.rate, base, 'half-even').amountMinor);
    const total = p.debits.reduce((s, d) => s + d.minor, 0n);
    const credits = allocate(money(total, p.currency), p.creditRatios.slice(0, p.creditKeys.length));
    const partLines: PostingLine[] = [
      ...p.debits.map((d) => ({ account: { key: d.key }, amount: money(d.minor, p.currency), baseAmountMinor: value(d.minor) })),
      ...credits.map((c, i) => ({
        account: { key: p.creditKeys[i] },
        amount: money(-c.amountMinor, p.currency),
        baseAmountMinor: -value(c.amountMinor),
      })),
    ];
    const baseDiff = partLines.reduce((s, l) => s + l.baseAmountMinor, 0n);
    if (baseDiff !== 0n) {
      lines.push(...partLines, { account: { key: 'fx_gain_loss' }, amount: money(0n, p.currency), baseAmountMinor: -baseDiff });
    } else lines.push(...partLines);
  }
  return lines;
}

describe('journal invariants (property)', () => {
  let api: Api;
  let owner: Session;
  let db: Db;
  let ledger: LedgerService;

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Property Owner');
    db = api.app.get(Db);
    ledger = api.app.get(LedgerService);
  });
  afterAll(() => api.close());

  it('keeps every entry balanced and the trial balance at zero difference after every step', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<CurrencyCode>('USD', 'JPY', 'KWD'), fc.array(step, { minLength: 1, maxLength: 12 }), async (base, steps) => {
        const res = await owner.post('/api/businesses', { name: `Property ${++run}`, baseCurrency: base }).expect(201);
        const businessId: string = res.body.id;
        const tenant = <T>(fn: (t: TenantTx) => Promise<T>) => db.tenant(businessId, fn);
        const accountIds = new Map<string, SystemAccountKey>();
        for (const k of [...KEYS, 'fx_gain_loss' as const]) accountIds.set(await tenant((t) => ledger.accountIdByKey(t, k)), k);

        // The model: every posted line (account key, date, base amount), and the entries by event key.
        const model: { key: SystemAccountKey; date: string; base: bigint }[] = [];
        const posted: { id: string; eventKey: string; date: string; lines: PostingLine[]; reversed: boolean }[] = [];

        for (const [i, s] of steps.entries()) {
          if (s.kind === 'post') {
            const lines = linesOf(s.parts, base);
            const eventKey = `prop:${i}`;
            const id = await tenant((t) => ledger.post(t, { date: s.date, description: `step ${i}`, sourceType: 'manual', eventKey, lines }));
            posted.push({ id, eventKey, date: s.date, lines, reversed: false });
            for (const l of lines) if ('key' in l.account) model.push({ key: l.account.key, date: s.date, base: l.baseAmountMinor });
          } else if (s.kind === 'repost' && posted.length > 0) {
            const p = posted[s.pick % posted.length];
            const id = await tenant((t) =>
              ledger.post(t, { date: p.date, description: 'again', sourceType: 'manual', eventKey: p.eventKey, lines: p.lines }),
            );
            expect(id).toBe(p.id);
          } else if (s.kind === 'reverse' && posted.some((p) => !p.reversed)) {
            const open = posted.filter((p) => !p.reversed);
            const p = open[s.pick % open.length];
            const d = new Date(`${p.date}T00:00:00Z`);
            d.setUTCDate(d.getUTCDate() + s.days);
            const reversalDate = d.toISOString().slice(0, 10);
            await tenant((t) => ledger.reverse(t, p.id, { date: reversalDate, eventKey: `prop-rev:${p.id}`, description: 'reversal' }));
            p.reversed = true;
            for (const l of p.lines) if ('key' in l.account) model.push({ key: l.account.key, date: reversalDate, base: -l.baseAmountMinor });
          }

          // Every entry: at least two lines, zero per currency and in the base currency.
          const unbalanced = await tenant((t) =>
            t.query(
              `SELECT e.id FROM journal_entries e JOIN journal_lines l ON l.business_id = e.business_id AND l.entry_id = e.id
                WHERE e.business_id = $1 GROUP BY e.id HAVING count(*) < 2 OR sum(l.base_amount_minor) <> 0
               UNION ALL
               SELECT entry_id FROM journal_lines WHERE business_id = $1 GROUP BY entry_id, currency HAVING sum(amount_minor) <> 0`,
              [businessId],
            ),
          );
          expect(unbalanced).toEqual([]);

          // The trial balance (as of year end and as of a day inside the year) balances and matches the model.
          for (const asOf of ['2026-12-31', s.kind === 'post' ? s.date : '2025-06-30']) {
            const tb = await owner.get(`/api/businesses/${businessId}/reports/trial-balance?asOf=${asOf}`).expect(200);
            expect(tb.body.balanced).toBe(true);
            expect(tb.body.totalDebit).toEqual(tb.body.totalCredit);
            const expected = new Map<string, bigint>();
            for (const m of model) if (m.date <= asOf) expected.set(m.key, (expected.get(m.key) ?? 0n) + m.base);
            const actual = new Map<string, bigint>(
              tb.body.rows.map((r: { account: { id: string }; debit: { amountMinor: string }; credit: { amountMinor: string } }) => [
                accountIds.get(r.account.id),
                BigInt(r.debit.amountMinor) - BigInt(r.credit.amountMinor),
              ]),
            );
            expect(actual).toEqual(new Map([...expected].filter(([, v]) => v !== 0n)));
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
