import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { InventoryModule } from '../inventory/inventory.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { LedgerModule } from '../ledger/ledger.module';
import { BillPaymentsController } from './bill-payments/bill-payments.controller';
import { BillPaymentsRepository } from './bill-payments/bill-payments.repository';
import { BillPaymentsService } from './bill-payments/bill-payments.service';
import { BillsController } from './bills/bills.controller';
import { BillsRepository } from './bills/bills.repository';
import { BillsService } from './bills/bills.service';
import { ExpensesController, ReceiptBodyMiddleware } from './expenses/expenses.controller';
import { ExpensesRepository } from './expenses/expenses.repository';
import { ExpensesService } from './expenses/expenses.service';
import { SendPurchaseOrderEmailJob } from './purchase-orders/jobs/send-purchase-order-email.job';
import { PurchaseOrdersController } from './purchase-orders/purchase-orders.controller';
import { PurchaseOrdersRepository } from './purchase-orders/purchase-orders.repository';
import { PurchaseOrdersService } from './purchase-orders/purchase-orders.service';
import { PurchaseLookups } from './purchase-lookups';
import { PurchasingController } from './purchasing.controller';

/**
 * Purchasing: purchase orders and receipts into stock, supplier bills, payments to suppliers and
 * expenses. Stock moves only through the inventory module's StockService, and every posting goes
 * through LedgerService, inside the same transaction as the document.
 */
@Module({
  imports: [LedgerModule, CatalogModule, InventoryModule, InvoicesModule],
  controllers: [PurchaseOrdersController, BillsController, BillPaymentsController, ExpensesController, PurchasingController],
  providers: [
    PurchaseLookups,
    PurchaseOrdersService,
    PurchaseOrdersRepository,
    BillsService,
    BillsRepository,
    BillPaymentsService,
    BillPaymentsRepository,
    ExpensesService,
    ExpensesRepository,
    SendPurchaseOrderEmailJob,
  ],
  exports: [PurchaseOrdersService, SendPurchaseOrderEmailJob],
})
export class PurchasingModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(ReceiptBodyMiddleware).forRoutes({ path: 'businesses/:businessId/expenses/:expenseId/receipt', method: RequestMethod.PUT });
  }
}
