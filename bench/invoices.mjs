// Invoice creation benchmark (a benchmark, not a test: it prints figures and asserts nothing).
//
// Against the API as the quick start runs it (bash scripts/up.sh), it creates draft invoices with
// 5 lines through HTTP at fixed arrival rates (open loop: request i is due at t0 + i/rate whether or
// not earlier ones finished, and its latency is measured from when it was due, so a slow server
// cannot hide its queueing: no coordinated omission). Next to it, the same rows (one invoice and
// five lines, one transaction each, as the runtime role with the tenant set) go in through a bare
// `pg` client, which bounds what the HTTP path could ever reach on this machine.
//
//   node bench/invoices.mjs [--rates 25,50,100,150,200] [--seconds 10]
//   env: KEEPER_API (default http://127.0.0.1:3000), DATABASE_URL (runtime role, default local)
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const API = process.env.KEEPER_API ?? 'http://127.0.0.1:3000';
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://keeper_app@127.0.0.1:5432/keeper';
const RATES = (args.rates ?? '25,50,100,150,200,300').split(',').map(Number);
const SECONDS = Number(args.seconds ?? 10);

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const ms = (x) => `${x.toFixed(1)} ms`;

async function call(session, method, path, body) {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie ?? '',
      'x-csrf-token': session.csrf ?? '',
      'idempotency-key': randomUUID(),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const setCookie = res.headers.getSetCookie?.() ?? [];
  if (setCookie.length) {
    session.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    session.csrf = decodeURIComponent(setCookie.find((c) => c.startsWith('keeper_csrf='))?.split(';')[0].split('=')[1] ?? '');
  }
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function setup() {
  const session = {};
  const email = `bench-${randomUUID()}@example.test`;
  const up = await call(session, 'POST', '/api/auth/sign-up', { email, password: 'benchmark password', name: 'Bench' });
  if (up.status !== 201) throw new Error(`sign-up failed (${up.status}): is the API running at ${API}? ${JSON.stringify(up.body)}`);
  const business = await call(session, 'POST', '/api/businesses', { name: 'Bench Trading', baseCurrency: 'USD' });
  const customer = await call(session, 'POST', `/api/businesses/${business.body.id}/contacts`, {
    kind: 'customer',
    name: 'Bench Customer',
    currency: 'USD',
  });
  if (customer.status !== 201) throw new Error(`customer: ${JSON.stringify(customer.body)}`);
  return { session, businessId: business.body.id, customerId: customer.body.id };
}

const LINES = Array.from({ length: 5 }, (_, i) => ({
  description: `Item ${i + 1}`,
  quantity: `${i + 1}.5`,
  unitPrice: `${(i + 1) * 3}.99`,
  discountPercent: i % 2 ? '5' : '0',
}));

async function httpStep(ctx, rate) {
  const total = Math.round(rate * SECONDS);
  const latencies = [];
  let errors = 0;
  const t0 = performance.now();
  const inflight = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      call(ctx.session, 'POST', `/api/businesses/${ctx.businessId}/invoices`, { contactId: ctx.customerId, lines: LINES })
        .then((r) => {
          if (r.status !== 201) errors++;
          latencies.push(performance.now() - due);
        })
        .catch(() => {
          errors++;
          latencies.push(performance.now() - due);
        }),
    );
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rate,
    sent: total,
    throughput: (total - errors) / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errorRate: errors / total,
  };
}

async function pgBaseline(ctx, count, concurrency = 8) {
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: concurrency });
  // The default series exists once the HTTP steps have created a draft; RLS shows it only with the tenant set.
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query(`SELECT set_config('app.business_id', $1, true)`, [ctx.businessId]);
  const [series] = (
    await client.query(`SELECT id FROM document_series WHERE business_id = $1 AND kind = 'invoice' AND is_default`, [
      ctx.businessId,
    ])
  ).rows;
  await client.query('COMMIT');
  client.release();

  const latencies = [];
  let next = 0;
  const t0 = performance.now();
  async function worker() {
    const c = await pool.connect();
    try {
      while (next < count) {
        next++;
        const start = performance.now();
        await c.query('BEGIN');
        await c.query(`SELECT set_config('app.business_id', $1, true)`, [ctx.businessId]);
        const inv = await c.query(
          `INSERT INTO invoices (business_id, series_id, contact_id, currency, issue_date, due_date, prices_include_tax,
             tax_rounding, subtotal_minor, total_minor) VALUES ($1, $2, $3, 'USD', current_date, current_date, false, 'line', 1000, 1000)
           RETURNING id`,
          [ctx.businessId, series.id, ctx.customerId],
        );
        for (let i = 0; i < 5; i++) {
          await c.query(
            `INSERT INTO invoice_lines (business_id, invoice_id, line_no, description, quantity, unit_price_minor,
               discount_minor, net_minor, tax_minor, total_minor) VALUES ($1, $2, $3, $4, 1.5, 399, 0, 599, 0, 599)`,
            [ctx.businessId, inv.rows[0].id, i + 1, `Item ${i + 1}`],
          );
        }
        await c.query('COMMIT');
        latencies.push(performance.now() - start);
      }
    } finally {
      c.release();
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { throughput: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const ctx = await setup();
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log(`HTTP: POST /invoices (draft, 5 lines), open loop, ${SECONDS} s per step`);
console.log('rate/s  sent   ok/s     p50        p99        errors');
let best = null;
for (const rate of RATES) {
  const r = await httpStep(ctx, rate);
  console.log(
    `${String(rate).padEnd(7)} ${String(r.sent).padEnd(6)} ${r.throughput.toFixed(1).padEnd(8)} ${ms(r.p50).padEnd(10)} ${ms(r.p99).padEnd(10)} ${(r.errorRate * 100).toFixed(1)}%`,
  );
  if (r.errorRate < 0.01 && r.p99 < 200) best = r;
  if (r.errorRate > 0.05 || r.p99 > 2000) break;
}
const base = await pgBaseline(ctx, 2000);
console.log(`\nbare pg (same rows, one transaction each, 8 connections): ${base.throughput.toFixed(0)} invoices/s, p50 ${ms(base.p50)}, p99 ${ms(base.p99)}`);
if (best) {
  console.log(
    `Highest step with p99 < 200 ms and < 1% errors: ${best.rate}/s (${best.throughput.toFixed(1)} ok/s, p99 ${ms(best.p99)}); ` +
      `HTTP / bare pg throughput = ${(best.throughput / base.throughput).toFixed(3)}`,
  );
} else {
  console.log('No step kept p99 under 200 ms.');
}
