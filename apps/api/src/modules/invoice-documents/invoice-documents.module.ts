import { Module } from '@nestjs/common';
import { InvoicesModule } from '../invoices/invoices.module';
import { InvoiceDocumentsController } from './invoice-documents.controller';
import { InvoiceDocumentsRepository } from './invoice-documents.repository';
import { InvoiceDocumentsService } from './invoice-documents.service';
import { InvoicePdfService } from './invoice-pdf.service';
import { RenderInvoicePdfJob } from './jobs/render-invoice-pdf.job';
import { SendInvoiceEmailJob } from './jobs/send-invoice-email.job';
import { PublicInvoicesController } from './public-invoices.controller';

/** Invoice PDFs (rendered by the worker, kept in PostgreSQL), public links and sending by email. */
@Module({
  imports: [InvoicesModule],
  controllers: [InvoiceDocumentsController, PublicInvoicesController],
  providers: [InvoiceDocumentsRepository, InvoicePdfService, InvoiceDocumentsService, RenderInvoicePdfJob, SendInvoiceEmailJob],
  exports: [RenderInvoicePdfJob, SendInvoiceEmailJob, InvoicePdfService, InvoiceDocumentsService, InvoiceDocumentsRepository],
})
export class InvoiceDocumentsModule {}
