import { Injectable } from '@nestjs/common';
import type { JobHandler } from '../../../jobs/job-handler';
import { JobQueues } from '../../../jobs/job-queues';
import { ConsentService } from '../../consent/consent.service';

/**
 * Repeatable: queues a 'credit.nightly-score' for every business with a live consent grant. The
 * job id names the business and the hour, so overlapping scans add each once; the score job itself
 * runs at most once per day of the business (its run's unique key), so the first scan after the
 * business's midnight is the one that re-scores it.
 */
@Injectable()
export class CreditNightlyScanJob implements JobHandler<'credit.nightly-scan'> {
  readonly job = 'credit.nightly-scan' as const;

  constructor(
    private readonly consent: ConsentService,
    private readonly queues: JobQueues,
  ) {}

  async handle(): Promise<void> {
    const hour = new Date().toISOString().slice(0, 13);
    let after: string | null = null;
    for (;;) {
      const page = await this.consent.businessesWithActiveGrants(after, 1000);
      for (const businessId of page) {
        await this.queues.enqueue('credit.nightly-score', { businessId }, { jobId: `credit-nightly-${businessId}-${hour}` });
      }
      if (page.length < 1000) return;
      after = page[page.length - 1];
    }
  }
}
