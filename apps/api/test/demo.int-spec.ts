import type { Principal } from '../src/modules/access/principal';
import { DemoBusinessBuilder } from '../src/cli/demo/demo';
import { buildPlans } from '../src/cli/demo/scenario';
import { Api, Session, signUp, sqlAs, startApi } from './harness';

/**
 * The quick start's demo is built through the app's services; this builds one of its businesses
 * (the smallest) and checks that the books it leaves behind hold together, so a change to any
 * service that would break the demo fails here rather than in someone's first five minutes.
 */
describe('demo business', () => {
  let api: Api;
  let owner: Session;

  beforeAll(async () => {
    api = await startApi();
    owner = await signUp(api, 'Demo Owner');
  });
  afterAll(() => api.close());

  it('replays two years of a business through the services, and the books agree with the documents', async () => {
    const today = '2026-11-30';
    const plan = buildPlans(today).find((p) => p.key === 'brightside')!;
    const principal = { userId: owner.user.id, email: owner.user.email, name: owner.user.name } as Principal;
    const built = await new DemoBusinessBuilder(api.app).build(principal, plan, today);
    expect(built.counts.invoices).toBeGreaterThan(200);
    expect(built.counts.payments).toBeGreaterThan(150);
    expect(built.counts.bills).toBeGreaterThan(30);

    const db = await sqlAs('postgres');
    try {
      const q = async (sql: string) => (await db.query(sql, [built.businessId])).rows;
      // Debits equal credits, and the control accounts equal the documents behind them.
      expect((await q(`SELECT coalesce(sum(base_amount_minor), 0)::text AS n FROM journal_lines WHERE business_id = $1`))[0].n).toBe('0');
      const account = async (key: string) =>
        (
          await q(`SELECT coalesce(sum(l.base_amount_minor), 0)::text AS n FROM journal_lines l
                     JOIN accounts a ON a.business_id = l.business_id AND a.id = l.account_id
                    WHERE l.business_id = $1 AND a.system_key = '${key}'`)
        )[0].n;
      const stock = (await q(`SELECT coalesce(sum(value_minor), 0)::text AS n FROM stock_levels WHERE business_id = $1`))[0].n;
      expect(await account('inventory')).toBe(stock);
      const open = (await q(`SELECT coalesce(sum(total_minor - paid_minor - credited_minor), 0)::text AS n FROM invoices
                              WHERE business_id = $1 AND status IN ('issued', 'partially_paid')`))[0].n;
      expect(await account('accounts_receivable')).toBe(open);
      // Every received line was billed, so nothing waits between receipt and bill.
      expect(await account('goods_received_not_invoiced')).toBe('0');
      // 24 months of sales, every month.
      const months = await q(`SELECT DISTINCT to_char(issue_date, 'YYYY-MM') AS m FROM invoices WHERE business_id = $1 AND status <> 'draft'`);
      expect(months.length).toBeGreaterThanOrEqual(24);
      // Nothing dated after "today".
      expect((await q(`SELECT count(*)::int AS n FROM journal_entries WHERE business_id = $1 AND entry_date > '${today}'`))[0].n).toBe(0);
    } finally {
      await db.end();
    }
  }, 180_000);
});
