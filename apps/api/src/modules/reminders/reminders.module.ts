import { Module } from '@nestjs/common';
import { InvoiceDocumentsModule } from '../invoice-documents/invoice-documents.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { RemindersController } from './reminders.controller';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';

/** Payment reminders; the invoice's public link comes from the invoice documents module. */
@Module({
  imports: [InvoicesModule, InvoiceDocumentsModule],
  controllers: [RemindersController],
  providers: [RemindersService, RemindersRepository],
  exports: [RemindersService],
})
export class RemindersModule {}
