import { Injectable } from '@nestjs/common';
import { Db, TenantTx } from '../../db/db';
import { DomainError, notFound, validationFailed } from '../../common/errors';
import { moneyDto } from '../../common/money.dto';
import { OutboxService } from '../outbox/outbox.service';
import type { BusinessAccess } from '../access/principal';
import { InvoicesRepository } from '../invoices/invoices.repository';
import type { PublicInvoiceDto, PublicLinkDto, SendInvoiceDto, InvoiceSendDto } from './dto/invoice-documents.dto';
import { InvoiceDocumentsRepository } from './invoice-documents.repository';
import { InvoicePdfService, tokenHash } from './invoice-pdf.service';
import { sourceKey } from './invoice-printout';

export interface PdfFile {
  filename: string;
  content: Buffer;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const notReady = () =>
  new DomainError('PDF_NOT_READY', 'The PDF is being prepared; try again in a few seconds', { retryAfterSeconds: 2 });
const ready = (pdf: PdfFile | null): PdfFile => {
  if (!pdf) throw notReady();
  return pdf;
};
const notIssued = () => new DomainError('CONFLICT', 'Issue the invoice first: drafts have no PDF, link or email');

/**
 * What the customer gets: the stored PDF, the public link and the email. Requests only read what
 * the worker rendered; when nothing current is stored they queue a render and answer 202.
 */
@Injectable()
export class InvoiceDocumentsService {
  constructor(
    private readonly db: Db,
    private readonly invoices: InvoicesRepository,
    private readonly documents: InvoiceDocumentsRepository,
    private readonly pdfs: InvoicePdfService,
    private readonly outbox: OutboxService,
  ) {}

  async pdf(access: BusinessAccess, invoiceId: string): Promise<PdfFile> {
    return ready(await this.db.tenant(access.businessId, (t) => this.storedPdf(t, invoiceId)));
  }

  publicLink(access: BusinessAccess, invoiceId: string): Promise<PublicLinkDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const inv = await this.invoices.get(t, invoiceId);
      if (!inv) throw notFound('Invoice');
      if (inv.status === 'draft') throw notIssued();
      await this.pdfs.registerLink(t, invoiceId);
      return { url: this.pdfs.publicUrl(invoiceId) };
    });
  }

  send(access: BusinessAccess, invoiceId: string, dto: SendInvoiceDto): Promise<InvoiceSendDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const inv = await this.invoices.get(t, invoiceId);
      if (!inv) throw notFound('Invoice');
      if (inv.status === 'draft') throw notIssued();
      if (inv.status === 'void') throw new DomainError('CONFLICT', `Invoice ${inv.number} is void; it cannot be sent`);
      const to = dto.to ?? (await this.documents.printHeader(t, inv.contactId)).email?.toLowerCase();
      if (!to) {
        throw validationFailed([
          {
            field: 'to',
            code: 'required',
            message: `is required: ${inv.contactName} has no email address on file`,
            params: { variant: 'noEmail', customer: inv.contactName },
          },
        ]);
      }
      const send = await this.documents.insertSend(t, {
        invoiceId,
        toEmail: to,
        message: dto.message ?? '',
        requestedBy: access.userId,
      });
      await this.outbox.add(t, 'invoice.send-email', { businessId: t.businessId, invoiceId, sendId: send.id });
      return { id: send.id, to, status: 'queued', requestedAt: send.requestedAt };
    });
  }

  async publicView(token: string): Promise<PublicInvoiceDto> {
    const found = await this.find(token);
    return this.db.tenant(found.businessId, async (t) => {
      const p = await this.pdfs.printout(t, found.invoiceId);
      if (!p) throw notFound('Invoice');
      const m = (minor: bigint) => moneyDto(minor, p.currency);
      return {
        business: p.business,
        customer: { name: p.customer.name },
        number: p.number,
        issueDate: p.issueDate,
        dueDate: p.dueDate,
        status: p.status,
        currency: p.currency,
        pricesIncludeTax: p.pricesIncludeTax,
        lines: p.lines.map((l) => ({
          description: l.description,
          quantity: l.quantity,
          unitPrice: m(l.unitPriceMinor),
          discountPercent: l.discountPercent,
          taxRatePercent: l.taxRatePercent,
          total: m(l.totalMinor),
        })),
        taxes: p.taxes.map((g) => ({ ratePercent: g.ratePercent, net: m(g.netMinor), tax: m(g.taxMinor) })),
        subtotal: m(p.subtotalMinor),
        discount: m(p.discountMinor),
        tax: m(p.taxMinor),
        total: m(p.totalMinor),
        paid: m(p.paidMinor),
        credited: m(p.creditedMinor),
        balance: m(p.balanceMinor),
      };
    });
  }

  async publicPdf(token: string): Promise<PdfFile> {
    const found = await this.find(token);
    return ready(await this.db.tenant(found.businessId, (t) => this.storedPdf(t, found.invoiceId)));
  }

  /**
   * The stored PDF when it shows the invoice's current state. Otherwise a render is queued (once)
   * and the caller gets 202 PDF_NOT_READY (after commit, so the queued render is kept): rendering
   * inside a request would let a burst of reads pin the API's CPU.
   */
  private async storedPdf(t: TenantTx, invoiceId: string): Promise<PdfFile | null> {
    const p = await this.pdfs.printout(t, invoiceId);
    if (!p) {
      if (await this.invoices.get(t, invoiceId)) throw notIssued();
      throw notFound('Invoice');
    }
    const stored = await this.documents.pdf(t, invoiceId, { content: true });
    if (stored && stored.sourceKey === sourceKey(p)) return { filename: `${p.number}.pdf`, content: stored.content };
    if (!(await this.documents.renderQueued(t, invoiceId))) {
      await this.outbox.add(t, 'invoice.render-pdf', { businessId: t.businessId, invoiceId });
    }
    return null;
  }

  private async find(token: string): Promise<{ businessId: string; invoiceId: string }> {
    if (!TOKEN.test(token)) throw notFound('Invoice');
    const found = await this.db.account(null, (tx) => this.documents.findByTokenHash(tx, tokenHash(token)));
    if (!found) throw notFound('Invoice');
    return found;
  }
}
