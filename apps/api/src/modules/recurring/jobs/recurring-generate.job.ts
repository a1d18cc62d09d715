import { Injectable } from '@nestjs/common';
import type { JobPayload } from '@keeper/jobs';
import { DomainError } from '../../../common/errors';
import type { JobHandler } from '../../../jobs/job-handler';
import { RecurringService } from '../recurring.service';

/** Generates one occurrence of a recurring invoice; safe to run twice or concurrently. */
@Injectable()
export class RecurringGenerateJob implements JobHandler<'recurring.generate'> {
  readonly job = 'recurring.generate' as const;

  constructor(private readonly recurring: RecurringService) {}

  async handle(p: JobPayload<'recurring.generate'>): Promise<void> {
    try {
      await this.recurring.generate(p.businessId, p.templateId, p.occurrenceDate);
    } catch (e) {
      // Retrying cannot fix refused data (archived customer, inactive product): pause and say why.
      if (e instanceof DomainError && e.status < 500) await this.recurring.pauseAfterFailure(p.businessId, p.templateId, e);
      else throw e;
    }
  }
}
