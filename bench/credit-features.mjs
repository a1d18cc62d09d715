// Credit features benchmark (a benchmark, not a test: it prints figures and asserts nothing).
//
// Builds a scratch database with one business that has 24 months of books: 100,000 issued invoices
// with 500,000 lines, their journal entries, payments for most of them, and monthly rent and wages
// (about 270,000 journal entries and 640,000 journal lines). The fixture is written in bulk SQL by
// the superuser with triggers off (session_replication_role = replica): it is built balanced, and
// checking it row by row would only slow the set-up. Then, as the runtime role with RLS on, through
// the API's own compiled CreditProfileService, it times:
//   - the first computation, which builds the per-day facts from every journal line,
//   - a computation after one invoice dated today (the usual recompute: one day rebuilt),
//   - a computation after one invoice back-dated by 400 days,
//   - a computation with nothing new,
// next to one aggregate scan of the same invoice lines (SELECT sum(net_minor) FROM invoice_lines)
// and of the journal lines.
//
//   pnpm --filter @keeper/credit-model --filter @keeper/api run build   (the bench loads apps/api/dist)
//   node bench/credit-features.mjs [--invoices 100000] [--lines 5] [--runs 5] [--keep]
//   env: DATABASE_ADMIN_URL (superuser, default postgres://postgres@127.0.0.1:5432/postgres),
//        BENCH_DB (scratch database, default keeper_bench_credit; dropped and created again)
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = (p) => require(path.join(root, 'apps/api/dist', p));

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]?.startsWith('--') ? 'true' : (all[i + 1] ?? 'true')]] : acc), []),
);
const INVOICES = Number(args.invoices ?? 100_000);
const LINES = Number(args.lines ?? 5);
const RUNS = Number(args.runs ?? 5);
const CUSTOMERS = 2_000;
const ADMIN_URL = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = process.env.BENCH_DB ?? 'keeper_bench_credit';
if (!/^[a-z_][a-z0-9_]*$/.test(DB)) throw new Error(`BENCH_DB must be a plain lower-case name, not ${DB}`);
const urlFor = (role) => `postgres://${role}@127.0.0.1:5432/${DB}`;
const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: urlFor('keeper_app'), MIGRATION_DATABASE_URL: urlFor('keeper_owner'), DATABASE_ADMIN_URL: ADMIN_URL, LOG_LEVEL: 'silent' };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const timed = async (fn) => {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
};

