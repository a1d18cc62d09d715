import { Injectable } from '@nestjs/common';
import type { TenantTx } from '../../../db/db';
import { PurchaseOrdersService } from '../../purchasing/purchase-orders/purchase-orders.service';
import { qtyText } from '../quantity';
import type { PurchaseOrderDraftInput, PurchaseOrderDrafts } from './purchase-order-drafts';

/**
 * Reorder suggestions become draft purchase orders through the purchasing module, in the caller's
 * transaction. The product's purchase cost prices each line; the owner reviews and places the
 * order from the purchase order page.
 */
@Injectable()
export class PurchaseOrderDraftsAdapter implements PurchaseOrderDrafts {
  constructor(private readonly orders: PurchaseOrdersService) {}

  async createDraft(t: TenantTx, input: PurchaseOrderDraftInput): Promise<{ id: string; number: string | null }> {
    const id = await this.orders.createDraft(
      t,
      {
        contactId: input.supplierId,
        locationId: input.locationId,
        notes: 'Drafted from a reorder suggestion',
        lines: input.lines.map((l) => ({ productId: l.productId, quantity: qtyText(l.quantity) })),
      },
      { userId: input.userId },
    );
    return { id, number: null };
  }
}
