import { Injectable } from '@nestjs/common';
import type { JobHandler } from '../../../../jobs/job-handler';
import { ReorderService } from '../reorder.service';

/** Repeatable: re-evaluates every reorder rule whose low/not-low state no longer matches its stock. */
@Injectable()
export class ReorderScanJob implements JobHandler<'stock.reorder-scan'> {
  readonly job = 'stock.reorder-scan' as const;

  constructor(private readonly reorder: ReorderService) {}

  async handle(): Promise<void> {
    await this.reorder.scan();
  }
}
