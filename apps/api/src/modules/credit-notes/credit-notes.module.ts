import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { LedgerModule } from '../ledger/ledger.module';
import { CreditNotesController } from './credit-notes.controller';
import { CreditNotesRepository } from './credit-notes.repository';
import { CreditNotesService } from './credit-notes.service';

/** Credit notes against issued invoices. */
@Module({
  imports: [LedgerModule, CatalogModule, InvoicesModule],
  controllers: [CreditNotesController],
  providers: [CreditNotesService, CreditNotesRepository],
})
export class CreditNotesModule {}
