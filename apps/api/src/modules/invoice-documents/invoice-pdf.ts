import { formatMoney, money } from '@keeper/money';
import PDFDocument from 'pdfkit';
import { countryName, type InvoicePrintout } from './invoice-printout';
import type { CurrencyCode } from '@keeper/money';

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const RIGHT = PAGE.width - PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin;
const GREY = '#555555';
const RULE = '#cccccc';

/** Table columns: x, width and alignment; together they span the page between the margins. */
const COLUMNS = [
  { key: 'description', label: 'Description 描述', x: 50, width: 180, align: 'left' },
  { key: 'quantity', label: 'Qty 数量', x: 232, width: 48, align: 'right' },
  { key: 'unitPrice', label: 'Unit price 单价', x: 282, width: 80, align: 'right' },
  { key: 'discount', label: 'Disc. 折扣', x: 364, width: 44, align: 'right' },
  { key: 'tax', label: 'Tax 税率', x: 410, width: 40, align: 'right' },
  { key: 'total', label: 'Amount 金额', x: 452, width: RIGHT - 452, align: 'right' },
] as const;

const STATUS_LABEL: Record<InvoicePrintout['status'], string> = {
  issued: 'Issued 已开具',
  partially_paid: 'Partially paid 部分付款',
  paid: 'Paid 已付清',
  void: 'VOID 已作废',
};

/** A printable sales document (invoice, quote): what differs is the title, the facts and the totals below the total. */
export interface PrintableDocument {
  /** Title printed top right, e.g. 'INVOICE 发票'; infoTitle goes into the PDF's metadata. */
  title: string;
  infoTitle: string;
  business: InvoicePrintout['business'];
  /** Label/value pairs under the title; `alert` prints the value in red. */
  facts: { label: string; value: string; alert?: boolean }[];
  partyLabel: string;
  customer: { name: string; taxId: string | null; address: string[] };
  currency: CurrencyCode;
  pricesIncludeTax: boolean;
  lines: InvoicePrintout['lines'];
  taxes: InvoicePrintout['taxes'];
  subtotalMinor: bigint;
  discountMinor: bigint;
  totalMinor: bigint;
  /** Rows after the total (paid, balance due...). */
  afterTotal: { label: string; minor: bigint; strong?: boolean }[];
  notes: string;
  terms: string;
  /** Laid diagonally over every page, e.g. 'VOID 已作废'. */
  stamp: string | null;
}

/** An issued invoice as a printable document. */
export function invoiceDocument(p: InvoicePrintout): PrintableDocument {
  return {
    title: 'INVOICE 发票',
    infoTitle: `Invoice ${p.number}`,
    business: p.business,
    facts: [
      { label: 'Invoice no. 发票号', value: p.number },
      { label: 'Issue date 开票日期', value: p.issueDate },
      { label: 'Due date 到期日', value: p.dueDate },
      { label: 'Status 状态', value: STATUS_LABEL[p.status], alert: p.status === 'void' },
    ],
    partyLabel: 'Bill to 客户',
    customer: p.customer,
    currency: p.currency,
    pricesIncludeTax: p.pricesIncludeTax,
    lines: p.lines,
    taxes: p.taxes,
    subtotalMinor: p.subtotalMinor,
    discountMinor: p.discountMinor,
    totalMinor: p.totalMinor,
    afterTotal: [
      { label: 'Amount paid 已付金额', minor: p.paidMinor },
      ...(p.creditedMinor !== 0n ? [{ label: 'Credited 已贷记', minor: p.creditedMinor }] : []),
      { label: 'Balance due 应付余额', minor: p.balanceMinor, strong: true },
    ],
    notes: p.notes,
    terms: p.terms,
    // A voided invoice stays printable (its number is used) but must never pass for a bill.
    stamp: p.status === 'void' ? 'VOID 已作废' : null,
  };
}

/** Renders an issued invoice as an A4 PDF. */
export function renderInvoicePdf(p: InvoicePrintout, fonts: { regular: Buffer; bold: Buffer }): Promise<Buffer> {
  return renderDocumentPdf(invoiceDocument(p), fonts);
}

/**
 * Renders a sales document as an A4 PDF. Labels are bilingual (English and Simplified Chinese),
 * and every text is set in a CJK face so Chinese names print; pdfkit embeds only the glyphs used.
 */
