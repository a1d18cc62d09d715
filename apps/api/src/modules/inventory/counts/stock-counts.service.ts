import { Injectable } from '@nestjs/common';
import { DomainError, notFound, validationFailed, type FieldError } from '../../../common/errors';
import { moneyDto } from '../../../common/money.dto';
import { decodeCursor, pageOf } from '../../../common/pagination';
import { Db, TenantTx } from '../../../db/db';
import type { BusinessAccess } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { ProductsRepository } from '../../catalog/products/products.repository';
import { LedgerService } from '../../ledger/ledger.service';
import { LocationsRepository } from '../locations.repository';
import { qtyText, toQty } from '../quantity';
import { StockService } from '../stock.service';
import { decodeNameCursor, encodeNameCursor } from '../name-cursor';
import type {
  CreateStockCountDto,
  PostStockCountDto,
  ScanDto,
  ScanResultDto,
  StockCountDto,
  StockCountLineDto,
  StockCountLinePageDto,
  StockCountLineQueryDto,
  StockCountListQueryDto,
  StockCountPageDto,
  UpdateCountLinesDto,
} from './stock-counts.dto';
import { CountLineRow, CountRow, CountSummaryRow, StockCountsRepository } from './stock-counts.repository';

const notDraft = (c: CountRow) =>
  new DomainError('CONFLICT', `Count #${c.number} is ${c.status === 'posted' ? 'already posted' : 'cancelled'} and can no longer change`);

/**
 * Stock counts: a draft copies the books of a location (the snapshot), people enter what they
 * count (typed or scanned), review the differences, and post them as one 'count' operation.
 *
 * Movements between the snapshot and posting (a sale during the count) are "drift". Posting sets
 * each counted product to what was counted: it books counted minus the books at posting, not
 * counted minus the snapshot, because a count says what is on the shelf, whatever happened
 * before. Drift is shown per line and posting with drift must be confirmed (`acceptDrift`), so a
 * sale the counters did or did not see is a decision, not a surprise.
 */