async function buildFixture(sql) {
  await sql.query(`SET session_replication_role = replica; SELECT setseed(0.42);`);
  const [{ user_id: userId }] = (await sql.query(`INSERT INTO users (email, name, password_hash) VALUES ('bench@example.test', 'Bench', 'x') RETURNING id AS user_id`)).rows;
  const [{ id: business }] = (await sql.query(`INSERT INTO businesses (id, name, base_currency, timezone, created_by) VALUES (gen_random_uuid(), 'Bench Trading', 'USD', 'UTC', $1) RETURNING id`, [userId])).rows;
  await sql.query(`SELECT ensure_default_chart($1)`, [business]);
  const [{ id: series }] = (await sql.query(`INSERT INTO document_series (business_id, kind, name, prefix, is_default) VALUES ($1, 'invoice', 'Invoices', 'INV-', true) RETURNING id`, [business])).rows;
  await sql.query(
    `INSERT INTO contacts (business_id, kind, name, currency, payment_terms_days)
     SELECT $1, 'customer', 'Customer ' || c, 'USD', 30 FROM generate_series(1, $2) c`,
    [business, CUSTOMERS],
  );
  const account = async (key) => (await sql.query(`SELECT id FROM accounts WHERE business_id = $1 AND system_key = $2`, [business, key])).rows[0].id;
  const ids = [];
  for (const key of ['accounts_receivable', 'sales', 'tax_payable', 'bank', 'customer_credit', 'rent', 'salaries', 'owner_equity']) ids.push(await account(key));
  const [ar, sales, tax, bank, credit, rent, wages, equity] = ids;

  // The invoices: issue dates spread over 24 months up to today; a few large customers buy more.
  await sql.query(`
    CREATE TEMP TABLE bench_contacts AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM contacts WHERE business_id = '${business}';
    CREATE TEMP TABLE bench_lines AS
      SELECT i, ln, 1 + floor(random() * 5)::int AS qty, 500 + floor(random() * 19500)::bigint AS price
        FROM generate_series(1, ${INVOICES}) i, generate_series(1, ${LINES}) ln;
    CREATE TEMP TABLE bench_invoices AS
      SELECT sub.i, gen_random_uuid() AS id, gen_random_uuid() AS entry_id, sub.subtotal, round(sub.subtotal * 0.1)::bigint AS tax,
             current_date - (729 - floor((sub.i - 1)::numeric * 730 / ${INVOICES}))::int AS issue_date, c.id AS contact_id
        FROM (SELECT i, sum(qty * price) AS subtotal, 1 + floor(power(random(), 2) * ${CUSTOMERS})::int AS customer
                FROM bench_lines GROUP BY i) sub
        JOIN bench_contacts c ON c.n = sub.customer;
    ALTER TABLE bench_invoices ADD COLUMN paid boolean, ADD COLUMN pay_date date, ADD COLUMN receipt_id uuid, ADD COLUMN allocation_id uuid, ADD COLUMN payment_id uuid;
    UPDATE bench_invoices SET paid = issue_date < current_date - 45 AND random() < 0.92;
    UPDATE bench_invoices SET pay_date = least(current_date, issue_date + 10 + floor(random() * 45)::int),
                              receipt_id = gen_random_uuid(), allocation_id = gen_random_uuid(), payment_id = gen_random_uuid()
     WHERE paid;
  `);
  await sql.query(
    `INSERT INTO invoices (business_id, id, series_id, number, status, contact_id, currency, exchange_rate, issue_date, due_date,
                           prices_include_tax, tax_rounding, subtotal_minor, tax_minor, total_minor, paid_minor, journal_entry_id, issued_at, created_at)
     SELECT $1, id, $2, 'INV-' || lpad(i::text, 6, '0'), CASE WHEN paid THEN 'paid' ELSE 'issued' END, contact_id, 'USD', 1,
            issue_date, issue_date + 30, false, 'line', subtotal, tax, subtotal + tax, CASE WHEN paid THEN subtotal + tax ELSE 0 END,
            entry_id, issue_date + time '10:00', issue_date + time '10:00'
       FROM bench_invoices`,
    [business, series],
  );
  await sql.query(
    `INSERT INTO invoice_lines (business_id, invoice_id, line_no, description, quantity, unit_price_minor, tax_rate_percent,
                                discount_minor, net_minor, tax_minor, total_minor)
     SELECT $1, v.id, l.ln, 'Item ' || l.ln, l.qty, l.price, 10, 0, l.qty * l.price, round(l.qty * l.price * 0.1), l.qty * l.price + round(l.qty * l.price * 0.1)
       FROM bench_lines l JOIN bench_invoices v ON v.i = l.i`,
    [business],
  );

  // The journal: each invoice's issue; for paid ones the receipt and its allocation; monthly rent and wages.
  await sql.query(`
    CREATE TEMP TABLE bench_entries AS
      SELECT entry_id AS id, issue_date AS day, 'invoice' AS source_type, id AS source_id, 'invoice:' || id || ':issue' AS event_key
        FROM bench_invoices
      UNION ALL SELECT receipt_id, pay_date, 'payment', payment_id, 'payment:' || payment_id || ':receipt' FROM bench_invoices WHERE paid
      UNION ALL SELECT allocation_id, pay_date, 'payment', payment_id, 'payment:' || payment_id || ':allocation:' || id FROM bench_invoices WHERE paid
      UNION ALL SELECT gen_random_uuid(), (date_trunc('month', current_date) - make_interval(months => m))::date, 'manual', NULL, 'bench:cost:' || m || ':' || k
        FROM generate_series(0, 23) m, generate_series(1, 2) k
      UNION ALL SELECT gen_random_uuid(), current_date - 730, 'manual', NULL, 'bench:equity';
  `);
  await sql.query(
    `INSERT INTO journal_entries (business_id, id, entry_number, entry_date, description, source_type, source_id, event_key, created_at)
     SELECT $1, id, row_number() OVER (ORDER BY day, event_key), day, source_type, source_type, source_id, event_key, day + time '18:00'
       FROM bench_entries`,
    [business],
  );
  await sql.query(
    `INSERT INTO journal_lines (business_id, entry_id, line_no, account_id, currency, amount_minor, base_amount_minor, contact_id)
     SELECT $1, x.entry_id, x.line_no, x.account_id, 'USD', x.amount, x.amount, x.contact_id FROM (
       SELECT entry_id, 1 AS line_no, $2::uuid AS account_id, subtotal + tax AS amount, contact_id FROM bench_invoices
       UNION ALL SELECT entry_id, 2, $3::uuid, -subtotal, NULL FROM bench_invoices
       UNION ALL SELECT entry_id, 3, $4::uuid, -tax, NULL FROM bench_invoices
       UNION ALL SELECT receipt_id, 1, $5::uuid, subtotal + tax, NULL FROM bench_invoices WHERE paid
       UNION ALL SELECT receipt_id, 2, $6::uuid, -(subtotal + tax), contact_id FROM bench_invoices WHERE paid
       UNION ALL SELECT allocation_id, 1, $6::uuid, subtotal + tax, contact_id FROM bench_invoices WHERE paid
       UNION ALL SELECT allocation_id, 2, $2::uuid, -(subtotal + tax), contact_id FROM bench_invoices WHERE paid
     ) x`,
    [business, ar, sales, tax, bank, credit],
  );
  await sql.query(
    `INSERT INTO journal_lines (business_id, entry_id, line_no, account_id, currency, amount_minor, base_amount_minor)
     SELECT $1, e.id, n.line_no, CASE WHEN e.event_key = 'bench:equity' THEN CASE n.line_no WHEN 1 THEN $2::uuid ELSE $5::uuid END
                                      WHEN n.line_no = 2 THEN $2::uuid WHEN e.event_key LIKE '%:1' THEN $3::uuid ELSE $4::uuid END,
            'USD', a.amount * CASE n.line_no WHEN 1 THEN 1 ELSE -1 END * CASE WHEN e.event_key = 'bench:equity' THEN 1 ELSE -1 END,
            a.amount * CASE n.line_no WHEN 1 THEN 1 ELSE -1 END * CASE WHEN e.event_key = 'bench:equity' THEN 1 ELSE -1 END
       FROM bench_entries e
       CROSS JOIN (VALUES (1), (2)) n(line_no)
       CROSS JOIN LATERAL (SELECT CASE WHEN e.event_key = 'bench:equity' THEN 5000000000::bigint ELSE 2500000::bigint END AS amount) a
      WHERE e.source_type = 'manual'`,
    [business, bank, rent, wages, equity],
  );
  for (const statement of [
    `INSERT INTO payments (business_id, id, contact_id, method, payment_date, currency, exchange_rate, deposit_account, amount_minor, applied_minor, journal_entry_id)
     SELECT $1, payment_id, contact_id, 'bank_transfer', pay_date, 'USD', 1, 'bank', subtotal + tax, subtotal + tax, receipt_id FROM bench_invoices WHERE paid`,
    `INSERT INTO payment_allocations (business_id, id, payment_id, invoice_id, allocation_date, amount_minor, journal_entry_id)
     SELECT $1, gen_random_uuid(), payment_id, id, pay_date, subtotal + tax, allocation_id FROM bench_invoices WHERE paid`,
  ]) {
    await sql.query(statement, [business]);
  }
  await sql.query(`SET session_replication_role = origin`);
  const [counts] = (
    await sql.query(
      `SELECT (SELECT count(*) FROM invoices WHERE business_id = $1)::int AS invoices,
              (SELECT count(*) FROM invoice_lines WHERE business_id = $1)::int AS lines,
              (SELECT count(*) FROM journal_entries WHERE business_id = $1)::int AS entries,
              (SELECT count(*) FROM journal_lines WHERE business_id = $1)::int AS journal_lines,
              (SELECT sum(base_amount_minor) FROM journal_lines WHERE business_id = $1)::text AS balance`,
      [business],
    )
  ).rows;
  if (counts.balance !== '0') throw new Error(`the fixture's journal does not balance (${counts.balance})`);
  await sql.query('VACUUM ANALYZE');
  return { business, ar, sales, tax, counts };
}

