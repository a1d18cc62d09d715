import { Module } from '@nestjs/common';
import { CreditSignals } from './credit-signals';

/**
 * Just the hook (CreditSignals), so the modules whose changes feed the credit pipeline (the ledger,
 * consent) can depend on it without depending on the pipeline, which itself reads them.
 */
@Module({ providers: [CreditSignals], exports: [CreditSignals] })
export class CreditSignalsModule {}
