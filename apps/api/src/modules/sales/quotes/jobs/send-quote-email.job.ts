import { Injectable, Logger } from '@nestjs/common';
import type { JobPayload } from '@keeper/jobs';
import { assertCurrency, formatMoney, money } from '@keeper/money';
import { Db } from '../../../../db/db';
import type { JobContext, JobHandler } from '../../../../jobs/job-handler';
import { AuditService } from '../../../audit/audit.service';
import { Mailer } from '../../../mail/mailer';
import { OutboxService } from '../../../outbox/outbox.service';
import { QuoteDocuments } from '../quote-documents';
import { QuotesRepository } from '../quotes.repository';

/**
 * Emails a quote with its PDF attached (rendered here, in the worker) and its public link. The
 * send row is locked and stamped in the same transaction, so a duplicate delivery sends nothing.
 */
@Injectable()
export class SendQuoteEmailJob implements JobHandler<'quote.send-email'> {
  readonly job = 'quote.send-email' as const;
  private readonly log = new Logger('quote-email');

  constructor(
    private readonly db: Db,
    private readonly quotes: QuotesRepository,
    private readonly documents: QuoteDocuments,
    private readonly outbox: OutboxService,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
  ) {}

  async handle(p: JobPayload<'quote.send-email'>, ctx: JobContext): Promise<void> {
    await this.db.tenant(p.businessId, async (t) => {
      const send = await this.quotes.lockSend(t, p.sendId);
      if (send && !send.sentAt && send.quoteId === p.quoteId) {
        const q = await this.quotes.get(t, p.quoteId);
        if (!q || q.status !== 'sent') {
          // Revised, declined or lapsed after the request: only an open quote is mailed as an offer.
          this.log.warn({ businessId: t.businessId, quoteId: p.quoteId, status: q?.status }, 'quote not open; email skipped');
        } else {
          const lines = await this.quotes.lines(t, q.id);
          const printable = await this.documents.printable(t, q, lines);
          const pdf = await this.documents.render(printable);
          const business = printable.business.name;
          const url = this.documents.publicUrl(q.id);
          const total = (locale: string) => formatMoney(money(BigInt(q.totalMinor), assertCurrency(q.currency)), locale);
          const message = send.message.trim() ? `${send.message.trim()}\n\n` : '';
          const en =
            `${business} has sent you quote ${q.number} for ${total('en')}, valid until ${q.validUntil}.\n\n` +
            `View it online: ${url}\nThe quote is also attached as a PDF. Reply to this email to accept it or to ask for changes.`;
          const zh =
            `${business} 向您发送了报价单 ${q.number}，金额 ${total('zh-CN')}，有效期至 ${q.validUntil}。\n\n` +
            `在线查看：${url}\n报价单 PDF 已作为附件附上。如需接受报价或修改，请直接回复此邮件。`;
          await this.mailer.send({
            to: send.toEmail,
            subject: `Quote ${q.number} from ${business} / ${business} 的报价单 ${q.number}`,
            text: `${message}${en}\n\n---\n\n${zh}\n`,
            attachments: [{ filename: `${q.number}.pdf`, content: pdf, contentType: 'application/pdf' }],
          });
          await this.quotes.markSendDone(t, send.id);
          await this.audit.record(t, {
            action: 'quote.sent',
            actorUserId: send.requestedBy,
            targetType: 'quote',
            targetId: q.id,
            details: { number: q.number, sendId: send.id, to: send.toEmail },
          });
        }
      }
      if (ctx.outboxId) await this.outbox.markDone(t, ctx.outboxId);
    });
  }
}
