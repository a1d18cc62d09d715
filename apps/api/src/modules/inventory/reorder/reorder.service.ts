import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DomainError, notFound, validationFailed, type FieldError } from '../../../common/errors';
import { moneyDto } from '../../../common/money.dto';
import { decodeCursor, pageOf } from '../../../common/pagination';
import { Db, TenantTx } from '../../../db/db';
import type { BusinessAccess } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { ContactsRepository } from '../../catalog/contacts/contacts.repository';
import { ProductsRepository } from '../../catalog/products/products.repository';
import { LedgerService } from '../../ledger/ledger.service';
import { NotificationsService } from '../../notifications/notifications.service';
import { LocationsRepository } from '../locations.repository';
import { decodeNameCursor, encodeNameCursor } from '../name-cursor';
import { ONE_UNIT, qtyText, toQty } from '../quantity';
import { valueAt } from '../valuation';
import { PURCHASE_ORDER_DRAFTS, type PurchaseOrderDrafts } from './purchase-order-drafts';
import type {
  ConvertedSuggestionDto,
  ConvertSuggestionDto,
  CreateReorderRuleDto,
  ReorderRuleDto,
  ReorderRulePageDto,
  ReorderRuleQueryDto,
  ReorderSuggestionDto,
  ReorderSuggestionPageDto,
  ReorderSuggestionQueryDto,
  UpdateReorderRuleDto,
} from './reorder.dto';
import { ReorderRepository, RuleRow, SuggestionRow } from './reorder.repository';

const SCAN_BATCH = 500;

const ruleExists = () =>
  new DomainError('REORDER_RULE_EXISTS', 'This product already has a reorder rule at this location; change that one instead', {
    fields: [{ field: 'productId', code: 'taken', message: 'already has a rule at this location' }],
  });

/**
 * Reorder rules per product and location, and what they raise. A rule is "low" when available
 * stock (on hand minus reserved) is at or below its reorder point. Each time it becomes low a
 * low-stock episode opens: exactly one in-app notification and one reorder suggestion. The episode
 * closes (the rule re-arms, an open suggestion is closed as "stock recovered") when available
 * rises above the point again.
 *
 * Evaluation happens in the rule's own transaction under a lock on the rule row: after a stock
 * operation (job 'stock.check-reorder' from the outbox), when a rule is saved, and on a schedule
 * ('stock.reorder-scan') for anything else that moves the state (a product deactivated, a job
 * lost). Running it twice changes nothing the second time.
 */
@Injectable()
export class ReorderService {
  private readonly log = new Logger('reorder');

  constructor(
    private readonly db: Db,
    private readonly repo: ReorderRepository,
    private readonly products: ProductsRepository,
    private readonly locations: LocationsRepository,
    private readonly contacts: ContactsRepository,
    private readonly notifications: NotificationsService,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    @Optional() @Inject(PURCHASE_ORDER_DRAFTS) private readonly purchaseOrders?: PurchaseOrderDrafts,
  ) {}

  // ---- rules ----

