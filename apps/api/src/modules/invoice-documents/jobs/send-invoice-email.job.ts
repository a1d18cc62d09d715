import { Injectable, Logger } from '@nestjs/common';
import type { JobPayload } from '@keeper/jobs';
import { formatMoney, money } from '@keeper/money';
import { Db } from '../../../db/db';
import type { JobContext, JobHandler } from '../../../jobs/job-handler';
import { AuditService } from '../../audit/audit.service';
import { Mailer } from '../../mail/mailer';
import { OutboxService } from '../../outbox/outbox.service';
import { InvoiceDocumentsRepository } from '../invoice-documents.repository';
import { InvoicePdfService } from '../invoice-pdf.service';

/**
 * Emails an invoice with its PDF attached (rendered first if needed) and its public link. The send
 * row is locked and stamped in the same transaction, so a duplicate delivery sends nothing.
 */
@Injectable()
export class SendInvoiceEmailJob implements JobHandler<'invoice.send-email'> {
  readonly job = 'invoice.send-email' as const;
  private readonly log = new Logger('invoice-email');

  constructor(
    private readonly db: Db,
    private readonly pdfs: InvoicePdfService,
    private readonly documents: InvoiceDocumentsRepository,
    private readonly outbox: OutboxService,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
  ) {}

  async handle(p: JobPayload<'invoice.send-email'>, ctx: JobContext): Promise<void> {
    await this.db.tenant(p.businessId, async (t) => {
      const send = await this.documents.lockSend(t, p.sendId);
      if (send && !send.sentAt && send.invoiceId === p.invoiceId) {
        const printout = await this.pdfs.printout(t, p.invoiceId);
        if (!printout || printout.status === 'void') {
          // Voided after the request: a void invoice is never mailed as a bill.
          this.log.warn({ businessId: t.businessId, invoiceId: p.invoiceId }, 'invoice not sendable; email skipped');
        } else {
          const pdf = (await this.pdfs.ensureCurrent(t, p.invoiceId))!;
          const url = this.pdfs.publicUrl(p.invoiceId);
          const fmt = (minor: bigint, locale: string) => formatMoney(money(minor, printout.currency), locale);
          const business = printout.business.name;
          const message = send.message.trim() ? `${send.message.trim()}\n\n` : '';
          const en =
            `${business} has sent you invoice ${printout.number} for ${fmt(printout.totalMinor, 'en')}, ` +
            `due ${printout.dueDate}. Balance due: ${fmt(printout.balanceMinor, 'en')}.\n\n` +
            `View or download it online: ${url}\nThe invoice is also attached as a PDF.`;
          const zh =
            `${business} 向您发送了发票 ${printout.number}，金额 ${fmt(printout.totalMinor, 'zh-CN')}，` +
            `到期日 ${printout.dueDate}。应付余额：${fmt(printout.balanceMinor, 'zh-CN')}。\n\n` +
            `在线查看或下载：${url}\n发票 PDF 已作为附件附上。`;
          await this.mailer.send({
            to: send.toEmail,
            subject: `Invoice ${printout.number} from ${business} / ${business} 的发票 ${printout.number}`,
            text: `${message}${en}\n\n---\n\n${zh}\n`,
            attachments: [{ filename: `${printout.number}.pdf`, content: pdf.content, contentType: 'application/pdf' }],
          });
          await this.documents.markSent(t, send.id);
          await this.audit.record(t, {
            action: 'invoice.sent',
            actorUserId: send.requestedBy,
            targetType: 'invoice',
            targetId: p.invoiceId,
            details: { number: printout.number, sendId: send.id, to: send.toEmail },
          });
        }
      }
      if (ctx.outboxId) await this.outbox.markDone(t, ctx.outboxId);
    });
  }
}
