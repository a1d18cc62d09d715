import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { LedgerModule } from '../ledger/ledger.module';
import { InventoryController } from './inventory.controller';
import { InventoryService } from './inventory.service';
import { LocationsController } from './locations.controller';
import { LocationsRepository } from './locations.repository';
import { StockReadsRepository } from './stock-reads.repository';
import { StockRepository } from './stock.repository';
import { StockService } from './stock.service';

/**
 * Locations, stock movements, valuation and reservations. Sales and purchasing move stock only
 * through StockService, inside their own transactions.
 */
@Module({
  imports: [LedgerModule, CatalogModule],
  controllers: [LocationsController, InventoryController],
  providers: [InventoryService, StockService, StockRepository, StockReadsRepository, LocationsRepository],
  exports: [StockService, LocationsRepository],
})
export class InventoryModule {}
