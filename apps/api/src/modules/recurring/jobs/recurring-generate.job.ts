import { Injectable } from '@nestjs/common';
import type { JobPayload } from '@keeper/jobs';
import { DomainError } from '../../../common/errors';
import type { JobHandler } from '../../../jobs/job-handler';
import { RecurringGenerator } from '../recurring-generator';

/**
 * Generates a template's due occurrence and catches up the ones due after it (bounded per run);
 * safe to run twice or concurrently.
 */
@Injectable()
export class RecurringGenerateJob implements JobHandler<'recurring.generate'> {
  readonly job = 'recurring.generate' as const;

  constructor(private readonly generator: RecurringGenerator) {}

  async handle(p: JobPayload<'recurring.generate'>): Promise<void> {
    try {
      await this.generator.generateDue(p.businessId, p.templateId, p.occurrenceDate);
    } catch (e) {
      // Retrying cannot fix refused data (archived customer, inactive product): pause and say why.
      // Occurrences generated before the refused one stay: each committed on its own.
      if (e instanceof DomainError && e.status < 500) await this.generator.pauseAfterFailure(p.businessId, p.templateId, e);
      else throw e;
    }
  }
}
