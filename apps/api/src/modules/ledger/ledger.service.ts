import { Injectable } from '@nestjs/common';
import { assertCurrency, money, type CurrencyCode, type Money } from '@keeper/money';
import { DomainError, notFound } from '../../common/errors';
import type { TenantTx } from '../../db/db';
import { CreditSignals } from '../credit/credit-signals';
import { AccountsRepository } from './accounts.repository';
import type { SystemAccountKey } from './chart';
import { JournalRepository } from './journal.repository';
import { balanceProblems, isIsoDate, lineProblems, reversedLines } from './posting';

export type AccountRef = { key: SystemAccountKey } | { id: string };

export interface PostingLine {
  account: AccountRef;
  /** Signed: debit positive, credit negative, in the transaction currency. */
  amount: Money;
  /** The same line valued in the business's base currency (equal to amount for base-currency lines). */
  baseAmountMinor: bigint;
  contactId?: string | null;
  description?: string | null;
}

export interface Posting {
  /** YYYY-MM-DD, the date the event happened in the business's books. */
  date: string;
  description: string;
  /** What posted it: 'manual', 'invoice', 'payment', 'credit_note', 'refund', 'void', ... */
  sourceType: string;
  sourceId?: string | null;
  /** Names the business event, e.g. `invoice:<id>:issued`; posting the same key again returns the first entry. */
  eventKey: string;
  postedBy?: string | null;
  lines: PostingLine[];
}

export interface Reversal {
  date: string;
  eventKey: string;
  description: string;
  /** Defaults to 'reversal'; a voided document passes e.g. 'void'. */
  sourceType?: string;
  /** Defaults to the reversed entry's source. */
  sourceId?: string | null;
  postedBy?: string | null;
}

const SOURCE_TYPE = /^[a-z][a-z_]{0,39}$/;