@Injectable()
export class StockCountsService {
  constructor(
    private readonly db: Db,
    private readonly repo: StockCountsRepository,
    private readonly stock: StockService,
    private readonly locations: LocationsRepository,
    private readonly products: ProductsRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  create(a: BusinessAccess, dto: CreateStockCountDto): Promise<StockCountDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const location = await this.locations.get(t, dto.locationId);
      if (!location) throw validationFailed([{ field: 'locationId', code: 'not_found', message: 'no such location' }]);
      if (location.archivedAt) throw validationFailed([{ field: 'locationId', code: 'archived', message: `${location.name} is archived` }]);
      const productIds = dto.productIds ? [...new Set(dto.productIds)] : undefined;
      const id = await this.repo.insert(t, {
        number: await this.repo.nextNumber(t),
        locationId: dto.locationId,
        scope: productIds || dto.q ? 'partial' : 'all',
        note: dto.note ? dto.note : null,
        createdBy: a.userId,
      });
      const added = await this.repo.snapshotLines(t, id, dto.locationId, { productIds, q: dto.q });
      if (productIds && added < productIds.length) {
        throw validationFailed([{ field: 'productIds', code: 'not_stocked', message: 'includes products that do not track stock or do not exist' }]);
      }
      if (added === 0) {
        throw validationFailed([
          dto.q
            ? { field: 'q', code: 'no_match', message: 'matches no product that tracks stock' }
            : { field: 'locationId', code: 'nothing_to_count', message: 'no product tracks stock yet; add products first' },
        ]);
      }
      return this.present(t, id);
    });
  }

  list(a: BusinessAccess, q: StockCountListQueryDto): Promise<StockCountPageDto> {
    const limit = q.limit ?? 25;
    return this.db.tenant(a.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const page = pageOf(await this.repo.list(t, { status: q.status, locationId: q.locationId, after: decodeCursor(q.cursor), limit }), limit);
      const summaries = await this.repo.summaries(t, page.items.map((c) => c.id));
      return { items: page.items.map((c) => presentCount(c, summaries.get(c.id), base)), nextCursor: page.nextCursor };
    });
  }

  get(a: BusinessAccess, id: string): Promise<StockCountDto> {
    return this.db.tenant(a.businessId, (t) => this.present(t, id));
  }

  lines(a: BusinessAccess, id: string, q: StockCountLineQueryDto): Promise<StockCountLinePageDto> {
    const limit = q.limit ?? 50;
    return this.db.tenant(a.businessId, async (t) => {
      const c = await this.repo.get(t, id);
      if (!c) throw notFound('Stock count');
      const base = await this.ledger.baseCurrency(t);
      const rows = await this.repo.lines(t, id, {
        filter: q.filter,
        q: q.q,
        after: q.cursor ? decodeNameCursor(q.cursor) : null,
        limit,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => presentLine(c, r, base)),
        nextCursor: rows.length > limit && last ? encodeNameCursor(last.sortName, last.id) : null,
      };
    });
  }

  /** Sets what was counted on some lines (null: not counted); every line must belong to the count. */
  updateLines(a: BusinessAccess, id: string, dto: UpdateCountLinesDto): Promise<{ items: StockCountLineDto[] }> {
    return this.db.tenant(a.businessId, async (t) => {
      const c = await this.draft(t, id);
      const ids = dto.lines.map((l) => l.lineId);
      const known = await this.repo.lineIds(t, id, ids);
      const problems: FieldError[] = [];
      dto.lines.forEach((l, n) => {
        if (!known.has(l.lineId)) problems.push({ field: `lines.${n}.lineId`, code: 'not_found', message: 'is not a line of this count' });
      });
      if (problems.length > 0) throw validationFailed(problems);
      // The last entry for a line wins, as when a person corrects a cell twice.
      const latest = new Map(dto.lines.map((l) => [l.lineId, l.countedQuantity === null ? null : toQty(l.countedQuantity)]));
      await this.repo.setCounted(t, id, [...latest].map(([lineId, counted]) => ({ lineId, counted })), a.userId);
      await this.repo.touch(t, id);
      const base = await this.ledger.baseCurrency(t);
      return { items: (await this.repo.lines(t, id, { ids: [...latest.keys()] })).map((r) => presentLine(c, r, base)) };
    });
  }

  /**
   * A scan (or a typed SKU): adds the quantity to the product's line. A product not in the count
   * yet joins it with the books of this moment as its expected quantity.
   */
  scan(a: BusinessAccess, id: string, dto: ScanDto): Promise<ScanResultDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const c = await this.draft(t, id);
      const product = await this.products.getBySku(t, dto.code);
      if (!product) throw validationFailed([{ field: 'code', code: 'not_found', message: `no product has the SKU ${dto.code}` }]);
      if (!product.trackStock) throw validationFailed([{ field: 'code', code: 'not_stocked', message: `${product.name} does not track stock` }]);
      const quantity = toQty(dto.quantity ?? '1');
      if (quantity <= 0n) throw validationFailed([{ field: 'quantity', code: 'min', message: 'must be more than zero' }]);
      let [line] = await this.repo.lines(t, id, { productId: product.id });
      const added = !line;
      if (added) {
        await this.repo.snapshotLines(t, id, c.locationId, { productIds: [product.id] });
        [line] = await this.repo.lines(t, id, { productId: product.id });
      }
      await this.repo.addCounted(t, line.id, quantity, a.userId);
      await this.repo.touch(t, id);
      const [after] = await this.repo.lines(t, id, { ids: [line.id] });
      return { line: presentLine(c, after, await this.ledger.baseCurrency(t)), added };
    });
  }

  post(a: BusinessAccess, id: string, dto: PostStockCountDto): Promise<StockCountDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const c = await this.repo.get(t, id, { lock: true });
      if (!c) throw notFound('Stock count');
      // Posting twice (a retry, a second person) finds it done: the count is its own idempotency.
      if (c.status === 'posted') return this.present(t, id);
      if (c.status !== 'draft') throw notDraft(c);
      if (dto.uncounted === 'zero') await this.repo.zeroUncounted(t, id, a.userId);
      const counted = await this.repo.lines(t, id, { filter: 'counted' });
      if (counted.length === 0) {
        throw validationFailed([{ field: 'lines', code: 'nothing_counted', message: 'enter at least one counted quantity before posting' }]);
      }
      const drifted = counted.filter((l) => toQty(l.currentQuantity) !== toQty(l.expectedQuantity));
      if (drifted.length > 0 && !dto.acceptDrift) {
        throw new DomainError(
          'COUNT_DRIFT',
          `The books of ${drifted.length} counted product${drifted.length === 1 ? '' : 's'} changed since the count started; review them and confirm`,
          {
            fields: drifted.map((l) => ({
              field: `lines.${l.id}`,
              code: 'drift',
              message: `${l.sku}: the books moved by ${signed(toQty(l.currentQuantity) - toQty(l.expectedQuantity))} since the snapshot`,
            })),
          },
        );
      }
      const date = dto.date ?? (await this.ledger.today(t));
      let result;
      try {
        result = await this.stock.count(t, {
          eventKey: `stock-count:${id}`,
          date,
          description: `Stock count #${c.number} at ${c.locationCode}${c.note ? `: ${c.note}` : ''}`,
          sourceType: 'stock_count',
          sourceId: id,
          userId: a.userId,
          locationId: c.locationId,
          reason: 'count',
          lines: counted.map((l) => ({ productId: l.productId, countedQuantity: toQty(l.countedQuantity!), sourceLineId: l.id })),
        });
      } catch (e) {
        throw onLines(e, counted);
      }
      const byLine = new Map(result.movements.map((m) => [m.sourceLineId, m]));
      await this.repo.recordPosted(
        t,
        id,
        counted.map((l) => {
          const m = byLine.get(l.id);
          const countedQty = toQty(l.countedQuantity!);
          return { lineId: l.id, book: countedQty - (m?.quantity ?? 0n), posted: m?.quantity ?? 0n, valueMinor: m?.valueMinor ?? 0n };
        }),
      );
      await this.repo.markPosted(t, id, { date, operationId: result.operationId, userId: a.userId });
      await this.audit.record(t, {
        action: 'stock_count.posted',
        actorUserId: a.userId,
        targetType: 'stock_count',
        targetId: id,
        details: {
          number: c.number,
          location: c.locationCode,
          lines: counted.length,
          adjusted: result.movements.length,
          drifted: drifted.length,
          value: result.movements.reduce((s, m) => s + m.valueMinor, 0n).toString(),
        },
      });
      return this.present(t, id);
    });
  }

  cancel(a: BusinessAccess, id: string): Promise<StockCountDto> {
    return this.db.tenant(a.businessId, async (t) => {
      const c = await this.draft(t, id);
      await this.repo.markCancelled(t, id, a.userId);
      await this.audit.record(t, {
        action: 'stock_count.cancelled',
        actorUserId: a.userId,
        targetType: 'stock_count',
        targetId: id,
        details: { number: c.number, location: c.locationCode },
      });
      return this.present(t, id);
    });
  }

  private async draft(t: TenantTx, id: string): Promise<CountRow> {
    const c = await this.repo.get(t, id, { lock: true });
    if (!c) throw notFound('Stock count');
    if (c.status !== 'draft') throw notDraft(c);
    return c;
  }

  private async present(t: TenantTx, id: string): Promise<StockCountDto> {
    const c = await this.repo.get(t, id);
    if (!c) throw notFound('Stock count');
    const summaries = await this.repo.summaries(t, [id]);
    return presentCount(c, summaries.get(id), await this.ledger.baseCurrency(t));
  }
}

