import { Inject, Injectable, Logger } from '@nestjs/common';
import { computeTotals } from '@keeper/invoicing';
import { assertCurrency } from '@keeper/money';
import { createHash, createHmac } from 'node:crypto';
import { trimZeros } from '../../common/decimal';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TenantTx } from '../../db/db';
import { InvoicesRepository } from '../invoices/invoices.repository';
import { balanceOf } from '../invoices/invoices.service';
import { cjkFont } from './cjk-font';
import { InvoiceDocumentsRepository, StoredPdf } from './invoice-documents.repository';
import { renderInvoicePdf } from './invoice-pdf';
import { addressLines, InvoicePrintout, sourceKey } from './invoice-printout';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest();

/**
 * Renders and keeps invoice PDFs, and owns the public link's token. Used by the worker's jobs
 * (render, email) and by the API to serve what was rendered; the API never renders in a request.
 */
@Injectable()
export class InvoicePdfService {
  private readonly log = new Logger('invoice-pdf');

  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly documents: InvoiceDocumentsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The invoice's PDF as of its current state, rendering it first when none is stored or the
   * stored one shows an older state. Null for a draft (nothing to print) or an unknown invoice.
   */
  async ensureCurrent(t: TenantTx, invoiceId: string): Promise<(StoredPdf & { number: string }) | null> {
    await this.documents.lockRendering(t, invoiceId);
    const printout = await this.printout(t, invoiceId);
    if (!printout) return null;
    const key = sourceKey(printout);
    const stored = await this.documents.pdf(t, invoiceId, { content: true });
    if (stored?.sourceKey === key) return { ...stored, number: printout.number };

    const started = Date.now();
    const content = await renderInvoicePdf(printout, { regular: await cjkFont('regular'), bold: await cjkFont('bold') });
    const pdf = { content, sha256: createHash('sha256').update(content).digest(), size: content.length, sourceKey: key };
    await this.documents.savePdf(t, invoiceId, pdf);
    await this.registerLink(t, invoiceId);
    this.log.log({ businessId: t.businessId, invoiceId, bytes: pdf.size, ms: Date.now() - started }, 'invoice pdf rendered');
    return { ...pdf, renderedAt: new Date(), number: printout.number };
  }

  /** Null for drafts and unknown invoices: only issued documents are printed. */
  async printout(t: TenantTx, invoiceId: string): Promise<InvoicePrintout | null> {
    const inv = await this.invoices.get(t, invoiceId);
    if (!inv || inv.status === 'draft' || !inv.number) return null;
    const [lines, header] = [await this.invoices.lines(t, invoiceId), await this.documents.printHeader(t, inv.contactId)];
    const currency = assertCurrency(inv.currency);
    const totals = computeTotals({
      currency,
      pricesIncludeTax: inv.pricesIncludeTax,
      taxRounding: inv.taxRounding,
      lines: lines.map((l) => ({ ...l, unitPriceMinor: BigInt(l.unitPriceMinor) })),
    });
    return {
      business: sellerOf(header.business),
      number: inv.number,
      status: inv.status,
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      currency,
      pricesIncludeTax: inv.pricesIncludeTax,
      customer: { name: inv.contactName, taxId: header.taxId, address: addressLines(header.billingAddress) },
      lines: lines.map((l) => ({
        description: l.description,
        quantity: trimZeros(l.quantity),
        unitPriceMinor: BigInt(l.unitPriceMinor),
        discountPercent: trimZeros(l.discountPercent),
        taxRatePercent: trimZeros(l.taxRatePercent),
        totalMinor: BigInt(l.totalMinor),
      })),
      taxes: totals.taxes,
      subtotalMinor: BigInt(inv.subtotalMinor),
      discountMinor: BigInt(inv.discountMinor),
      taxMinor: BigInt(inv.taxMinor),
      totalMinor: BigInt(inv.totalMinor),
      paidMinor: BigInt(inv.paidMinor),
      creditedMinor: BigInt(inv.creditedMinor),
      // Nothing is owed on a void invoice, whatever its printed total.
      balanceMinor: inv.status === 'void' ? 0n : balanceOf(inv),
      notes: inv.notes,
      terms: inv.terms,
    };
  }

  /**
   * The link token is an HMAC of the invoice id under APP_SECRET: unguessable, rebuildable by the
   * email job without ever being stored or queued; only its SHA-256 is kept, for lookup.
   */
  tokenFor(invoiceId: string): string {
    return createHmac('sha256', this.config.APP_SECRET).update(`invoice:${invoiceId}`).digest('base64url');
  }

  publicUrl(invoiceId: string): string {
    return new URL(`/i/${this.tokenFor(invoiceId)}`, this.config.WEB_ORIGIN).toString();
  }

  /** Makes the invoice's link resolvable; called whenever the link is handed to anyone. */
  registerLink(t: TenantTx, invoiceId: string): Promise<void> {
    return this.documents.registerLink(t, invoiceId, tokenHash(this.tokenFor(invoiceId)));
  }
}

/** The seller as printed: the business profile's address as lines, the country apart (a code). */
export function sellerOf(
  b: { name: string; country: string | null; taxId: string | null; email: string | null; phone: string | null } & Parameters<typeof addressLines>[0],
): InvoicePrintout['business'] {
  return { name: b.name, country: b.country, address: addressLines({ ...b, country: undefined }), taxId: b.taxId, email: b.email, phone: b.phone };
}
