import { Injectable } from '@nestjs/common';
import { assertCurrency, money, toDecimalString } from '@keeper/money';
import { notFound, validationFailed } from '../../common/errors';
import { moneyDto } from '../../common/money.dto';
import { Db } from '../../db/db';
import type { BusinessAccess } from '../access/principal';
import { AccountsRepository } from './accounts.repository';
import type { GeneralLedgerDto, GeneralLedgerQueryDto, TrialBalanceDto, TrialBalanceQueryDto } from './dto/report.dto';
import { LedgerReportsRepository } from './ledger-reports.repository';
import { LedgerService } from './ledger.service';
import { decodeKeyset, encodeKeyset, naturalDecimal, presentAccount } from './present';

/** The general ledger per account and the trial balance, in the base currency. */
@Injectable()
export class LedgerReportsService {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly accounts: AccountsRepository,
    private readonly reports: LedgerReportsRepository,
  ) {}

  generalLedger(access: BusinessAccess, accountId: string, q: GeneralLedgerQueryDto): Promise<GeneralLedgerDto> {
    const limit = q.limit ?? 100;
    const after = decodeKeyset(q.cursor, 3);
    return this.db.tenant(access.businessId, async (t) => {
      const account = await this.accounts.get(t, accountId);
      if (!account) throw notFound('Account');
      const base = await this.ledger.baseCurrency(t);
      const to = q.to ?? (await this.ledger.today(t));
      const from = q.from ?? `${to.slice(0, 4)}-01-01`;
      if (from > to) throw validationFailed([{ field: 'from', code: 'after_to', message: 'must not be after to' }]);

      const summary = await this.reports.accountSummary(t, accountId, from, to);
      const opening = BigInt(summary.opening);
      const debits = BigInt(summary.debits);
      const credits = BigInt(summary.credits);
      const rows = await this.reports.accountLines(t, accountId, {
        from,
        to,
        after: after && { date: after[0], number: after[1], lineNo: after[2] },
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const decimal = (v: bigint) => toDecimalString(money(v, base));
      return {
        account: presentAccount(account),
        from,
        to,
        currency: base,
        openingBalance: moneyDto(opening, base),
        totalDebit: moneyDto(debits, base),
        totalCredit: moneyDto(credits, base),
        closingBalance: moneyDto(opening + debits - credits, base),
        items: page.map((r) => {
          const baseAmount = BigInt(r.baseAmountMinor);
          const running = opening + BigInt(r.runningInRange);
          return {
            entryId: r.entryId,
            entryNumber: Number(r.entryNumber),
            entryDate: r.entryDate,
            lineNo: r.lineNo,
            description: r.description,
            lineDescription: r.lineDescription,
            sourceType: r.sourceType,
            sourceId: r.sourceId,
            amount: moneyDto(r.amountMinor, assertCurrency(r.currency)),
            baseAmount: moneyDto(baseAmount, base),
            debit: baseAmount > 0n ? decimal(baseAmount) : null,
            credit: baseAmount < 0n ? decimal(-baseAmount) : null,
            runningBalance: moneyDto(running, base),
            runningBalanceDecimal: naturalDecimal(running, account.type, account.subtype, base),
          };
        }),
        nextCursor: rows.length > limit && last ? encodeKeyset([last.entryDate, last.entryNumber, last.lineNo]) : null,
      };
    });
  }

  trialBalance(access: BusinessAccess, q: TrialBalanceQueryDto): Promise<TrialBalanceDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const asOf = q.asOf ?? (await this.ledger.today(t));
      const rows = await this.reports.trialBalance(t, asOf);
      let totalDebit = 0n;
      let totalCredit = 0n;
      const decimal = (v: bigint) => toDecimalString(money(v, base));
      const presented = rows.map((r) => {
        const balance = BigInt(r.balance);
        const debit = balance > 0n ? balance : 0n;
        const credit = balance < 0n ? -balance : 0n;
        totalDebit += debit;
        totalCredit += credit;
        return {
          account: { id: r.id, code: r.code, name: r.name, type: r.type },
          debit: moneyDto(debit, base),
          credit: moneyDto(credit, base),
          debitDecimal: decimal(debit),
          creditDecimal: decimal(credit),
        };
      });
      return {
        asOf,
        currency: base,
        rows: presented,
        totalDebit: moneyDto(totalDebit, base),
        totalCredit: moneyDto(totalCredit, base),
        totalDebitDecimal: decimal(totalDebit),
        totalCreditDecimal: decimal(totalCredit),
        balanced: totalDebit === totalCredit,
      };
    });
  }
}
