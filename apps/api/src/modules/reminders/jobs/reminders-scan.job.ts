import { Injectable } from '@nestjs/common';
import type { JobHandler } from '../../../jobs/job-handler';
import { RemindersService } from '../reminders.service';

/** Repeatable: sends the payment reminders due today; running it twice sends nothing new. */
@Injectable()
export class RemindersScanJob implements JobHandler<'reminders.scan'> {
  readonly job = 'reminders.scan' as const;

  constructor(private readonly reminders: RemindersService) {}

  async handle(): Promise<void> {
    await this.reminders.sendDue();
  }
}