  listRules(a: BusinessAccess, q: ReorderRuleQueryDto): Promise<ReorderRulePageDto> {
    const limit = q.limit ?? 25;
    return this.db.tenant(a.businessId, async (t) => {
      const rows = await this.repo.rules(t, {
        locationId: q.locationId,
        productId: q.productId,
        q: q.q,
        lowOnly: q.state === 'low',
        after: q.cursor ? decodeNameCursor(q.cursor) : null,
        limit,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return { items: page.map(presentRule), nextCursor: rows.length > limit && last ? encodeNameCursor(last.sortName, last.id) : null };
    });
  }

  createRule(a: BusinessAccess, dto: CreateReorderRuleDto): Promise<ReorderRuleDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const problems: FieldError[] = [];
      const product = await this.products.get(t, dto.productId);
      if (!product) problems.push({ field: 'productId', code: 'not_found', message: 'no such product' });
      else if (!product.trackStock) problems.push({ field: 'productId', code: 'not_stocked', message: `${product.name} does not track stock` });
      const location = await this.locations.get(t, dto.locationId);
      if (!location) problems.push({ field: 'locationId', code: 'not_found', message: 'no such location' });
      else if (location.archivedAt) problems.push({ field: 'locationId', code: 'archived', message: `${location.name} is archived` });
      const values = await this.ruleValues(t, dto.reorderPoint, dto.reorderQuantity, dto.preferredSupplierId ?? null, problems);
      if (problems.length > 0) throw validationFailed(problems);
      const id = await this.repo.insertRule(t, { productId: dto.productId, locationId: dto.locationId, ...values! });
      if (!id) throw ruleExists();
      await this.evaluate(t, { ruleIds: [id] });
      return this.presentRule(t, id);
    });
  }

  updateRule(a: BusinessAccess, id: string, dto: UpdateReorderRuleDto): Promise<ReorderRuleDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const [locked] = await this.repo.lockRules(t, { ruleIds: [id] });
      if (!locked) throw notFound('Reorder rule');
      const before = (await this.repo.rule(t, id))!;
      const problems: FieldError[] = [];
      const values = await this.ruleValues(
        t,
        dto.reorderPoint ?? before.reorderPoint,
        dto.reorderQuantity ?? before.reorderQuantity,
        dto.preferredSupplierId !== undefined ? dto.preferredSupplierId : before.supplierId,
        problems,
      );
      if (problems.length > 0) throw validationFailed(problems);
      await this.repo.updateRule(t, id, values!);
      await this.repo.refreshOpenSuggestion(t, id, { quantity: values!.reorderQuantity, supplierId: values!.supplierId });
      await this.evaluate(t, { ruleIds: [id] });
      return this.presentRule(t, id);
    });
  }

  deleteRule(a: BusinessAccess, id: string): Promise<void> {
    return this.db.tenant(a.businessId, async (t) => {
      const [locked] = await this.repo.lockRules(t, { ruleIds: [id] });
      if (!locked) throw notFound('Reorder rule');
      await this.repo.closeOpenSuggestions(t, id, 'rule_removed', a.userId);
      await this.repo.deleteRule(t, id);
    });
  }

  private async ruleValues(t: TenantTx, point: string, quantity: string, supplierId: string | null, problems: FieldError[]) {
    const reorderPoint = toQty(point);
    const reorderQuantity = toQty(quantity);
    if (reorderQuantity <= 0n) problems.push({ field: 'reorderQuantity', code: 'min', message: 'must be more than zero' });
    if (supplierId) await this.checkSupplier(t, supplierId, 'preferredSupplierId', problems);
    return problems.length > 0 ? null : { reorderPoint, reorderQuantity, supplierId };
  }

  /** A contact one can order from: it exists, is a supplier (or both), and is not archived. */
  private async checkSupplier(t: TenantTx, supplierId: string, field: string, problems: FieldError[]): Promise<void> {
    const supplier = await this.contacts.get(t, supplierId);
    if (!supplier) problems.push({ field, code: 'not_found', message: 'no such contact' });
    else if (supplier.kind === 'customer') problems.push({ field, code: 'not_supplier', message: `${supplier.name} is not a supplier` });
    else if (supplier.archivedAt) problems.push({ field, code: 'archived', message: `${supplier.name} is archived` });
  }

  private async presentRule(t: TenantTx, id: string): Promise<ReorderRuleDto> {
    const row = await this.repo.rule(t, id);
    if (!row) throw notFound('Reorder rule');
    return presentRule(row);
  }

  // ---- evaluation ----

  /**
   * Opens and closes low-stock episodes: for the given rules, the rules watching the given
   * products at locations, or (neither) every rule out of step. Call inside a tenant transaction.
   */
  async evaluate(
    t: TenantTx,
    scope: { ruleIds?: string[]; pairs?: { productId: string; locationId: string }[] } = {},
  ): Promise<{ raised: number; recovered: number }> {
    const ids = await this.repo.lockRules(t, scope);
    let raised = 0;
    let recovered = 0;
    for (const r of await this.repo.rulesByIds(t, ids)) {
      const available = toQty(r.onHand) - toQty(r.reserved);
      const low = r.applies && available <= toQty(r.reorderPoint);
      if (low && !r.lowSince) {
        await this.openEpisode(t, r, available);
        raised++;
      } else if (!low && r.lowSince) {
        await this.repo.closeEpisode(t, r.id);
        await this.repo.closeOpenSuggestions(t, r.id, 'stock_recovered', null);
        recovered++;
      }
    }
    return { raised, recovered };
  }

  private async openEpisode(t: TenantTx, r: RuleRow, available: bigint): Promise<void> {
    const episode = r.episode + 1;
    await this.repo.openEpisode(t, r.id, episode);
    const suggestionId = await this.repo.insertSuggestion(t, {
      ruleId: r.id,
      episode,
      productId: r.productId,
      locationId: r.locationId,
      supplierId: r.supplierId,
      quantity: toQty(r.reorderQuantity),
      available,
      reorderPoint: toQty(r.reorderPoint),
    });
    await this.notifications.raise(t, {
      kind: 'low_stock',
      dedupeKey: `low_stock:${r.id}:${episode}`,
      params: {
        productId: r.productId,
        sku: r.sku,
        productName: r.productName,
        unit: r.unit,
        locationId: r.locationId,
        locationCode: r.locationCode,
        locationName: r.locationName,
        available: qtyText(available),
        reorderPoint: qtyText(toQty(r.reorderPoint)),
        reorderQuantity: qtyText(toQty(r.reorderQuantity)),
      },
      target: suggestionId ? { type: 'reorder_suggestion', id: suggestionId } : null,
    });
  }

  /** The 'stock.check-reorder' job: the rules watching what an operation moved. */
  checkPairs(businessId: string, pairs: { productId: string; locationId: string }[]) {
    return this.db.tenant(businessId, (t) => this.evaluate(t, { pairs }));
  }

  /** The scheduled scan: every business with a rule out of step, each in its own transaction. */
  async scan(): Promise<number> {
    const businesses = await this.db.account(null, (tx) => this.repo.businessesOutOfStep(tx, SCAN_BATCH));
    let changed = 0;
    let failed: Error | null = null;
    for (const businessId of businesses) {
      try {
        const r = await this.db.tenant(businessId, (t) => this.evaluate(t));
        changed += r.raised + r.recovered;
      } catch (e) {
        failed = e as Error;
        this.log.warn({ businessId, err: failed.message }, 'reorder evaluation failed');
      }
    }
    // One business's failure must not hold back the others; the job still fails so it shows and retries.
    if (failed) throw failed;
    return changed;
  }

  // ---- suggestions ----

  listSuggestions(a: BusinessAccess, q: ReorderSuggestionQueryDto): Promise<ReorderSuggestionPageDto> {
    const limit = q.limit ?? 25;
    return this.db.tenant(a.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const rows = await this.repo.suggestions(t, { status: q.status ?? 'open', locationId: q.locationId, after: decodeCursor(q.cursor), limit });
      const page = pageOf(rows, limit);
      return { items: page.items.map((r) => presentSuggestion(r, base)), nextCursor: page.nextCursor, canConvert: !!this.purchaseOrders };
    });
  }

  dismissSuggestion(a: BusinessAccess, id: string): Promise<ReorderSuggestionDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const g = await this.repo.suggestion(t, id, { lock: true });
      if (!g) throw notFound('Reorder suggestion');
      if (g.status === 'converted') throw new DomainError('CONFLICT', 'This suggestion already became a purchase order');
      if (g.status === 'open') await this.repo.dismiss(t, id, a.userId);
      return this.presentSuggestion(t, id);
    });
  }

  /** One click: the suggestion becomes a draft purchase order (through the purchasing module's port). */
  convertSuggestion(a: BusinessAccess, id: string, dto: ConvertSuggestionDto): Promise<ConvertedSuggestionDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const g = await this.repo.suggestion(t, id, { lock: true });
      if (!g) throw notFound('Reorder suggestion');
      if (g.status === 'converted') {
        // A repeated click finds the order it made.
        return { suggestion: presentSuggestion(g, await this.ledger.baseCurrency(t)), purchaseOrder: { id: g.purchaseOrderId!, number: null } };
      }
      if (g.status !== 'open') throw new DomainError('CONFLICT', 'This suggestion was dismissed; it can no longer become an order');
      if (!this.purchaseOrders) {
        throw new DomainError('PURCHASE_ORDERS_UNAVAILABLE', 'Purchase orders are not available yet, so suggestions cannot be converted');
      }
      const problems: FieldError[] = [];
      const supplierId = dto.supplierId ?? g.supplierId;
      if (!supplierId) problems.push({ field: 'supplierId', code: 'required', message: 'choose the supplier to order from' });
      else await this.checkSupplier(t, supplierId, 'supplierId', problems);
      const quantity = dto.quantity !== undefined ? toQty(dto.quantity) : toQty(g.quantity);
      if (quantity <= 0n) problems.push({ field: 'quantity', code: 'min', message: 'must be more than zero' });
      if (problems.length > 0) throw validationFailed(problems);
      const order = await this.purchaseOrders.createDraft(t, {
        supplierId: supplierId!,
        locationId: g.locationId,
        lines: [{ productId: g.productId, quantity }],
        sourceType: 'reorder_suggestion',
        sourceId: g.id,
        userId: a.userId,
      });
      await this.repo.markConverted(t, id, { purchaseOrderId: order.id, supplierId: supplierId!, quantity, userId: a.userId });
      await this.audit.record(t, {
        action: 'reorder_suggestion.converted',
        actorUserId: a.userId,
        targetType: 'reorder_suggestion',
        targetId: id,
        details: { purchaseOrderId: order.id, sku: g.sku, quantity: qtyText(quantity) },
      });
      return { suggestion: await this.presentSuggestion(t, id), purchaseOrder: order };
    });
  }

  private async presentSuggestion(t: TenantTx, id: string): Promise<ReorderSuggestionDto> {
    const row = await this.repo.suggestion(t, id);
    if (!row) throw notFound('Reorder suggestion');
    return presentSuggestion(row, await this.ledger.baseCurrency(t));
  }
}

