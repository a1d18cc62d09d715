import { Inject, Injectable } from '@nestjs/common';
import { assertCurrency } from '@keeper/money';
import { createHash, createHmac } from 'node:crypto';
import { trimZeros } from '../../../common/decimal';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import type { TenantTx } from '../../../db/db';
import { taxBreakdown, type StoredLine } from '../../invoices/document-lines';
import { cjkFont } from '../../invoice-documents/cjk-font';
import { InvoiceDocumentsRepository } from '../../invoice-documents/invoice-documents.repository';
import { renderDocumentPdf, type PrintableDocument } from '../../invoice-documents/invoice-pdf';
import { addressLines } from '../../invoice-documents/invoice-printout';
import { sellerOf } from '../../invoice-documents/invoice-pdf.service';
import type { QuoteRow } from './quotes.repository';
import { QuotesRepository } from './quotes.repository';

export const quoteTokenHash = (token: string) => createHash('sha256').update(token).digest();

const STATUS_LABEL: Record<QuoteRow['status'], string> = {
  draft: 'Draft 草稿',
  sent: 'Open 有效',
  accepted: 'Accepted 已接受',
  declined: 'Declined 已拒绝',
  expired: 'Expired 已过期',
};

/**
 * What the customer gets of a quote: the public link (an HMAC of the quote id under APP_SECRET,
 * never stored; only its SHA-256 is kept for lookup) and the PDF, laid out like an invoice.
 */
@Injectable()
export class QuoteDocuments {
  constructor(
    private readonly quotes: QuotesRepository,
    private readonly documents: InvoiceDocumentsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  tokenFor(quoteId: string): string {
    return createHmac('sha256', this.config.APP_SECRET).update(`quote:${quoteId}`).digest('base64url');
  }

  publicUrl(quoteId: string): string {
    return new URL(`/q/${this.tokenFor(quoteId)}`, this.config.WEB_ORIGIN).toString();
  }

  /** Makes the quote's link resolvable; called whenever the link is handed to anyone. */
  registerLink(t: TenantTx, quoteId: string): Promise<void> {
    return this.quotes.registerLink(t, quoteId, quoteTokenHash(this.tokenFor(quoteId)));
  }

  async printable(t: TenantTx, q: QuoteRow, lines: readonly StoredLine[]): Promise<PrintableDocument> {
    const header = await this.documents.printHeader(t, q.contactId);
    const currency = assertCurrency(q.currency);
    const taxes = taxBreakdown(lines, { currency, pricesIncludeTax: q.pricesIncludeTax, taxRounding: q.taxRounding });
    return {
      title: 'QUOTE 报价单',
      infoTitle: `Quote ${q.number}`,
      business: sellerOf(header.business),
      facts: [
        { label: 'Quote no. 报价单号', value: q.number },
        { label: 'Date 日期', value: q.issueDate },
        { label: 'Valid until 有效期至', value: q.validUntil },
        { label: 'Status 状态', value: STATUS_LABEL[q.status], alert: q.status === 'expired' || q.status === 'declined' },
      ],
      partyLabel: 'Prepared for 客户',
      customer: { name: q.contactName, taxId: header.taxId, address: addressLines(header.billingAddress) },
      currency,
      pricesIncludeTax: q.pricesIncludeTax,
      lines: lines.map((l) => ({
        description: l.description,
        quantity: trimZeros(l.quantity),
        unitPriceMinor: BigInt(l.unitPriceMinor),
        discountPercent: trimZeros(l.discountPercent),
        taxRatePercent: trimZeros(l.taxRatePercent),
        totalMinor: BigInt(l.totalMinor),
      })),
      taxes: taxes.map((g) => ({ ratePercent: g.ratePercent, netMinor: BigInt(g.net.amountMinor), taxMinor: BigInt(g.tax.amountMinor) })),
      subtotalMinor: BigInt(q.subtotalMinor),
      discountMinor: BigInt(q.discountMinor),
      totalMinor: BigInt(q.totalMinor),
      afterTotal: [],
      notes: q.notes,
      terms: q.terms,
      stamp: q.status === 'expired' ? 'EXPIRED 已过期' : q.status === 'declined' ? 'DECLINED 已拒绝' : null,
    };
  }

  async render(doc: PrintableDocument): Promise<Buffer> {
    return renderDocumentPdf(doc, { regular: await cjkFont('regular'), bold: await cjkFont('bold') });
  }

  contactEmail(t: TenantTx, contactId: string): Promise<string | null> {
    return this.documents.printHeader(t, contactId).then((h) => h.email?.toLowerCase() ?? null);
  }
}