export function renderDocumentPdf(p: PrintableDocument, fonts: { regular: Buffer; bold: Buffer }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    // Pages stay in memory until end() so a void stamp can be laid over every page.
    bufferPages: true,
    info: { Title: p.infoTitle, Author: p.business.name, Creator: 'Keeper' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);

  const locale = p.business.country === 'CN' ? 'zh-CN' : 'en';
  const fmt = (minor: bigint) => formatMoney(money(minor, p.currency), locale);

  // Header: the business on the left, the document's identity on the right.
  doc.font('bold').fontSize(18).fillColor('black').text(p.business.name, PAGE.margin, PAGE.margin, { width: 280 });
  doc.font('regular').fontSize(9).fillColor(GREY);
  const seller = [...p.business.address, ...(p.business.country ? [countryName(p.business.country)] : [])];
  if (seller.length) doc.moveDown(0.2);
  for (const line of seller) doc.text(line, { width: 280 });
  const contact = [p.business.phone ? `Tel 电话: ${p.business.phone}` : null, p.business.email].filter((l): l is string => !!l);
  for (const line of contact) doc.text(line, { width: 280 });
  if (p.business.taxId) doc.text(`Tax ID 税号: ${p.business.taxId}`, { width: 280 });
  const leftBottom = doc.y;
  doc.font('bold').fontSize(20).fillColor('black').text(p.title, 340, PAGE.margin, { width: RIGHT - 340, align: 'right' });
  doc.moveDown(0.3);
  for (const fact of p.facts) {
    const y = doc.y;
    doc.font('regular').fontSize(9).fillColor(GREY).text(fact.label, 340, y, { width: 100 });
    doc.font('bold').fontSize(9).fillColor(fact.alert ? '#b00020' : 'black');
    doc.text(fact.value, 440, y, { width: RIGHT - 440, align: 'right' });
  }

  // Bill to.
  let y = Math.max(leftBottom, doc.y) + 24;
  doc.font('regular').fontSize(9).fillColor(GREY).text(p.partyLabel, PAGE.margin, y);
  doc.font('bold').fontSize(12).fillColor('black').text(p.customer.name, { width: 300 });
  doc.font('regular').fontSize(9);
  for (const line of p.customer.address) doc.text(line, { width: 300 });
  if (p.customer.taxId) doc.fillColor(GREY).text(`Tax ID 税号: ${p.customer.taxId}`, { width: 300 });

  // Lines.
  y = doc.y + 20;
  const tableHeader = (at: number) => {
    doc.font('bold').fontSize(8.5).fillColor(GREY);
    for (const c of COLUMNS) doc.text(c.label, c.x, at, { width: c.width, align: c.align });
    const below = at + 14;
    doc.moveTo(PAGE.margin, below).lineTo(RIGHT, below).lineWidth(0.7).strokeColor(RULE).stroke();
    return below + 5;
  };
  y = tableHeader(y);
  doc.font('regular').fontSize(9).fillColor('black');
  for (const l of p.lines) {
    const cells: Record<(typeof COLUMNS)[number]['key'], string> = {
      description: l.description,
      quantity: l.quantity,
      unitPrice: fmt(l.unitPriceMinor),
      discount: l.discountPercent === '0' ? '' : `${l.discountPercent}%`,
      tax: `${l.taxRatePercent}%`,
      total: fmt(l.totalMinor),
    };
    doc.font('regular').fontSize(9);
    const height = Math.max(...COLUMNS.map((c) => doc.heightOfString(cells[c.key], { width: c.width })));
    if (y + height > BOTTOM - 10) {
      doc.addPage();
      y = tableHeader(PAGE.margin);
      doc.font('regular').fontSize(9);
    }
    doc.fillColor('black');
    for (const c of COLUMNS) doc.text(cells[c.key], c.x, y, { width: c.width, align: c.align });
    y += height + 6;
  }
  doc.moveTo(PAGE.margin, y).lineTo(RIGHT, y).lineWidth(0.7).strokeColor(RULE).stroke();
  y += 8;
  if (p.pricesIncludeTax) {
    doc.font('regular').fontSize(8).fillColor(GREY).text('Prices include tax 价格含税', PAGE.margin, y, { width: 190 });
  }

  // Totals, with the tax breakdown by rate.
  const totals: { label: string; value: string; strong?: boolean }[] = [
    // Subtotal is net of discounts and tax; the discounts are shown as what they saved.
    { label: 'Subtotal (excl. tax) 小计（不含税）', value: fmt(p.subtotalMinor) },
  ];
  if (p.discountMinor !== 0n) totals.push({ label: 'Discounts given 已享折扣', value: fmt(p.discountMinor) });
  for (const t of p.taxes) {
    if (t.taxMinor === 0n && t.ratePercent === '0') continue;
    totals.push({ label: `Tax 税 ${t.ratePercent}% on ${fmt(t.netMinor)}`, value: fmt(t.taxMinor) });
  }
  totals.push({ label: 'Total 合计', value: fmt(p.totalMinor), strong: true });
  for (const row of p.afterTotal) totals.push({ label: row.label, value: fmt(row.minor), strong: row.strong });
  for (const row of totals) {
    if (y + 16 > BOTTOM) {
      doc.addPage();
      y = PAGE.margin;
    }
    doc.font(row.strong ? 'bold' : 'regular').fontSize(row.strong ? 10.5 : 9).fillColor('black');
    doc.text(row.label, 250, y, { width: 190, align: 'right' });
    doc.text(row.value, 445, y, { width: RIGHT - 445, align: 'right' });
    y += row.strong ? 18 : 14;
  }

  // Notes and terms.
  for (const [label, text] of [
    ['Notes 备注', p.notes],
    ['Terms 条款', p.terms],
  ] as const) {
    if (!text.trim()) continue;
    doc.font('regular').fontSize(9);
    const height = doc.heightOfString(text, { width: RIGHT - PAGE.margin }) + 16;
    if (y + 20 + Math.min(height, 60) > BOTTOM) {
      doc.addPage();
      y = PAGE.margin;
    } else {
      y += 14;
    }
    doc.font('bold').fontSize(9).fillColor(GREY).text(label, PAGE.margin, y);
    doc.font('regular').fontSize(9).fillColor('black').text(text, { width: RIGHT - PAGE.margin });
    y = doc.y;
  }

  if (p.stamp) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.save();
      doc.rotate(-30, { origin: [PAGE.width / 2, PAGE.height / 2] });
      doc.font('bold').fontSize(72).fillColor('#b00020').fillOpacity(0.18);
      doc.text(p.stamp, 0, PAGE.height / 2 - 40, { width: PAGE.width, align: 'center', lineBreak: false });
      doc.restore();
    }
  }

  doc.end();
  return done;
}
