import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { WorkerModule } from '../src/app/worker.module';
import { loadConfig } from '../src/config/config';
import { JobRunner } from '../src/jobs/job-runner';
import { addMember, Api, Session, signUp, sqlAs, startApi } from './harness';
import { mimeParts, pdfText } from './documents';
import { runOutboxJobs } from './outbox-jobs';
import { testEnv } from './test-env';

const CUSTOMER = '上海茶叶贸易有限公司';
/** The business's own address and contact details, printed on its invoices. */
const SELLER = {
  addressLine1: '龙井路18号 18 Longjing Road',
  addressLine2: null,
  city: 'Hangzhou',
  region: 'Zhejiang',
  postalCode: '310013',
  taxId: '91330100MA2H3XXX1K',
  email: 'accounts@dragonwell.example',
  phone: '+86 571 5555 0100',
};

const binary = (res: request.Response & { text?: string }, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('invoice documents: PDF, public link and email', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let runner: JobRunner;
  let owner: Session;
  let businessId: string;
  let customerId: string;
  const mailDir = `/tmp/keeper-invoice-docs-test-${process.pid}`;
  const customerEmail = `buyer-${process.pid}@tea.example.test`;
  const base = () => `/api/businesses/${businessId}`;
  const anonymous = () => request(api.app.getHttpServer());

  beforeAll(async () => {
    rmSync(mailDir, { recursive: true, force: true });
    api = await startApi({ MAIL_DIR: mailDir });
    // A worker context without the relay: the test hands each outbox row to the runner itself.
    const config = loadConfig(testEnv({ MAIL_DIR: mailDir }));
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { relay: false }), { logger: false });
    await worker.init();
    runner = worker.get(JobRunner);
    owner = await signUp(api);
    businessId = (
      await owner.post('/api/businesses', { name: '龙井茶庄 Dragon Well Tea House', baseCurrency: 'CNY', country: 'CN' }).expect(201)
    ).body.id;
    await owner.patch(base(), SELLER).expect(200);
    customerId = (
      await owner
        .post(`${base()}/contacts`, {
          kind: 'customer',
          name: CUSTOMER,
          email: customerEmail,
          billingAddress: { line1: '88 Nanjing Road', city: 'Shanghai', postalCode: '200001', country: 'CN' },
          currency: 'CNY',
          paymentTermsDays: 30,
        })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const issueInvoice = async (contactId = customerId, description = '西湖龙井 West Lake Longjing, 250 g') => {
    const draft = await owner
      .post(`${base()}/invoices`, {
        contactId,
        lines: [
          { description, quantity: '2', unitPrice: '388.00', discountPercent: '5' },
          { description: 'Gift box 礼盒', quantity: '1', unitPrice: '45.50' },
        ],
        notes: '感谢惠顾 Thank you for your business',
        terms: 'Payment within 30 days 30天内付款',
      })
      .expect(201);
    const issued = await owner.post(`${base()}/invoices/${draft.body.id}/issue`, {}).expect(200);
    return issued.body as { id: string; number: string };
  };

  const outboxRows = async (job: string, invoiceId: string) => {
    const db = await sqlAs('postgres');
    const { rows } = await db.query(
      `SELECT id, status, payload FROM outbox WHERE business_id = $1 AND job = $2 AND payload->>'invoiceId' = $3
        ORDER BY created_at`,
      [businessId, job, invoiceId],
    );
    await db.end();
    return rows as { id: string; status: string; payload: object }[];
  };

  /** Runs every open outbox row of the job for the invoice, each delivered `times` times at once. */
  const runJobs = (job: string, invoiceId: string, times = 1) =>
    runOutboxJobs(runner, businessId, job, { field: 'invoiceId', value: invoiceId }, times);

  const getPdf = (session: Session, invoiceId: string) =>
    session.get(`${base()}/invoices/${invoiceId}/pdf`).buffer(true).parse(binary);

  const mailsTo = (to: string) =>
    readdirSync(mailDir)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => readFileSync(join(mailDir, f), 'utf8'))
      .filter((m) => new RegExp(`^To: ${to.replace(/[.]/g, '\\.')}$`, 'm').test(m));

  it('renders the PDF in the worker after issue (202 until then) with the Chinese customer name', async () => {
    const draft = await owner
      .post(`${base()}/invoices`, { contactId: customerId, lines: [{ description: 'x', quantity: '1', unitPrice: '1' }] })
      .expect(201);
    const onDraft = await owner.get(`${base()}/invoices/${draft.body.id}/pdf`).expect(409);
    expect(onDraft.body.error.code).toBe('CONFLICT');

    const inv = await issueInvoice();
    expect(await outboxRows('invoice.render-pdf', inv.id)).toEqual([expect.objectContaining({ status: 'pending' })]);
    const early = await owner.get(`${base()}/invoices/${inv.id}/pdf`).expect(202);
    expect(early.body.error.code).toBe('PDF_NOT_READY');
    expect(early.headers['retry-after']).toBe('2');
    // Asking again does not queue a second render while one is waiting.
    await owner.get(`${base()}/invoices/${inv.id}/pdf`).expect(202);
    expect(await outboxRows('invoice.render-pdf', inv.id)).toHaveLength(1);

    // Delivered three times at once: one stored PDF, outbox row done.
    expect(await runJobs('invoice.render-pdf', inv.id, 3)).toBe(1);
    expect((await outboxRows('invoice.render-pdf', inv.id)).map((r) => r.status)).toEqual(['done']);
    const db = await sqlAs('postgres');
    const stored = await db.query(
      `SELECT kind, size, length(content) AS bytes, sha256 = sha256(content) AS hash_ok FROM invoice_documents
        WHERE business_id = $1 AND invoice_id = $2`,
      [businessId, inv.id],
    );
    await db.end();
    expect(stored.rows).toEqual([{ kind: 'pdf', size: stored.rows[0].bytes, bytes: stored.rows[0].bytes, hash_ok: true }]);

    const res = await getPdf(owner, inv.id).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`${inv.number}.pdf`);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain(CUSTOMER);
    expect(text).toContain(inv.number);
    expect(text).toContain('西湖龙井 West Lake Longjing, 250 g');
    expect(text).toContain('龙井茶庄 Dragon Well Tea House');
    // The seller's address and contact details under its name.
    for (const printed of ['龙井路18号 18 Longjing Road', 'Hangzhou, Zhejiang 310013', 'China', 'Tax ID 税号: 91330100MA2H3XXX1K', 'accounts@dragonwell.example', '+86 571 5555 0100']) {
      expect(text).toContain(printed);
    }
    // 2 × 388.00 less 5% = 737.20; + 45.50 = 782.70, formatted by @keeper/money for a CN business.
    expect(text).toContain('¥782.70');
    expect(text).toContain('感谢惠顾 Thank you for your business');
  });

  it('renders the PDF again when the business changes its address', async () => {
    const inv = await issueInvoice();
    await runJobs('invoice.render-pdf', inv.id);
    expect(await pdfText((await getPdf(owner, inv.id).expect(200)).body as Buffer)).toContain('Hangzhou, Zhejiang 310013');

    await owner.patch(base(), { addressLine1: "延安西路100号 100 Yan'an West Road", city: 'Shanghai', region: null, postalCode: '200040' }).expect(200);
    await owner.get(`${base()}/invoices/${inv.id}/pdf`).expect(202);
    await runJobs('invoice.render-pdf', inv.id);
    const text = await pdfText((await getPdf(owner, inv.id).expect(200)).body as Buffer);
    expect(text).toContain("延安西路100号 100 Yan'an West Road");
    expect(text).toContain('Shanghai, 200040');
    expect(text).not.toContain('Hangzhou');
    await owner.patch(base(), SELLER).expect(200);
  });

  it('serves the invoice through an unguessable public link without a session, and nothing else', async () => {
    const inv = await issueInvoice();
    const otherCustomer = await owner
      .post(`${base()}/contacts`, { kind: 'customer', name: 'Other Buyer Ltd', currency: 'CNY' })
      .expect(201);
    const other = await issueInvoice(otherCustomer.body.id, 'Pu-erh cake 普洱茶饼');
    await runJobs('invoice.render-pdf', inv.id);

    const link = await owner.get(`${base()}/invoices/${inv.id}/public-link`).expect(200);
    const url = new URL(link.body.url);
    expect(url.origin).toBe(new URL(api.config.WEB_ORIGIN).origin);
    const token = url.pathname.split('/').pop()!;
    expect(url.pathname).toBe(`/i/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await owner.get(`${base()}/invoices/${inv.id}/public-link`).expect(200)).body.url).toBe(link.body.url);

    const view = await anonymous().get(`/api/public/invoices/${token}`).expect(200);
    expect(view.headers['cache-control']).toContain('no-store');
    expect(Object.keys(view.body).sort()).toEqual(
      [
        'balance', 'business', 'credited', 'currency', 'customer', 'discount', 'dueDate', 'issueDate', 'lines', 'number',
        'paid', 'pricesIncludeTax', 'status', 'subtotal', 'tax', 'taxes', 'total',
      ].sort(),
    );
    expect(view.body.business).toEqual({
      name: '龙井茶庄 Dragon Well Tea House',
      address: ['龙井路18号 18 Longjing Road', 'Hangzhou, Zhejiang 310013'],
      country: 'CN',
      taxId: SELLER.taxId,
      email: SELLER.email,
      phone: SELLER.phone,
    });
    expect(view.body).toMatchObject({
      customer: { name: CUSTOMER },
      number: inv.number,
      status: 'issued',
      total: { amountMinor: '78270', currency: 'CNY' },
      balance: { amountMinor: '78270', currency: 'CNY' },
    });
    expect(Object.keys(view.body.customer)).toEqual(['name']);
    const json = JSON.stringify(view.body);
    for (const secret of [inv.id, businessId, customerId, other.number, 'Other Buyer Ltd', '普洱', customerEmail, 'Nanjing']) {
      expect(json).not.toContain(secret);
    }

    const pdf = await anonymous().get(`/api/public/invoices/${token}/pdf`).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain(inv.number);
    expect(text).not.toContain(other.number);

    // Wrong tokens: one character off, another invoice's id under the same scheme, garbage.
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    await anonymous().get(`/api/public/invoices/${flipped}`).expect(404);
    await anonymous().get(`/api/public/invoices/${flipped}/pdf`).expect(404);
    await anonymous().get('/api/public/invoices/not-a-token').expect(404);
    await anonymous().get(`/api/public/invoices/${inv.id}`).expect(404);
    // The other invoice has no registered link until someone asks for it.
    const otherToken = new URL(
      (await owner.get(`${base()}/invoices/${other.id}/public-link`).expect(200)).body.url,
    ).pathname.split('/').pop()!;
    expect(otherToken).not.toBe(token);
    const otherView = await anonymous().get(`/api/public/invoices/${otherToken}`).expect(200);
    expect(JSON.stringify(otherView.body)).not.toContain(CUSTOMER);

    // Void: the link keeps working and says so; the PDF is rendered again with the stamp.
    await owner.post(`${base()}/invoices/${other.id}/void`, { reason: 'Duplicate order' }).expect(200);
    const voided = await anonymous().get(`/api/public/invoices/${otherToken}`).expect(200);
    expect(voided.body).toMatchObject({ status: 'void', balance: { amountMinor: '0', currency: 'CNY' } });
    await anonymous().get(`/api/public/invoices/${otherToken}/pdf`).expect(202);
    await runJobs('invoice.render-pdf', other.id);
    const voidPdf = await anonymous().get(`/api/public/invoices/${otherToken}/pdf`).buffer(true).parse(binary).expect(200);
    expect(await pdfText(voidPdf.body as Buffer)).toContain('VOID 已作废');

    // Drafts have no link.
    const draft = await owner
      .post(`${base()}/invoices`, { contactId: customerId, lines: [{ description: 'x', quantity: '1', unitPrice: '1' }] })
      .expect(201);
    await owner.get(`${base()}/invoices/${draft.body.id}/public-link`).expect(409);
  });

  it('emails the invoice once with the PDF attached and the public link, even if the job runs twice', async () => {
    const inv = await issueInvoice();
    // Not rendered yet: the email job renders first.
    const sent = await owner.post(`${base()}/invoices/${inv.id}/send`, { message: '请查收发票。Please find our invoice.' }).expect(202);
    expect(sent.body).toMatchObject({ to: customerEmail, status: 'queued' });
    expect(await runJobs('invoice.send-email', inv.id, 2)).toBe(1);
    expect(await runJobs('invoice.send-email', inv.id)).toBe(0);

    const mails = mailsTo(customerEmail).filter((m) => m.includes(`${inv.number}.pdf`));
    expect(mails).toHaveLength(1);
    const parts = mimeParts(mails[0]);
    const text = parts.find((p) => /Content-Type: text\/plain/i.test(p.headers))!.body.toString('utf8');
    const link = (await owner.get(`${base()}/invoices/${inv.id}/public-link`).expect(200)).body.url;
    expect(text).toContain(link);
    expect(text).toContain('请查收发票。Please find our invoice.');
    expect(text).toContain(`invoice ${inv.number}`);
    expect(text).toContain(`发票 ${inv.number}`);
    const attachment = parts.find((p) => /Content-Type: application\/pdf/i.test(p.headers))!;
    expect(attachment.headers).toMatch(new RegExp(`Content-Disposition: attachment; filename=${inv.number}.pdf`, 'i'));
    expect(await pdfText(attachment.body)).toContain(CUSTOMER);

    const db = await sqlAs('postgres');
    const sends = await db.query(`SELECT to_email, sent_at IS NOT NULL AS sent FROM invoice_sends WHERE business_id = $1 AND invoice_id = $2`, [
      businessId,
      inv.id,
    ]);
    const audit = await db.query(
      `SELECT actor_user_id, details->>'to' AS to FROM audit_events WHERE business_id = $1 AND action = 'invoice.sent' AND target_id = $2`,
      [businessId, inv.id],
    );
    await db.end();
    expect(sends.rows).toEqual([{ to_email: customerEmail, sent: true }]);
    expect(audit.rows).toEqual([{ actor_user_id: owner.user.id, to: customerEmail }]);
    // The PDF the email job rendered is the one kept.
    await getPdf(owner, inv.id).expect(200);

    // Another address, given explicitly.
    await owner.post(`${base()}/invoices/${inv.id}/send`, { to: 'Finance@Tea.Example.test' }).expect(202);
    await runJobs('invoice.send-email', inv.id);
    expect(mailsTo('finance@tea.example.test')).toHaveLength(1);
  });

  it('refuses to send drafts, void invoices and to customers without an address', async () => {
    const noEmail = await owner.post(`${base()}/contacts`, { kind: 'customer', name: '无邮箱客户', currency: 'CNY' }).expect(201);
    const inv = await issueInvoice(noEmail.body.id);
    const res = await owner.post(`${base()}/invoices/${inv.id}/send`, {}).expect(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'to', code: 'required' })]);
    await owner.post(`${base()}/invoices/${inv.id}/send`, { to: 'not-an-email' }).expect(400);
    await owner.post(`${base()}/invoices/${inv.id}/void`, { reason: 'Cancelled' }).expect(200);
    await owner.post(`${base()}/invoices/${inv.id}/send`, { to: 'a@example.test' }).expect(409);
    const draft = await owner
      .post(`${base()}/invoices`, { contactId: customerId, lines: [{ description: 'x', quantity: '1', unitPrice: '1' }] })
      .expect(201);
    await owner.post(`${base()}/invoices/${draft.body.id}/send`, {}).expect(409);
  });

  it('lets staff download, link and send; outsiders get 404', async () => {
    const inv = await issueInvoice();
    await runJobs('invoice.render-pdf', inv.id);
    const staff = await addMember(api, owner, businessId, 'staff');
    await getPdf(staff, inv.id).expect(200);
    await staff.get(`${base()}/invoices/${inv.id}/public-link`).expect(200);
    await staff.post(`${base()}/invoices/${inv.id}/send`, {}).expect(202);

    const outsider = await signUp(api, 'Outsider');
    await outsider.get(`${base()}/invoices/${inv.id}/pdf`).expect(404);
    await outsider.get(`${base()}/invoices/${inv.id}/public-link`).expect(404);
    await outsider.post(`${base()}/invoices/${inv.id}/send`, {}).expect(404);
    await anonymous().get(`${base()}/invoices/${inv.id}/pdf`).expect(401);
  });
});