/**
 * The only way anything is written to the journal. Other modules call `post` inside their own
 * tenant transaction, so the entry commits together with the event it records. The database
 * checks the same invariants again at commit.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly journal: JournalRepository,
    private readonly credit: CreditSignals,
  ) {}

  /** Seeds the default chart of accounts; safe to call again (existing accounts are kept). */
  ensureDefaultChart(t: TenantTx): Promise<void> {
    return this.accounts.ensureDefaultChart(t);
  }

  async accountIdByKey(t: TenantTx, key: SystemAccountKey): Promise<string> {
    const id = await this.accounts.idByKey(t, key);
    if (!id) throw new Error(`The chart of accounts of business ${t.businessId} has no "${key}" account`);
    return id;
  }

  async baseCurrency(t: TenantTx): Promise<CurrencyCode> {
    const [row] = await t.query<{ base_currency: string }>(`SELECT base_currency FROM businesses WHERE id = $1`, [
      t.businessId,
    ]);
    if (!row) throw notFound('Business');
    return assertCurrency(row.base_currency);
  }

  /** Today's date where the business is (its time zone), as YYYY-MM-DD. */
  async today(t: TenantTx): Promise<string> {
    const [row] = await t.query<{ today: string }>(
      `SELECT (now() AT TIME ZONE timezone)::date::text AS today FROM businesses WHERE id = $1`,
      [t.businessId],
    );
    if (!row) throw notFound('Business');
    return row.today;
  }

  /**
   * Posts a balanced entry and returns its id; an eventKey already posted returns that entry's id
   * instead (so a retried job or request never posts twice). Lines that move nothing are dropped.
   */
  post(t: TenantTx, p: Posting): Promise<string> {
    // A line that moves nothing (e.g. tax of 0) carries no information; callers need not filter it.
    return this.write(t, { ...p, lines: p.lines.filter((l) => l.amount.amountMinor !== 0n || l.baseAmountMinor !== 0n) }, null);
  }

  /**
   * Posts the mirror image of an entry (every amount negated, same accounts), linked to it. An
   * entry can be reversed once; the reversal cannot be dated before the entry it reverses.
   */
  async reverse(t: TenantTx, entryId: string, r: Reversal): Promise<string> {
    const existing = await this.journal.idByEventKey(t, r.eventKey);
    if (existing) return existing;
    const entry = await this.journal.get(t, entryId);
    if (!entry) throw notFound('Journal entry');
    if (entry.reversedByEntryId) {
      throw new DomainError('ALREADY_REVERSED', `Journal entry ${entry.entryNumber} has already been reversed`);
    }
    if (isIsoDate(r.date) && r.date < entry.entryDate) {
      throw new DomainError('VALIDATION_FAILED', `date: must not be before the reversed entry's date (${entry.entryDate})`, {
        fields: [{ field: 'date', code: 'too_early', message: `must not be before the reversed entry's date (${entry.entryDate})` }],
      });
    }
    const lines = await this.journal.linesOf(t, [entryId]);
    const original = lines.map((l) => ({
      account: { id: l.accountId },
      amount: money(BigInt(l.amountMinor), assertCurrency(l.currency)),
      baseAmountMinor: BigInt(l.baseAmountMinor),
      contactId: l.contactId,
      description: l.description,
    }));
    try {
      return await this.write(
        t,
        {
          date: r.date,
          description: r.description,
          sourceType: r.sourceType ?? 'reversal',
          sourceId: r.sourceId !== undefined ? r.sourceId : entry.sourceId,
          eventKey: r.eventKey,
          postedBy: r.postedBy ?? null,
          lines: reversedLines(original),
        },
        entryId,
      );
    } catch (e) {
      // Two concurrent reversals: the loser hits UNIQUE (business_id, reverses_entry_id).
      if ((e as { code?: string; constraint?: string }).constraint === 'journal_entries_business_id_reverses_entry_id_key') {
        throw new DomainError('ALREADY_REVERSED', `Journal entry ${entry.entryNumber} has already been reversed`);
      }
      throw e;
    }
  }

  private async write(t: TenantTx, p: Posting, reversesEntryId: string | null): Promise<string> {
    if (!isIsoDate(p.date)) throw invalidPosting(`date ${JSON.stringify(p.date)} is not a date such as 2025-01-31`);
    if (!SOURCE_TYPE.test(p.sourceType)) throw invalidPosting(`source type ${JSON.stringify(p.sourceType)} is not snake_case`);
    if (!p.eventKey || p.eventKey.length > 200) throw invalidPosting('the event key must be 1-200 characters');
    if (!p.description.trim() || p.description.length > 500) throw invalidPosting('the description must be 1-500 characters');

    const existing = await this.journal.idByEventKey(t, p.eventKey);
    if (existing) return existing;

    const base = await this.baseCurrency(t);
    const problems = [
      ...lineProblems(p.lines, base).map((x) => `line ${x.index + 1} ${x.message}`),
      ...balanceProblems(p.lines, base),
    ];
    if (problems.length > 0) {
      throw new DomainError('UNBALANCED_ENTRY', `The journal entry cannot be posted: ${problems.join('; ')}`);
    }

    const accountIds = await this.resolveAccounts(t, p.lines);
    const entryId = await this.journal.insertEntry(t, {
      date: p.date,
      description: p.description,
      sourceType: p.sourceType,
      sourceId: p.sourceId ?? null,
      eventKey: p.eventKey,
      reversesEntryId,
      postedBy: p.postedBy ?? null,
    });
    // A concurrent transaction posted the same event first (it waited on the numbering lock).
    if (!entryId) return (await this.journal.idByEventKey(t, p.eventKey))!;
    await this.journal.insertLines(
      t,
      entryId,
      p.lines.map((l, i) => ({
        accountId: accountIds[i],
        currency: l.amount.currency,
        amountMinor: l.amount.amountMinor,
        baseAmountMinor: l.baseAmountMinor,
        contactId: l.contactId ?? null,
        description: l.description ?? null,
      })),
    );
    // Every change of the books (invoices, payments, credit notes, stock, bills, supplier payments,
    // expenses, manual entries, voids) is a journal entry written here: the one place that tells
    // the credit pipeline, in the same transaction.
    await this.credit.booksChanged(t);
    return entryId;
  }

  private async resolveAccounts(t: TenantTx, lines: readonly PostingLine[]): Promise<string[]> {
    const ids = lines.flatMap((l) => ('id' in l.account ? [l.account.id] : []));
    const keys = lines.flatMap((l) => ('key' in l.account ? [l.account.key] : []));
    const found = await this.accounts.findByIdsOrKeys(t, ids, keys);
    return lines.map((l) => {
      const account =
        'id' in l.account
          ? found.find((a) => a.id === (l.account as { id: string }).id)
          : found.find((a) => a.systemKey === (l.account as { key: string }).key);
      if (!account) {
        if ('key' in l.account) throw new Error(`The chart of accounts has no "${l.account.key}" account`);
        throw notFound('Account');
      }
      if (!account.isActive) {
        throw new DomainError('ACCOUNT_INACTIVE', `Account ${account.code} ${account.name} is inactive; reactivate it to post to it`);
      }
      return account.id;
    });
  }
}

/** A caller's bug (bad date, key or description), not an accountant's input: no field names. */
const invalidPosting = (message: string) =>
  new DomainError('VALIDATION_FAILED', `The journal entry cannot be posted: ${message}`);
