import { Module } from '@nestjs/common';
import { CreditSignalsModule } from '../credit/credit-signals.module';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { JournalController } from './journal.controller';
import { JournalRepository } from './journal.repository';
import { JournalService } from './journal.service';
import { LedgerReportsController } from './ledger-reports.controller';
import { LedgerReportsRepository } from './ledger-reports.repository';
import { LedgerReportsService } from './ledger-reports.service';
import { LedgerService } from './ledger.service';

/** Chart of accounts, journal and ledger reports. Other modules post through LedgerService. */
@Module({
  imports: [CreditSignalsModule],
  controllers: [AccountsController, JournalController, LedgerReportsController],
  providers: [
    LedgerService,
    AccountsService,
    JournalService,
    LedgerReportsService,
    AccountsRepository,
    JournalRepository,
    LedgerReportsRepository,
  ],
  exports: [LedgerService, LedgerReportsService, AccountsRepository],
})
export class LedgerModule {}
