import { Injectable } from '@nestjs/common';
import type { JobHandler } from '../../../jobs/job-handler';
import { ConsentService } from '../consent.service';

/**
 * Repeatable: records each grant whose time ran out (version, audit, outbox), exactly once even
 * when scans overlap. The grant already stopped working at its expires_at: every read compares it
 * with the clock; this records the fact and tells the owners.
 */
@Injectable()
export class ConsentExpiryScanJob implements JobHandler<'consent.expiry-scan'> {
  readonly job = 'consent.expiry-scan' as const;

  constructor(private readonly consent: ConsentService) {}

  async handle(): Promise<void> {
    await this.consent.expireDue();
  }
}
