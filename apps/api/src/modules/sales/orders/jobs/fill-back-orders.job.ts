import { Injectable } from '@nestjs/common';
import type { JobPayload } from '@keeper/jobs';
import { Db } from '../../../../db/db';
import type { JobContext, JobHandler } from '../../../../jobs/job-handler';
import { OutboxService } from '../../../outbox/outbox.service';
import { SalesOrdersService } from '../sales-orders.service';

/**
 * When stock arrives (the inventory engine writes 'stock.arrived' with the movement), confirmed
 * orders waiting for that product at that location reserve it, oldest order first. Each order is
 * its own transaction, so the outbox row is marked done after them; a repeat only tops up
 * reservations to what lines still need, so running twice changes nothing more.
 */
@Injectable()
export class FillBackOrdersJob implements JobHandler<'stock.arrived'> {
  readonly job = 'stock.arrived' as const;

  constructor(
    private readonly db: Db,
    private readonly orders: SalesOrdersService,
    private readonly outbox: OutboxService,
  ) {}

  async handle(p: JobPayload<'stock.arrived'>, ctx: JobContext): Promise<void> {
    await this.orders.fillBackOrders(p.businessId, p.productId, p.locationId);
    if (ctx.outboxId) await this.db.tenant(p.businessId, (t) => this.outbox.markDone(t, ctx.outboxId!));
  }
}
