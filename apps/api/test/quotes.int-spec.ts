import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { WorkerModule } from '../src/app/worker.module';
import { loadConfig } from '../src/config/config';
import { JobRunner } from '../src/jobs/job-runner';
import { Api, createBusiness, Session, signUp, sqlAs, startApi } from './harness';
import { mimeParts, pdfText } from './documents';
import { runOutboxJobs } from './outbox-jobs';
import { testEnv } from './test-env';

describe('quotes: send, accept or decline, expire, convert to an order', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let runner: JobRunner;
  let owner: Session;
  let businessId: string;
  let base: string;
  let customer: string;
  let tea: string;
  const mailDir = `/tmp/keeper-quotes-test-${process.pid}`;
  const customerEmail = `quotes-${process.pid}@buyer.example.test`;

  const createQuote = async (extra: object = {}) =>
    (
      await owner
        .post(`${base}/quotes`, {
          contactId: customer,
          lines: [
            { productId: tea, quantity: '4', discountPercent: '5' },
            { description: 'Tasting session 品茶', quantity: '1', unitPrice: '80.00' },
          ],
          notes: 'Prices for the spring menu',
          ...extra,
        })
        .expect(201)
    ).body;

  const runSendJobs = (quoteId: string, times = 1) =>
    runOutboxJobs(runner, businessId, 'quote.send-email', { field: 'quoteId', value: quoteId }, times);
  const mails = () =>
    readdirSync(mailDir)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => readFileSync(join(mailDir, f), 'utf8'))
      .filter((m) => m.includes(`To: ${customerEmail}`));

  beforeAll(async () => {
    rmSync(mailDir, { recursive: true, force: true });
    api = await startApi({ MAIL_DIR: mailDir });
    const config = loadConfig(testEnv({ MAIL_DIR: mailDir }));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { relay: false, scheduler: false }), { logger: false });
    await worker.init();
    runner = worker.get(JobRunner);
    owner = await signUp(api, 'Quote Owner');
    businessId = await createBusiness(owner, 'Quote Tea Co');
    base = `/api/businesses/${businessId}`;
    customer = (await owner.post(`${base}/contacts`, { kind: 'customer', name: '茶馆 Tea Room', email: customerEmail }).expect(201)).body.id;
    tea = (await owner.post(`${base}/products`, { sku: 'Q-TEA', name: 'Jasmine tea', salesPrice: '25.00', trackStock: true }).expect(201)).body.id;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('creates a numbered draft valid for 30 days, with totals; revises and deletes drafts', async () => {
    const q = await createQuote({ issueDate: '2026-11-02' });
    expect(q).toMatchObject({
      number: expect.stringMatching(/^Q-\d{5}$/),
      status: 'draft',
      issueDate: '2026-11-02',
      validUntil: '2026-12-02',
      // 4 × 25.00 less 5 % = 95.00, plus 80.00
      subtotal: { amountMinor: '17500', currency: 'USD' },
      discount: { amountMinor: '500' },
      total: { amountMinor: '17500' },
      salesOrder: null,
      sends: [],
    });
    const bad = await owner
      .patch(`${base}/quotes/${q.id}`, { contactId: customer, lines: [{ productId: tea, quantity: '1' }], issueDate: '2026-11-02', validUntil: '2026-11-01' })
      .expect(400);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ field: 'validUntil', code: 'before_issue' })]);
    const revised = await owner.patch(`${base}/quotes/${q.id}`, { contactId: customer, lines: [{ productId: tea, quantity: '2' }] }).expect(200);
    expect(revised.body.total.amountMinor).toBe('5000');
    await owner.delete(`${base}/quotes/${q.id}`).expect(204);
    await owner.get(`${base}/quotes/${q.id}`).expect(404);
  });

  it('sends by email with the PDF and a public link, exactly once per request, and shows the quote to anyone with the link', async () => {
    const q = await createQuote();
    await owner.get(`${base}/quotes/${q.id}/public-link`).expect(409);
    const sent = (await owner.post(`${base}/quotes/${q.id}/send`, { message: 'As discussed on the phone.' }).expect(202)).body;
    expect(sent).toMatchObject({ to: customerEmail, status: 'queued', publicUrl: expect.stringMatching(/\/q\/[A-Za-z0-9_-]{43}$/) });
    expect((await owner.get(`${base}/quotes/${q.id}`).expect(200)).body).toMatchObject({
      status: 'sent',
      sentAt: expect.any(String),
      sends: [expect.objectContaining({ to: customerEmail, sentAt: null })],
    });

    // Lines of a sent quote are frozen in the database too.
    const db = await sqlAs('postgres');
    await expect(db.query(`UPDATE quote_lines SET quantity = 9 WHERE business_id = $1 AND quote_id = $2`, [businessId, q.id])).rejects.toThrow(
      /sent quote cannot change/,
    );
    await db.end();

    // Delivered three times at once: one email, with the PDF attached.
    expect(await runSendJobs(q.id, 3)).toBe(1);
    const ours = mails().filter((m) => m.includes(q.number));
    expect(ours).toHaveLength(1);
    const parts = mimeParts(ours[0]);
    const text = parts.find((p) => /Content-Type: text\/plain/i.test(p.headers))!.body.toString('utf8');
    expect(text).toContain('As discussed on the phone.');
    expect(text).toContain(sent.publicUrl);
    expect(text).toContain('valid until');
    const attachment = parts.find((p) => /Content-Type: application\/pdf/i.test(p.headers))!;
    expect(attachment.headers).toContain(`${q.number}.pdf`);
    const pdf = await pdfText(attachment.body);
    for (const printed of ['QUOTE 报价单', q.number, '茶馆 Tea Room', 'Jasmine tea', 'Tasting session 品茶', '$175.00', 'Prices for the spring menu']) {
      expect(pdf).toContain(printed);
    }
    expect((await owner.get(`${base}/quotes/${q.id}`).expect(200)).body.sends[0].sentAt).toEqual(expect.any(String));

    const token = new URL(sent.publicUrl).pathname.split('/').pop()!;
    const anon = request(api.app.getHttpServer());
    const pub = await anon.get(`/api/public/quotes/${token}`).expect(200);
    expect(pub.headers['cache-control']).toBe('private, no-store');
    expect(pub.body).toMatchObject({
      businessName: 'Quote Tea Co',
      customerName: '茶馆 Tea Room',
      number: q.number,
      status: 'sent',
      total: { amountMinor: '17500', currency: 'USD' },
      lines: [expect.objectContaining({ description: 'Jasmine tea', quantity: '4' }), expect.objectContaining({ description: 'Tasting session 品茶' })],
    });
    await anon.get(`/api/public/quotes/${'x'.repeat(43)}`).expect(404);
    await anon.get('/api/public/quotes/short').expect(404);

    // Without an address on file the send names the field.
    const silent = (await owner.post(`${base}/contacts`, { kind: 'customer', name: 'No Mail Ltd' }).expect(201)).body.id;
    const noMail = await createQuote({ contactId: silent });
    const refused = await owner.post(`${base}/quotes/${noMail.id}/send`, {}).expect(400);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ field: 'to', code: 'required' })]);
    await owner.post(`${base}/quotes/${noMail.id}/send`, { to: 'someone@example.test' }).expect(202);
  });

  it('converts an accepted quote into one draft order, however often and concurrently accept is called', async () => {
    const q = await createQuote();
    await owner.post(`${base}/quotes/${q.id}/send`, {}).expect(202);
    const results = await Promise.all([1, 2, 3].map(() => owner.post(`${base}/quotes/${q.id}/accept`)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const orderIds = new Set(results.map((r) => r.body.salesOrder?.id));
    expect(orderIds.size).toBe(1);
    const accepted = results[0].body;
    expect(accepted).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String), salesOrder: { number: expect.stringMatching(/^SO-/), status: 'draft' } });

    const order = (await owner.get(`${base}/sales-orders/${accepted.salesOrder.id}`).expect(200)).body;
    expect(order).toMatchObject({
      status: 'draft',
      quote: { id: q.id, number: q.number },
      contact: { id: customer },
      total: q.total,
      subtotal: q.subtotal,
      notes: 'Prices for the spring menu',
      lines: [
        expect.objectContaining({ productId: tea, quantity: '4', discountPercent: '5', total: q.lines[0].total, stocked: true }),
        expect.objectContaining({ description: 'Tasting session 品茶', stocked: false }),
      ],
    });
    const db = await sqlAs('postgres');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM sales_orders WHERE business_id = $1 AND quote_id = $2`, [businessId, q.id]);
    await db.end();
    expect(rows[0].n).toBe(1);

    // An order from a quote is cancelled, not deleted; an accepted quote cannot be declined or revised.
    await owner.delete(`${base}/sales-orders/${order.id}`).expect(409);
    const decline = await owner.post(`${base}/quotes/${q.id}/decline`, {}).expect(409);
    expect(decline.body.error.message).toContain(order.number);
    await owner.patch(`${base}/quotes/${q.id}`, { contactId: customer, lines: [{ productId: tea, quantity: '1' }] }).expect(409);
  });

  it('declines (idempotently), and expires a sent quote after its validity date, refusing to accept or send it', async () => {
    const d = await createQuote();
    await owner.post(`${base}/quotes/${d.id}/send`, {}).expect(202);
    const declined = (await owner.post(`${base}/quotes/${d.id}/decline`, { reason: 'Went elsewhere' }).expect(200)).body;
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'Went elsewhere', declinedAt: expect.any(String) });
    await owner.post(`${base}/quotes/${d.id}/decline`, {}).expect(200);
    await owner.post(`${base}/quotes/${d.id}/accept`).expect(409);
    await owner.post(`${base}/quotes/${d.id}/send`, {}).expect(409);

    // Sent in the past, valid until two weeks ago: expired, derived from the date alone.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const old = await createQuote({ issueDate: day(-30), validUntil: day(-14) });
    const early = await owner.post(`${base}/quotes/${old.id}/send`, {}).expect(409);
    expect(early.body.error.fields).toEqual([expect.objectContaining({ field: 'validUntil', code: 'expired' })]);
    const db = await sqlAs('postgres');
    await db.query(`UPDATE quotes SET status = 'sent', sent_at = now() WHERE business_id = $1 AND id = $2`, [businessId, old.id]);
    await db.end();
    expect((await owner.get(`${base}/quotes/${old.id}`).expect(200)).body.status).toBe('expired');
    const refused = await owner.post(`${base}/quotes/${old.id}/accept`).expect(409);
    expect(refused.body.error.message).toContain(`was valid until ${day(-14)}`);
    const expiredList = (await owner.get(`${base}/quotes?status=expired`).expect(200)).body.items.map((x: { id: string }) => x.id);
    expect(expiredList).toContain(old.id);
    const sentList = (await owner.get(`${base}/quotes?status=sent`).expect(200)).body.items.map((x: { id: string }) => x.id);
    expect(sentList).not.toContain(old.id);

    // Revising it with a new date makes it a draft again, which can be sent and accepted.
    const revised = await owner
      .patch(`${base}/quotes/${old.id}`, { contactId: customer, issueDate: day(0), lines: [{ productId: tea, quantity: '1' }] })
      .expect(200);
    expect(revised.body).toMatchObject({ status: 'draft' });
    await owner.post(`${base}/quotes/${old.id}/send`, {}).expect(202);
    await owner.post(`${base}/quotes/${old.id}/accept`).expect(200);

    const db2 = await sqlAs('postgres');
    const audit = await db2.query(`SELECT action FROM audit_events WHERE business_id = $1 AND target_id = $2 ORDER BY created_at`, [businessId, d.id]);
    await db2.end();
    expect(audit.rows.map((r) => r.action)).toEqual(['quote.declined']);
  });

  it('lists with filters and cursor pages, and keeps quotes to their business', async () => {
    const page1 = (await owner.get(`${base}/quotes?limit=2`).expect(200)).body;
    expect(page1.items).toHaveLength(2);
    const page2 = (await owner.get(`${base}/quotes?limit=2&cursor=${page1.nextCursor}`).expect(200)).body;
    expect(page2.items[0].id).not.toBe(page1.items[1].id);
    const accepted = (await owner.get(`${base}/quotes?status=accepted`).expect(200)).body.items;
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.every((x: { status: string; salesOrder: unknown }) => x.status === 'accepted' && x.salesOrder)).toBe(true);
    const byText = (await owner.get(`${base}/quotes?q=${encodeURIComponent('Tea Room')}`).expect(200)).body.items;
    expect(byText.length).toBeGreaterThan(0);

    const stranger = await signUp(api, 'Stranger');
    const theirs = await createBusiness(stranger, 'Theirs');
    await stranger.get(`/api/businesses/${theirs}/quotes/${page1.items[0].id}`).expect(404);
    await stranger.post(`/api/businesses/${theirs}/quotes/${page1.items[0].id}/accept`).expect(404);
    await stranger.get(`${base}/quotes`).expect(404);
  });
});
