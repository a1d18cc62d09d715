import { Injectable } from '@nestjs/common';
import type { JobPayload } from '@keeper/jobs';
import { assertCurrency, formatMoney, money } from '@keeper/money';
import { trimZeros } from '../../../../common/decimal';
import { Db } from '../../../../db/db';
import type { JobContext, JobHandler } from '../../../../jobs/job-handler';
import { AuditService } from '../../../audit/audit.service';
import { Mailer } from '../../../mail/mailer';
import { OutboxService } from '../../../outbox/outbox.service';
import { PurchaseOrdersRepository } from '../purchase-orders.repository';

/**
 * Emails a purchase order to its supplier as plain text (English, then Chinese). The send row is
 * locked and stamped in the same transaction, so a duplicate delivery sends nothing.
 */
@Injectable()
export class SendPurchaseOrderEmailJob implements JobHandler<'purchase-order.send-email'> {
  readonly job = 'purchase-order.send-email' as const;

  constructor(
    private readonly db: Db,
    private readonly orders: PurchaseOrdersRepository,
    private readonly outbox: OutboxService,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
  ) {}

  async handle(p: JobPayload<'purchase-order.send-email'>, ctx: JobContext): Promise<void> {
    await this.db.tenant(p.businessId, async (t) => {
      const send = await this.orders.lockSend(t, p.sendId);
      const order = await this.orders.get(t, p.purchaseOrderId);
      if (send && !send.sentAt && send.purchaseOrderId === p.purchaseOrderId && order && order.status !== 'cancelled') {
        const [business] = await t.query<{ name: string }>(`SELECT name FROM businesses WHERE id = $1`, [t.businessId]);
        const currency = assertCurrency(order.currency);
        const fmt = (minor: string, locale: string) => formatMoney(money(BigInt(minor), currency), locale);
        const lines = (await this.orders.lines(t, order.id)).map(
          (l) => `  ${trimZeros(l.quantity)} × ${l.description}${l.productSku ? ` [${l.productSku}]` : ''} @ ${fmt(l.unitCostMinor, 'en')} = ${fmt(l.netMinor, 'en')}`,
        );
        const message = send.message.trim() ? `${send.message.trim()}\n\n` : '';
        const expected = order.expectedDate ? `Please deliver by ${order.expectedDate}.\n` : '';
        const en =
          `${business.name} orders the following (purchase order ${order.number}, dated ${order.orderDate}):\n\n` +
          `${lines.join('\n')}\n\nSubtotal: ${fmt(order.subtotalMinor, 'en')}\nTax: ${fmt(order.taxMinor, 'en')}\n` +
          `Total: ${fmt(order.totalMinor, 'en')}\n\n${expected}Deliver to: ${order.locationName}\n` +
          (order.notes ? `\n${order.notes}\n` : '') +
          `\nPlease quote ${order.number} on your delivery note and bill.`;
        const zh =
          `${business.name} 向您订购以下货品（采购订单 ${order.number}，日期 ${order.orderDate}）：\n\n${lines.join('\n')}\n\n` +
          `合计：${fmt(order.totalMinor, 'zh-CN')}（税额 ${fmt(order.taxMinor, 'zh-CN')}）\n` +
          (order.expectedDate ? `请于 ${order.expectedDate} 前送达。\n` : '') +
          `送货地点：${order.locationName}\n请在送货单和账单上注明 ${order.number}。`;
        await this.mailer.send({
          to: send.toEmail,
          subject: `Purchase order ${order.number} from ${business.name} / ${business.name} 的采购订单 ${order.number}`,
          text: `${message}${en}\n\n---\n\n${zh}\n`,
        });
        await this.orders.markSent(t, send.id);
        await this.audit.record(t, {
          action: 'purchase_order.sent',
          actorUserId: send.requestedBy,
          targetType: 'purchase_order',
          targetId: order.id,
          details: { number: order.number, sendId: send.id, to: send.toEmail },
        });
      }
      if (ctx.outboxId) await this.outbox.markDone(t, ctx.outboxId);
    });
  }
}