/** One more issued invoice, dated `daysAgo` days back, with its journal entry (written as the ledger would). */
async function addInvoice(sql, f, daysAgo) {
  await sql.query(`SET session_replication_role = replica`);
  await sql.query(
    `WITH v AS (
       INSERT INTO invoices (business_id, id, series_id, number, status, contact_id, currency, exchange_rate, issue_date, due_date,
                             prices_include_tax, tax_rounding, subtotal_minor, tax_minor, total_minor, journal_entry_id)
       SELECT $1, gen_random_uuid(), series_id, 'X-' || gen_random_uuid(), 'issued', contact_id, 'USD', 1, current_date - $5::int,
              current_date - $5::int + 30, false, 'line', 10000, 1000, 11000, gen_random_uuid()
         FROM invoices WHERE business_id = $1 LIMIT 1
       RETURNING id, contact_id, issue_date, journal_entry_id
     ), e AS (
       INSERT INTO journal_entries (business_id, id, entry_number, entry_date, description, source_type, source_id, event_key)
       SELECT $1, v.journal_entry_id, (SELECT max(entry_number) + 1 FROM journal_entries WHERE business_id = $1), v.issue_date, 'invoice', 'invoice', v.id,
              'invoice:' || v.id || ':issue'
         FROM v RETURNING id
     )
     INSERT INTO journal_lines (business_id, entry_id, line_no, account_id, currency, amount_minor, base_amount_minor, contact_id)
     SELECT $1, e.id, x.n, x.account, 'USD', x.amount, x.amount, x.contact FROM e, v,
       LATERAL (VALUES (1, $2::uuid, 11000, v.contact_id), (2, $3::uuid, -10000, NULL::uuid), (3, $4::uuid, -1000, NULL::uuid)) x(n, account, amount, contact)`,
    [f.business, f.ar, f.sales, f.tax, daysAgo],
  );
  await sql.query(`SET session_replication_role = origin`);
}

