import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Read-only reports over the ledger and invoices: P&L, balance sheet, AR aging, cash received, dashboard. */
@Module({
  imports: [LedgerModule],
  controllers: [ReportsController, DashboardController],
  providers: [ReportsService, DashboardService, ReportsRepository],
})
export class ReportsModule {}
