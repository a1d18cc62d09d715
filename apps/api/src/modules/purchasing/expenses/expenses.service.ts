import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { computeTotals } from '@keeper/invoicing';
import { assertCurrency, MoneyError } from '@keeper/money';
import { csvFile, decimalAmount, EXPORT_LIMIT } from '../../../common/csv-export';
import { addDays } from '../../../common/dates';
import { trimZeros } from '../../../common/decimal';
import { DomainError, notFound, validationFailed, type FieldError } from '../../../common/errors';
import { exchangeRateFor, parsePositiveAmount } from '../../../common/money-input';
import { moneyDto } from '../../../common/money.dto';
import { pageOf } from '../../../common/pagination';
import { Db, type TenantTx } from '../../../db/db';
import type { BusinessAccess } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { LedgerService } from '../../ledger/ledger.service';
import { payableLines } from '../purchase-cost';
import { PurchaseLookups } from '../purchase-lookups';
import type { CreateExpenseDto, ExpenseDto, ExpenseListQueryDto, ExpensePageDto } from './dto/expense.dto';
import { ExpensesRepository, type ExpenseRow } from './expenses.repository';
import { checkReceipt, receiptFileName } from './receipt-file';

const balanceOf = (e: Pick<ExpenseRow, 'status' | 'totalMinor' | 'paidMinor'>) =>
  e.status === 'void' ? 0n : BigInt(e.totalMinor) - BigInt(e.paidMinor);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * Spending that is not stock (a taxi, rent, office supplies), by category. Recording one posts it
 * at once: Dr the category / Dr input tax / Cr cash or bank, or Cr accounts payable when it is owed
 * to a supplier (then bill payments settle it). A photo or PDF of the receipt can be attached.
 */
