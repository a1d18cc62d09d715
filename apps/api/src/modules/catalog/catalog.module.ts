import { forwardRef, Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { LedgerModule } from '../ledger/ledger.module';
import { ContactsController } from './contacts/contacts.controller';
import { ContactsRepository } from './contacts/contacts.repository';
import { ContactsService } from './contacts/contacts.service';
import { ProductsController } from './products/products.controller';
import { ProductsRepository } from './products/products.repository';
import { ProductsService } from './products/products.service';
import { TaxRatesController } from './taxes/tax-rates.controller';
import { TaxRatesRepository } from './taxes/tax-rates.repository';
import { TaxRatesService } from './taxes/tax-rates.service';

/**
 * Contacts (customers and suppliers), products and services, and tax rates: what sales and
 * purchasing documents refer to. Other modules read these through the exported repositories.
 */
@Module({
  // Products import opening stock through StockService (InventoryModule imports this module too).
  imports: [forwardRef(() => InventoryModule), LedgerModule],
  controllers: [ContactsController, ProductsController, TaxRatesController],
  providers: [ContactsService, ContactsRepository, ProductsService, ProductsRepository, TaxRatesService, TaxRatesRepository],
  exports: [ContactsRepository, ProductsRepository, TaxRatesRepository],
})
export class CatalogModule {}
