import { Injectable } from '@nestjs/common';
import { Db } from '../../../db/db';
import type { JobHandler } from '../../../jobs/job-handler';
import { JobQueues } from '../../../jobs/job-queues';
import { RecurringRepository } from '../recurring.repository';

const BATCH = 500;

/**
 * Repeatable: enqueues one 'recurring.generate' per template with a due occurrence; that job
 * also catches up the occurrences due after it. The job id names the template's next occurrence,
 * so a scan that runs twice (or overlaps) adds it once while it is queued; the generate job itself
 * is idempotent for the rest.
 */
@Injectable()
export class RecurringScanJob implements JobHandler<'recurring.scan'> {
  readonly job = 'recurring.scan' as const;

  constructor(
    private readonly db: Db,
    private readonly repo: RecurringRepository,
    private readonly queues: JobQueues,
  ) {}

  async handle(): Promise<void> {
    const due = await this.db.account(null, (tx) => this.repo.dueOccurrences(tx, BATCH));
    for (const d of due) {
      await this.queues.enqueue(
        'recurring.generate',
        { businessId: d.businessId, templateId: d.templateId, occurrenceDate: d.occurrenceDate },
        { jobId: `recurring-${d.templateId}-${d.occurrenceDate}` },
      );
    }
  }
}
