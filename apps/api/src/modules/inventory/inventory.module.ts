import { forwardRef, Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { LedgerModule } from '../ledger/ledger.module';
import { InventoryController } from './inventory.controller';
import { InventoryService } from './inventory.service';
import { LocationsController } from './locations.controller';
import { LocationsRepository } from './locations.repository';
import { StockCountsController } from './counts/stock-counts.controller';
import { StockCountsRepository } from './counts/stock-counts.repository';
import { StockCountsService } from './counts/stock-counts.service';
import { StockReadsRepository } from './stock-reads.repository';
import { StockRepository } from './stock.repository';
import { StockService } from './stock.service';

/**
 * Locations, stock movements, valuation and reservations. Sales and purchasing move stock only
 * through StockService, inside their own transactions.
 */
@Module({
  // The catalog's product import posts opening stock through StockService, hence the cycle.
  imports: [LedgerModule, forwardRef(() => CatalogModule)],
  controllers: [LocationsController, InventoryController, StockCountsController],
  providers: [
    InventoryService,
    StockService,
    StockRepository,
    StockReadsRepository,
    LocationsRepository,
    StockCountsService,
    StockCountsRepository,
  ],
  exports: [StockService, LocationsRepository],
})
export class InventoryModule {}
