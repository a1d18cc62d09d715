import { Injectable } from '@nestjs/common';
import { currentRequestId } from '../../common/request-context';
import { TenantTx, Tx } from '../../db/db';

export type AuditAction =
  | 'business.created'
  | 'business.updated'
  | 'member.role_changed'
  | 'member.removed'
  | 'member.joined'
  | 'invitation.created'
  | 'invitation.revoked'
  | 'account.created'
  | 'account.updated'
  | 'journal.manual_posted'
  | 'journal.reversed'
  | 'tax_rate.created'
  | 'tax_rate.updated'
  | 'tax_rate.deactivated'
  | 'tax_rate.activated'
  | 'contacts.imported'
  | 'contact.deleted'
  | 'products.imported'
  | 'product.deleted'
  | 'invoice.issued'
  | 'invoice.voided'
  | 'invoice.sent'
  | 'payment.refunded'
  | 'credit_note.issued'
  | 'inventory.settings_updated'
  | 'location.created'
  | 'location.archived'
  | 'location.restored'
  | 'stock.adjusted'
  | 'recurring_invoice.created'
  | 'recurring_invoice.updated'
  | 'recurring_invoice.paused'
  | 'recurring_invoice.resumed'
  | 'recurring_invoice.deleted'
  | 'reminder_settings.updated'
  | 'reminder.sent'
  | 'stock_count.posted'
  | 'stock_count.cancelled'
  | 'reorder_suggestion.converted'
  | 'quote.sent'
  | 'quote.accepted'
  | 'quote.declined'
  | 'sales_order.confirmed'
  | 'sales_order.cancelled'
  | 'sales_order.shipped'
  | 'sales_order.invoiced'
  | 'purchase_order.ordered'
  | 'purchase_order.sent'
  | 'purchase_order.closed'
  | 'purchase_order.cancelled'
  | 'purchase_order.received'
  | 'bill.posted'
  | 'bill.voided'
  | 'bill_payment.recorded'
  | 'bill_payment.voided'
  | 'expense.recorded'
  | 'expense.voided'
  | 'expense.receipt_attached'
  | 'expense.receipt_removed'
  | 'consent.granted'
  | 'consent.renewed'
  | 'consent.narrowed'
  | 'consent.revoked'
  | 'consent.replaced'
  | 'consent.expired';

export type SecurityEventKind =
  | 'sign_up'
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_throttled'
  | 'sign_out'
  | 'password_confirmed'
  | 'password_confirm_failed';

/**
 * Append-only records: the runtime role may only INSERT and SELECT these tables, and a trigger
 * refuses UPDATE, DELETE and TRUNCATE for everyone.
 */
@Injectable()
export class AuditService {
  async record(
    t: TenantTx,
    e: { action: AuditAction; actorUserId: string | null; targetType?: string; targetId?: string; details?: object },
  ): Promise<void> {
    await t.query(
      `INSERT INTO audit_events (business_id, action, actor_user_id, actor_kind, target_type, target_id, details, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        t.businessId,
        e.action,
        e.actorUserId,
        e.actorUserId ? 'user' : 'system',
        e.targetType ?? null,
        e.targetId ?? null,
        e.details ?? {},
        currentRequestId(),
      ],
    );
  }

  async security(tx: Tx, e: { kind: SecurityEventKind; userId?: string | null; email?: string; ip?: string | null }) {
    await tx.query(
      `INSERT INTO security_events (kind, user_id, email, ip, request_id) VALUES ($1, $2, $3, $4, $5)`,
      [e.kind, e.userId ?? null, e.email ?? null, e.ip ?? null, currentRequestId()],
    );
  }
}