async function main() {
  const { setupDatabase } = api('cli/db-setup.js');
  const { migrate } = api('cli/migrate.js');
  const { createDataSource } = api('db/data-source.js');
  const { Db } = api('db/db.js');
  const { CreditFactsRepository } = api('modules/credit/credit-facts.repository.js');
  const { CreditProfilesRepository } = api('modules/credit/credit-profiles.repository.js');
  const { CreditProfileService } = api('modules/credit/credit-profile.service.js');
  const { CreditSignals } = api('modules/credit/credit-signals.js');
  const { LedgerService } = api('modules/ledger/ledger.service.js');
  const { AccountsRepository } = api('modules/ledger/accounts.repository.js');
  const { JournalRepository } = api('modules/ledger/journal.repository.js');
  const { OutboxService } = api('modules/outbox/outbox.service.js');
  const { Logger } = require(path.join(root, 'apps/api/node_modules/@nestjs/common'));
  Logger.overrideLogger(false);

  console.log(`Scratch database ${DB}: ${INVOICES.toLocaleString('en')} invoices × ${LINES} lines over 24 months`);
  await setupDatabase(env, DB, { reset: true });
  await migrate(env);
  const adminUrl = new URL(ADMIN_URL);
  adminUrl.pathname = `/${DB}`;
  const sql = new pg.Client({ connectionString: adminUrl.toString() });
  await sql.connect();
  const built = await timed(() => buildFixture(sql));
  const f = built.result;
  console.log(
    `Fixture: ${f.counts.invoices.toLocaleString('en')} invoices, ${f.counts.lines.toLocaleString('en')} invoice lines, ` +
      `${f.counts.entries.toLocaleString('en')} journal entries, ${f.counts.journal_lines.toLocaleString('en')} journal lines (built in ${fmt(built.ms)})`,
  );

  const ds = await createDataSource(env.DATABASE_URL, { poolSize: 2, applicationName: 'keeper-bench' }).initialize();
  const db = new Db(ds);
  const outbox = new OutboxService();
  const ledger = new LedgerService(new AccountsRepository(), new JournalRepository(), new CreditSignals(outbox));
  const facts = new CreditFactsRepository();
  const service = new CreditProfileService(facts, new CreditProfilesRepository(), ledger, outbox);
  const compute = () => db.tenant(f.business, (t) => service.compute(t, 'owner_request'));
  const scan = (q) => db.tenant(f.business, (t) => t.query(q, [f.business]));

  // The first computation builds the facts of every day; it is repeated from empty facts each run.
  const cold = [];
  for (let i = 0; i < Math.max(1, Math.min(RUNS, 3)); i++) {
    await sql.query(`DELETE FROM credit_daily_facts; DELETE FROM credit_customer_facts; DELETE FROM credit_profile_state;`);
    cold.push((await timed(compute)).ms);
  }
  const today = [];
  const backdated = [];
  const unchanged = [];
  for (let i = 0; i < RUNS; i++) {
    await addInvoice(sql, f, 0);
    today.push((await timed(compute)).ms);
    await addInvoice(sql, f, 400);
    backdated.push((await timed(compute)).ms);
    unchanged.push((await timed(compute)).ms);
  }
  const invoiceScan = [];
  const journalScan = [];
  for (let i = 0; i < RUNS; i++) {
    invoiceScan.push((await timed(() => scan(`SELECT sum(net_minor), count(*) FROM invoice_lines WHERE business_id = $1`))).ms);
    journalScan.push((await timed(() => scan(`SELECT sum(base_amount_minor), count(*) FROM journal_lines WHERE business_id = $1`))).ms);
  }
  const [profile] = (await sql.query(`SELECT score, grade, pd::text FROM credit_profiles ORDER BY computed_at DESC LIMIT 1`)).rows;
  const [days] = (await sql.query(`SELECT count(*)::int AS days FROM credit_daily_facts`)).rows;

  console.log(`\nMedians of ${RUNS} runs (first computation: ${cold.length} runs), as the runtime role with RLS on:`);
  const rows = [
    ['first computation (facts of all ' + days.days + ' days built from every journal line)', median(cold)],
    ['recompute after one invoice dated today (one day rebuilt)', median(today)],
    ['recompute after one invoice dated 400 days back (one day rebuilt)', median(backdated)],
    ['recompute with nothing new', median(unchanged)],
    [`one aggregate scan: sum(net_minor) of the ${f.counts.lines.toLocaleString('en')} invoice lines`, median(invoiceScan)],
    [`one aggregate scan: sum(base_amount_minor) of the ${f.counts.journal_lines.toLocaleString('en')} journal lines`, median(journalScan)],
  ];
  for (const [label, ms] of rows) console.log(`  ${fmt(ms).padStart(10)}  ${label}`);
  console.log(`\nScore ${profile.score} (grade ${profile.grade}, PD ${Number(profile.pd).toPrecision(3)}); machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${(await sql.query('SHOW server_version')).rows[0].server_version.split(' ')[0]} PostgreSQL`);

  await ds.destroy();
  await sql.end();
  if (args.keep !== 'true') {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
