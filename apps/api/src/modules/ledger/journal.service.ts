import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, FieldError, notFound, validationFailed } from '../../common/errors';
import { Db, TenantTx } from '../../db/db';
import type { BusinessAccess } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { AccountsRepository } from './accounts.repository';
import { CONTROL_ACCOUNT_KEYS, type SystemAccountKey } from './chart';
import type {
  CreateManualEntryDto,
  JournalEntryDto,
  JournalEntryPageDto,
  JournalQueryDto,
  ReverseEntryDto,
} from './dto/journal.dto';
import { JournalRepository } from './journal.repository';
import { LedgerService } from './ledger.service';
import { balanceProblems, parseManualLines } from './posting';
import { decodeKeyset, encodeKeyset, presentEntry } from './present';

/** The journal as an accountant sees it: reading entries, manual entries and their reversal. */
@Injectable()
export class JournalService {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly journal: JournalRepository,
    private readonly accounts: AccountsRepository,
    private readonly audit: AuditService,
  ) {}

  list(access: BusinessAccess, q: JournalQueryDto): Promise<JournalEntryPageDto> {
    const limit = q.limit ?? 25;
    const after = decodeKeyset(q.cursor, 2);
    return this.db.tenant(access.businessId, async (t) => {
      const rows = await this.journal.list(t, {
        from: q.from,
        to: q.to,
        sourceType: q.sourceType,
        sourceId: q.sourceId,
        after: after && { date: after[0], number: after[1] },
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const items = await this.present(t, page);
      return { items, nextCursor: rows.length > limit && last ? encodeKeyset([last.entryDate, last.entryNumber]) : null };
    });
  }

  get(access: BusinessAccess, entryId: string): Promise<JournalEntryDto> {
    return this.db.tenant(access.businessId, (t) => this.load(t, entryId));
  }

  /** A manual entry by an accountant. Field errors name the line and field, e.g. `lines.1.amount`. */
  postManual(access: BusinessAccess, dto: CreateManualEntryDto): Promise<JournalEntryDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const base = await this.ledger.baseCurrency(t);
      const { values, errors } = parseManualLines(dto.lines, base);
      errors.push(...(await this.accountErrors(t, dto.lines.map((l) => l.accountId))));
      if (errors.length > 0) throw validationFailed(errors);
      const unbalanced = balanceProblems(values, base);
      if (unbalanced.length > 0) {
        throw validationFailed(unbalanced.map((message) => ({ field: 'lines', code: 'unbalanced', message })));
      }
      const entryId = await this.ledger.post(t, {
        date: dto.date,
        description: dto.description,
        sourceType: 'manual',
        // Retries are made safe by Idempotency-Key; each accepted request is its own event.
        eventKey: `manual:${randomUUID()}`,
        postedBy: access.userId,
        lines: values.map((v, i) => ({
          account: { id: dto.lines[i].accountId },
          amount: v.amount,
          baseAmountMinor: v.baseAmountMinor,
          description: dto.lines[i].description || null,
        })),
      });
      const entry = await this.load(t, entryId);
      await this.audit.record(t, {
        action: 'journal.manual_posted',
        actorUserId: access.userId,
        targetType: 'journal_entry',
        targetId: entryId,
        details: { entryNumber: entry.entryNumber, date: dto.date, lines: dto.lines.length, total: entry.totalDebit },
      });
      return entry;
    });
  }

  /**
   * Reverses a manual entry. Entries posted by documents (invoices, payments...) are corrected
   * through those documents, so the books and the documents never disagree.
   */
  reverseManual(access: BusinessAccess, entryId: string, dto: ReverseEntryDto): Promise<JournalEntryDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const entry = await this.journal.get(t, entryId);
      if (!entry) throw notFound('Journal entry');
      if (entry.sourceType !== 'manual') {
        throw new DomainError(
          'ENTRY_NOT_REVERSIBLE',
          `Entry ${entry.entryNumber} was posted by a ${entry.sourceType.replace(/_/g, ' ')}; correct it through that document instead`,
        );
      }
      if (entry.reversedByEntryId) {
        throw new DomainError('ALREADY_REVERSED', `Journal entry ${entry.entryNumber} has already been reversed`);
      }
      const reversalId = await this.ledger.reverse(t, entryId, {
        date: dto.date ?? (await this.ledger.today(t)),
        eventKey: `reversal:${entryId}`,
        description: dto.description ?? `Reversal of entry ${entry.entryNumber}: ${entry.description}`.slice(0, 500),
        postedBy: access.userId,
      });
      const reversal = await this.load(t, reversalId);
      await this.audit.record(t, {
        action: 'journal.reversed',
        actorUserId: access.userId,
        targetType: 'journal_entry',
        targetId: entryId,
        details: { entryNumber: Number(entry.entryNumber), reversalEntryNumber: reversal.entryNumber, date: reversal.entryDate },
      });
      return reversal;
    });
  }

  private async accountErrors(t: TenantTx, accountIds: string[]): Promise<FieldError[]> {
    const found = await this.accounts.findByIdsOrKeys(t, accountIds, []);
    const errors: FieldError[] = [];
    accountIds.forEach((id, i) => {
      const account = found.find((a) => a.id === id);
      const field = `lines.${i}.accountId`;
      if (!account) {
        errors.push({ field, code: 'not_found', message: 'is not an account of this business' });
        return;
      }
      const params = { account: `${account.code} ${account.name}` };
      if (!account.isActive) errors.push({ field, code: 'inactive', message: `${params.account} is inactive`, params });
      else if (CONTROL_ACCOUNT_KEYS.includes(account.systemKey as SystemAccountKey)) {
        errors.push({
          field,
          code: 'control_account',
          message: `${params.account} is kept by invoices, bills and payments; record those instead`,
          params,
        });
      }
    });
    return errors;
  }

  private async load(t: TenantTx, entryId: string): Promise<JournalEntryDto> {
    const entry = await this.journal.get(t, entryId);
    if (!entry) throw notFound('Journal entry');
    const [presented] = await this.present(t, [entry]);
    return presented;
  }

  private async present(t: TenantTx, entries: Awaited<ReturnType<JournalRepository['list']>>) {
    const base = await this.ledger.baseCurrency(t);
    const lines = await this.journal.linesOf(
      t,
      entries.map((e) => e.id),
    );
    return entries.map((e) =>
      presentEntry(
        e,
        lines.filter((l) => l.entryId === e.id),
        base,
      ),
    );
  }
}
