import { Module } from '@nestjs/common';
import { CatalogModule } from '../../catalog/catalog.module';
import { LedgerModule } from '../../ledger/ledger.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { InventoryModule } from '../inventory.module';
import { PurchasingModule } from '../../purchasing/purchasing.module';
import { PurchaseOrderDraftsAdapter } from './purchase-order-drafts.adapter';
import { PURCHASE_ORDER_DRAFTS } from './purchase-order-drafts';
import { CheckReorderJob } from './jobs/check-reorder.job';
import { ReorderScanJob } from './jobs/reorder-scan.job';
import { ReorderController } from './reorder.controller';
import { ReorderRepository } from './reorder.repository';
import { ReorderService } from './reorder.service';

/**
 * Low stock: reorder rules, their notifications and reorder suggestions. Kept apart from
 * InventoryModule so that it can import the purchasing module (which itself imports inventory)
 * and provide PURCHASE_ORDER_DRAFTS (suggestion → draft purchase order) without a cycle.
 */
@Module({
  imports: [InventoryModule, CatalogModule, LedgerModule, NotificationsModule, PurchasingModule],
  controllers: [ReorderController],
  providers: [
    ReorderService,
    ReorderRepository,
    CheckReorderJob,
    ReorderScanJob,
    { provide: PURCHASE_ORDER_DRAFTS, useClass: PurchaseOrderDraftsAdapter },
  ],
  exports: [ReorderService, CheckReorderJob, ReorderScanJob],
})
export class ReorderModule {}
