import { Injectable } from '@nestjs/common';
import type { JobPayload } from '@keeper/jobs';
import { Db } from '../../../db/db';
import type { JobHandler } from '../../../jobs/job-handler';
import { CreditProfileService } from '../credit-profile.service';

/** Re-scores one business as of its new day; a second run on the same day finds the day's run recorded and does nothing. */
@Injectable()
export class CreditNightlyScoreJob implements JobHandler<'credit.nightly-score'> {
  readonly job = 'credit.nightly-score' as const;

  constructor(
    private readonly db: Db,
    private readonly profiles: CreditProfileService,
  ) {}

  async handle(p: JobPayload<'credit.nightly-score'>): Promise<void> {
    await this.db.tenant(p.businessId, (t) => this.profiles.nightly(t));
  }
}
