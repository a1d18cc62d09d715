import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { AppConfig } from '../config/config';
import { AccessGuard } from '../modules/access/access.guard';
import { AuditController } from '../modules/audit/audit.controller';
import { BusinessesModule } from '../modules/businesses/businesses.module';
import { CatalogModule } from '../modules/catalog/catalog.module';
import { HealthController } from '../modules/health/health.controller';
import { IdempotencyInterceptor } from '../modules/idempotency/idempotency.interceptor';
import { IdentityModule } from '../modules/identity/identity.module';
import { InvoicesModule } from '../modules/invoices/invoices.module';
import { LedgerModule } from '../modules/ledger/ledger.module';
import { PaymentsModule } from '../modules/payments/payments.module';
import { CreditNotesModule } from '../modules/credit-notes/credit-notes.module';
import { ReportsModule } from '../modules/reports/reports.module';
import { InvoiceDocumentsModule } from '../modules/invoice-documents/invoice-documents.module';
import { RecurringModule } from '../modules/recurring/recurring.module';
import { RemindersModule } from '../modules/reminders/reminders.module';
import { InventoryModule } from '../modules/inventory/inventory.module';
import { ReorderModule } from '../modules/inventory/reorder/reorder.module';
import { NotificationsModule } from '../modules/notifications/notifications.module';
import { SalesModule } from '../modules/sales/sales.module';
import { PurchasingModule } from '../modules/purchasing/purchasing.module';
import { ConsentModule } from '../modules/consent/consent.module';
import { LenderConsoleModule } from '../modules/lender-console/lender-console.module';
import { CreditModule } from '../modules/credit/credit.module';
import { CoreModule } from './core.module';

/** The HTTP API. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config, 'api'), IdentityModule, BusinessesModule, LedgerModule, CatalogModule, InvoicesModule, ReportsModule, PaymentsModule, CreditNotesModule, InvoiceDocumentsModule, RecurringModule, RemindersModule, InventoryModule, NotificationsModule, ReorderModule, SalesModule, PurchasingModule, ConsentModule, LenderConsoleModule, CreditModule],
      controllers: [HealthController, AuditController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