function presentRule(r: RuleRow): ReorderRuleDto {
  const onHand = toQty(r.onHand);
  const reserved = toQty(r.reserved);
  return {
    id: r.id,
    product: { id: r.productId, sku: r.sku, name: r.productName, unit: r.unit },
    location: { id: r.locationId, code: r.locationCode, name: r.locationName },
    reorderPoint: qtyText(toQty(r.reorderPoint)),
    reorderQuantity: qtyText(toQty(r.reorderQuantity)),
    preferredSupplier: r.supplierId ? { id: r.supplierId, name: r.supplierName ?? '' } : null,
    onHand: qtyText(onHand),
    reserved: qtyText(reserved),
    available: qtyText(onHand - reserved),
    low: r.applies && onHand - reserved <= toQty(r.reorderPoint),
    alertedAt: r.lowSince ? new Date(r.lowSince).toISOString() : null,
  };
}

function presentSuggestion(r: Omit<SuggestionRow, 'cursorAt'>, base: string): ReorderSuggestionDto {
  const quantity = toQty(r.quantity);
  return {
    id: r.id,
    status: r.status,
    closedReason: r.closedReason,
    product: { id: r.productId, sku: r.sku, name: r.productName, unit: r.unit },
    location: { id: r.locationId, code: r.locationCode, name: r.locationName },
    supplier: r.supplierId ? { id: r.supplierId, name: r.supplierName ?? '' } : null,
    quantity: qtyText(quantity),
    availableAtAlert: qtyText(toQty(r.availableQuantity)),
    reorderPoint: qtyText(toQty(r.reorderPoint)),
    availableNow: qtyText(toQty(r.availableNow)),
    estimatedCost:
      r.purchaseCostMinor === null ? null : moneyDto(valueAt({ value: BigInt(r.purchaseCostMinor), quantity: ONE_UNIT }, quantity), base),
    ruleId: r.ruleId,
    purchaseOrderId: r.purchaseOrderId,
    createdAt: new Date(r.createdAt).toISOString(),
    closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null,
  };
}
