import { Module } from '@nestjs/common';
import { CreditSignalsModule } from '../credit/credit-signals.module';
import { IdentityModule } from '../identity/identity.module';
import { LedgerModule } from '../ledger/ledger.module';
import { AccessLogRepository } from './access-log.repository';
import { ConsentController } from './consent.controller';
import { ConsentGrantsService } from './consent-grants.service';
import { ConsentHistory } from './consent-history';
import { ConsentNotices } from './consent-notices';
import { ConsentRepository } from './consent.repository';
import { ConsentService } from './consent.service';
import { ConsentChangedJob } from './jobs/consent-changed.job';
import { ConsentExpiryScanJob } from './jobs/consent-expiry-scan.job';

/**
 * Consent: the owner's grants (HTTP) and ConsentService, the gate every read from outside a
 * business goes through. The jobs are wired in WorkerModule.
 */
@Module({
  // LedgerModule for the business's calendar today.
  imports: [IdentityModule, LedgerModule, CreditSignalsModule],
  controllers: [ConsentController],
  providers: [
    ConsentService,
    ConsentGrantsService,
    ConsentRepository,
    AccessLogRepository,
    ConsentHistory,
    ConsentNotices,
    ConsentChangedJob,
    ConsentExpiryScanJob,
  ],
  exports: [ConsentService, ConsentChangedJob, ConsentExpiryScanJob],
})
export class ConsentModule {}
