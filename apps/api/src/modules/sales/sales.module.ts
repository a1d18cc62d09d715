import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { InventoryModule } from '../inventory/inventory.module';
import { InvoiceDocumentsModule } from '../invoice-documents/invoice-documents.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { LedgerModule } from '../ledger/ledger.module';
import { SalesFulfilmentService } from './orders/fulfilment.service';
import { FillBackOrdersJob } from './orders/jobs/fill-back-orders.job';
import { SalesOrdersController } from './orders/sales-orders.controller';
import { SalesOrdersRepository } from './orders/sales-orders.repository';
import { SalesOrdersService } from './orders/sales-orders.service';
import { SendQuoteEmailJob } from './quotes/jobs/send-quote-email.job';
import { QuoteDocuments } from './quotes/quote-documents';
import { PublicQuotesController, QuotesController } from './quotes/quotes.controller';
import { QuotesRepository } from './quotes/quotes.repository';
import { QuotesService } from './quotes/quotes.service';

/**
 * The sales flow before the invoice: quotes and sales orders, their shipments (through the
 * inventory engine) and invoicing what shipped (through InvoicesService). The worker's email job
 * and the back-order filler live in quotes/jobs and orders/jobs and are wired in WorkerModule.
 */
@Module({
  imports: [InvoicesModule, InvoiceDocumentsModule, InventoryModule, CatalogModule, LedgerModule],
  controllers: [QuotesController, PublicQuotesController, SalesOrdersController],
  providers: [
    QuotesService,
    QuotesRepository,
    QuoteDocuments,
    SendQuoteEmailJob,
    SalesOrdersService,
    SalesOrdersRepository,
    SalesFulfilmentService,
    FillBackOrdersJob,
  ],
  exports: [SendQuoteEmailJob, FillBackOrdersJob],
})
export class SalesModule {}