@Injectable()
export class ExpensesService {
  constructor(
    private readonly db: Db,
    private readonly expenses: ExpensesRepository,
    private readonly lookups: PurchaseLookups,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  create(access: BusinessAccess, dto: CreateExpenseDto): Promise<ExpenseDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const fields: FieldError[] = [];
      const base = await this.ledger.baseCurrency(t);
      const date = dto.date ?? (await this.ledger.today(t));
      const account = await this.lookups.spendAccount(t, dto.accountId, 'accountId', fields, { allowAssets: false });
      const supplier = dto.contactId ? await this.lookups.supplier(t, dto.contactId, fields) : null;
      const owed = dto.paidFrom === 'accounts_payable';
      if (owed && !dto.contactId) {
        fields.push({ field: 'contactId', code: 'required', message: 'is required when the expense is owed to a supplier' });
      }
      const payee = dto.payee ?? supplier?.name;
      if (!payee && !fields.some((f) => f.field === 'contactId')) {
        fields.push({ field: 'payee', code: 'required', message: 'is required: who was paid (or choose a supplier)' });
      }
      const currency = assertCurrency(dto.currency ?? supplier?.currency ?? base);
      const exchangeRate = exchangeRateFor(currency, base, dto.exchangeRate, fields, 'expenses');
      const amountMinor = parsePositiveAmount(dto.amount, currency, 'amount', fields);
      const taxRateId = dto.taxRateId ?? null;
      const taxRatePercent = await this.lookups.taxPercent(t, taxRateId, 'taxRateId', fields);
      if (!owed && dto.dueDate !== undefined) {
        fields.push({ field: 'dueDate', code: 'not_applicable', message: 'must be omitted: an expense paid now is not due later' });
      }
      const dueDate = owed ? (dto.dueDate ?? addDays(date, supplier?.paymentTermsDays ?? 0)) : date;
      if (dueDate < date) fields.push({ field: 'dueDate', code: 'before_date', message: 'must not be before the expense date' });
      if (fields.length || amountMinor === null || !account) throw validationFailed(fields);

      const amountIncludesTax = dto.amountIncludesTax ?? true;
      let totals;
      try {
        totals = computeTotals({
          currency,
          pricesIncludeTax: amountIncludesTax,
          taxRounding: 'line',
          lines: [{ quantity: '1', unitPriceMinor: amountMinor, taxRatePercent }],
        });
      } catch (e) {
        if (!(e instanceof MoneyError)) throw e;
        throw validationFailed([{ field: 'amount', code: 'invalid', message: e.message }]);
      }
      const id = randomUUID();
      const journalEntryId = await this.ledger.post(t, {
        date,
        description: `Expense: ${payee}${dto.description ? ` — ${dto.description}` : ''}`.slice(0, 500),
        sourceType: 'expense',
        sourceId: id,
        eventKey: `expense:${id}:record`,
        postedBy: access.userId,
        lines: payableLines({
          currency,
          rate: exchangeRate,
          base,
          totalMinor: totals.totalMinor,
          taxMinor: totals.taxMinor,
          lines: [{ netMinor: totals.subtotalMinor, description: account.name, account: { id: account.id } }],
          credit: owed
            ? { account: { key: 'accounts_payable' }, contactId: supplier!.id }
            : { account: { key: dto.paidFrom as 'cash' | 'bank' }, contactId: null },
        }),
      });
      await this.expenses.insert(t, {
        id,
        date,
        accountId: account.id,
        contactId: supplier?.id ?? null,
        payee: payee!,
        description: dto.description ?? '',
        currency,
        exchangeRate,
        amountIncludesTax,
        taxRateId,
        taxRatePercent,
        netMinor: totals.subtotalMinor,
        taxMinor: totals.taxMinor,
        totalMinor: totals.totalMinor,
        paidFrom: dto.paidFrom,
        dueDate,
        reference: dto.reference ?? '',
        journalEntryId,
        createdBy: access.userId,
      });
      await this.audit.record(t, {
        action: 'expense.recorded',
        actorUserId: access.userId,
        targetType: 'expense',
        targetId: id,
        details: { payee, total: totals.totalMinor.toString(), currency, paidFrom: dto.paidFrom, accountId: account.id },
      });
      return this.present(t, id);
    });
  }

  /** Voids an expense by reversing its entry; one owed to a supplier only while nothing of it is paid. */
  void(access: BusinessAccess, id: string, reason: string): Promise<ExpenseDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const e = await this.expenses.get(t, id, { lock: true });
      if (!e) throw notFound('Expense');
      if (e.status === 'void') return this.present(t, id);
      if (e.paidFrom === 'accounts_payable' && BigInt(e.paidMinor) > 0n) {
        throw new DomainError('CONFLICT', 'This expense has been partly or fully paid to the supplier; void those payments first');
      }
      const date = maxDate(await this.ledger.today(t), e.date);
      await this.ledger.reverse(t, e.journalEntryId, {
        date,
        eventKey: `expense:${id}:void`,
        description: `Void of expense: ${e.payee} — ${reason}`.slice(0, 500),
        sourceType: 'void',
        postedBy: access.userId,
      });
      await this.expenses.markVoid(t, id, { date, reason });
      await this.audit.record(t, {
        action: 'expense.voided',
        actorUserId: access.userId,
        targetType: 'expense',
        targetId: id,
        details: { payee: e.payee, total: e.totalMinor, currency: e.currency, reason },
      });
      return this.present(t, id);
    });
  }

  /** Attaches (or replaces) the receipt file, after checking its type, size and bytes. */
  attachReceipt(access: BusinessAccess, id: string, file: { body: unknown; contentType: string | undefined; fileName?: string }): Promise<ExpenseDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const e = await this.expenses.get(t, id, { lock: true });
      if (!e) throw notFound('Expense');
      if (e.status === 'void') throw new DomainError('CONFLICT', 'A void expense takes no receipt');
      const { content, type } = checkReceipt(file.body, file.contentType);
      const fileName = receiptFileName(file.fileName, type);
      const sha256 = createHash('sha256').update(content).digest();
      await this.expenses.putReceipt(t, { expenseId: id, fileName, contentType: type, content, sha256, uploadedBy: access.userId });
      await this.audit.record(t, {
        action: 'expense.receipt_attached',
        actorUserId: access.userId,
        targetType: 'expense',
        targetId: id,
        details: { fileName, contentType: type, size: content.length, sha256: sha256.toString('hex') },
      });
      return this.present(t, id);
    });
  }

  removeReceipt(access: BusinessAccess, id: string): Promise<ExpenseDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const e = await this.expenses.get(t, id, { lock: true });
      if (!e) throw notFound('Expense');
      const info = await this.expenses.receiptInfo(t, id);
      if (!info) throw notFound('Receipt');
      await this.expenses.deleteReceipt(t, id);
      await this.audit.record(t, {
        action: 'expense.receipt_removed',
        actorUserId: access.userId,
        targetType: 'expense',
        targetId: id,
        details: { fileName: info.fileName },
      });
      return this.present(t, id);
    });
  }

  receipt(access: BusinessAccess, id: string): Promise<{ fileName: string; contentType: string; content: Buffer }> {
    return this.db.tenant(access.businessId, async (t) => {
      if (!(await this.expenses.get(t, id))) throw notFound('Expense');
      const file = await this.expenses.receiptFile(t, id);
      if (!file) throw notFound('Receipt');
      return file;
    });
  }

  get(access: BusinessAccess, id: string): Promise<ExpenseDto> {
    return this.db.tenant(access.businessId, (t) => this.present(t, id));
  }

  list(access: BusinessAccess, q: ExpenseListQueryDto): Promise<ExpensePageDto> {
    const limit = q.limit ?? 25;
    return this.db.tenant(access.businessId, async (t) => {
      const page = pageOf(await this.expenses.list(t, { ...q, limit }), limit);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((e) => ({
          id: e.id,
          date: e.date,
          account: { id: e.accountId, code: e.accountCode, name: e.accountName },
          payee: e.payee,
          description: e.description,
          paidFrom: e.paidFrom,
          status: e.status,
          total: moneyDto(e.totalMinor, e.currency),
          balance: moneyDto(balanceOf(e), e.currency),
          hasReceipt: e.hasReceipt,
          createdAt: e.createdAt,
        })),
      };
    });
  }

  exportCsv(access: BusinessAccess, q: ExpenseListQueryDto): Promise<{ fileName: string; body: string }> {
    return this.db.tenant(access.businessId, async (t) => {
      const rows = await this.expenses.list(t, { ...q, cursor: undefined, limit: EXPORT_LIMIT });
      return csvFile(
        'expenses',
        await this.ledger.today(t),
        ['date', 'category_code', 'category', 'payee', 'description', 'reference', 'paid_from', 'status', 'currency', 'exchange_rate', 'net', 'tax', 'total', 'balance', 'receipt'],
        rows.map((e) => [
          e.date,
          e.accountCode,
          e.accountName,
          e.payee,
          e.description,
          e.reference,
          e.paidFrom,
          e.status,
          e.currency,
          trimZeros(e.exchangeRate),
          ...[e.netMinor, e.taxMinor, e.totalMinor, balanceOf(e)].map((m) => decimalAmount(m, e.currency)),
          e.hasReceipt ? 'yes' : 'no',
        ]),
      );
    });
  }

  private async present(t: TenantTx, id: string): Promise<ExpenseDto> {
    const e = await this.expenses.get(t, id);
    if (!e) throw notFound('Expense');
    const m = (minor: string | bigint) => moneyDto(minor, e.currency);
    const [receipt, payments] = [await this.expenses.receiptInfo(t, id), await this.expenses.payments(t, id)];
    return {
      id: e.id,
      date: e.date,
      account: { id: e.accountId, code: e.accountCode, name: e.accountName },
      contact: e.contactId ? { id: e.contactId, name: e.contactName! } : null,
      payee: e.payee,
      description: e.description,
      currency: e.currency,
      exchangeRate: trimZeros(e.exchangeRate),
      amountIncludesTax: e.amountIncludesTax,
      taxRateId: e.taxRateId,
      taxRatePercent: trimZeros(e.taxRatePercent),
      net: m(e.netMinor),
      tax: m(e.taxMinor),
      total: m(e.totalMinor),
      paidFrom: e.paidFrom,
      dueDate: e.dueDate,
      status: e.status,
      overdue: e.overdue,
      paid: m(e.paidMinor),
      balance: m(balanceOf(e)),
      reference: e.reference,
      receipt,
      payments: payments.map((p) => ({ paymentId: p.paymentId, date: p.date, amount: m(p.amountMinor), voided: p.voided })),
      journalEntryId: e.journalEntryId,
      voidReason: e.voidReason,
      createdAt: e.createdAt,
    };
  }
}
