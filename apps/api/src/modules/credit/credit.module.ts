import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module';
import { IdentityModule } from '../identity/identity.module';
import { LedgerModule } from '../ledger/ledger.module';
import { CreditFactsRepository } from './credit-facts.repository';
import { CreditLenderController } from './credit-lender.controller';
import { CreditProfileService } from './credit-profile.service';
import { CreditProfilesRepository } from './credit-profiles.repository';
import { CreditSignalsModule } from './credit-signals.module';
import { CreditViewService } from './credit-view.service';
import { CreditController } from './credit.controller';
import { CreditNightlyScoreJob } from './jobs/credit-nightly-score.job';
import { CreditRecomputeJob } from './jobs/credit-recompute.job';

/**
 * Credit profiles: the features computed from the books, the score from the committed model, the
 * immutable snapshots, the owner's view and the lender's consented read. The jobs are wired in
 * WorkerModule (the nightly scan there too, as it needs the queues); what feeds them is
 * CreditSignals (CreditSignalsModule).
 */
@Module({
  // IdentityModule for the lender guard's organisation lookup.
  imports: [LedgerModule, ConsentModule, CreditSignalsModule, IdentityModule],
  controllers: [CreditController, CreditLenderController],
  providers: [
    CreditFactsRepository,
    CreditProfilesRepository,
    CreditProfileService,
    CreditViewService,
    CreditRecomputeJob,
    CreditNightlyScoreJob,
  ],
  exports: [CreditProfileService, CreditRecomputeJob, CreditNightlyScoreJob, ConsentModule],
})
export class CreditModule {}
