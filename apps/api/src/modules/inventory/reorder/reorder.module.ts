import { Module } from '@nestjs/common';
import { CatalogModule } from '../../catalog/catalog.module';
import { LedgerModule } from '../../ledger/ledger.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { InventoryModule } from '../inventory.module';
import { CheckReorderJob } from './jobs/check-reorder.job';
import { ReorderScanJob } from './jobs/reorder-scan.job';
import { ReorderController } from './reorder.controller';
import { ReorderRepository } from './reorder.repository';
import { ReorderService } from './reorder.service';

/**
 * Low stock: reorder rules, their notifications and reorder suggestions. Kept apart from
 * InventoryModule so that it can import the purchasing module (which itself imports inventory)
 * to provide PURCHASE_ORDER_DRAFTS without a cycle.
 */
@Module({
  imports: [InventoryModule, CatalogModule, LedgerModule, NotificationsModule],
  controllers: [ReorderController],
  providers: [ReorderService, ReorderRepository, CheckReorderJob, ReorderScanJob],
  exports: [ReorderService, CheckReorderJob, ReorderScanJob],
})
export class ReorderModule {}