function signed(q: bigint): string {
  return q > 0n ? `+${qtyText(q)}` : qtyText(q);
}

/** The engine names lines by position (lines.3.productId); the count's client knows them by line id. */
function onLines(e: unknown, lines: CountLineRow[]): unknown {
  if (!(e instanceof DomainError) || !e.extra.fields) return e;
  const fields = e.extra.fields.map((f) => {
    const m = /^lines\.(\d+)\.(\w+)$/.exec(f.field);
    const line = m ? lines[Number(m[1])] : undefined;
    return line ? { ...f, field: `lines.${line.id}.${m![2]}`, message: `${line.sku}: ${f.message}` } : f;
  });
  return new DomainError(e.code, fields.map((f) => `${f.field}: ${f.message}`).join('; '), { ...e.extra, fields });
}

function presentCount(c: Omit<CountRow, 'cursorAt'>, s: CountSummaryRow | undefined, base: string): StockCountDto {
  const lines = s?.lines ?? 0;
  const counted = s?.counted ?? 0;
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    scope: c.scope,
    location: { id: c.locationId, code: c.locationCode, name: c.locationName },
    note: c.note,
    snapshotAt: new Date(c.snapshotAt).toISOString(),
    createdAt: new Date(c.createdAt).toISOString(),
    countDate: c.countDate,
    postedAt: c.postedAt ? new Date(c.postedAt).toISOString() : null,
    cancelledAt: c.cancelledAt ? new Date(c.cancelledAt).toISOString() : null,
    operationId: c.operationId,
    summary: {
      lines,
      counted,
      uncounted: lines - counted,
      differences: s?.differences ?? 0,
      drifted: s?.drifted ?? 0,
      value: moneyDto(s?.valueMinor ?? '0', base),
    },
  };
}

function presentLine(c: CountRow, r: CountLineRow, base: string): StockCountLineDto {
  const expected = toQty(r.expectedQuantity);
  const counted = r.countedQuantity === null ? null : toQty(r.countedQuantity);
  const posted = c.status === 'posted';
  // Posted lines keep the books they were posted against; uncounted lines of a posted count were not posted.
  const book = posted && r.bookQuantity !== null ? toQty(r.bookQuantity) : posted ? expected : toQty(r.currentQuantity);
  let adjustment: bigint | null = null;
  let adjustmentValue: string | null = null;
  if (posted && r.postedQuantity !== null) {
    adjustment = toQty(r.postedQuantity);
    adjustmentValue = r.postedValueMinor;
  } else if (c.status === 'draft' && counted !== null) {
    adjustment = counted - book;
    adjustmentValue = r.estimatedValueMinor;
  }
  return {
    id: r.id,
    product: { id: r.productId, sku: r.sku, name: r.productName, unit: r.unit },
    expected: qtyText(expected),
    counted: counted === null ? null : qtyText(counted),
    difference: counted === null ? null : qtyText(counted - expected),
    book: qtyText(book),
    drift: qtyText(book - expected),
    adjustment: adjustment === null ? null : qtyText(adjustment),
    adjustmentValue: adjustmentValue === null ? null : moneyDto(adjustmentValue, base),
    unitCost: r.unitCostMinor === null ? null : moneyDto(r.unitCostMinor, base),
  };
}
