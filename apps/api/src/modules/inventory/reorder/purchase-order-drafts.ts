import type { TenantTx } from '../../../db/db';

/**
 * The seam between reorder suggestions and purchasing: "turns into a purchase order in one
 * click". The purchasing module provides it (token PURCHASE_ORDER_DRAFTS, e.g. an adapter over
 * PurchaseOrdersService.createDraft); until it does, suggestions cannot be converted and the
 * API says so (PURCHASE_ORDERS_UNAVAILABLE, `canConvert: false`).
 *
 * createDraft runs inside the caller's transaction, so the draft order and the converted
 * suggestion commit together.
 */
export interface PurchaseOrderDraftInput {
  supplierId: string;
  /** Where the goods are to be received. */
  locationId: string;
  lines: { productId: string; quantity: bigint }[];
  sourceType: 'reorder_suggestion';
  sourceId: string;
  userId: string;
}

export interface PurchaseOrderDrafts {
  createDraft(t: TenantTx, input: PurchaseOrderDraftInput): Promise<{ id: string; number: string | null }>;
}

export const PURCHASE_ORDER_DRAFTS = Symbol('PURCHASE_ORDER_DRAFTS');
