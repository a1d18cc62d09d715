import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertCurrency, money, type CurrencyCode } from '@keeper/money';
import { csvFile, decimalAmount, EXPORT_LIMIT } from '../../../common/csv-export';
import { trimZeros } from '../../../common/decimal';
import { notFound, validationFailed, type FieldError } from '../../../common/errors';
import { exchangeRateFor, formatAmount, parsePositiveAmount } from '../../../common/money-input';
import { moneyDto } from '../../../common/money.dto';
import { pageOf } from '../../../common/pagination';
import { Db, type TenantTx } from '../../../db/db';
import type { BusinessAccess } from '../../access/principal';
import { AuditService } from '../../audit/audit.service';
import { baseMovement, baseValue } from '../../invoices/open-balance';
import { LedgerService, type PostingLine } from '../../ledger/ledger.service';
import { PurchaseLookups } from '../purchase-lookups';
import { BillPaymentsRepository, type BillPaymentRow, type PayableKind, type PayableRow } from './bill-payments.repository';
import type {
  BillPaymentDto,
  BillPaymentListQueryDto,
  BillPaymentPageDto,
  BillPaymentSummaryDto,
  CreateBillPaymentDto,
  PayableListDto,
} from './dto/bill-payment.dto';

interface Settlement {
  payable: PayableRow;
  amountMinor: bigint;
}

const balanceOf = (p: Pick<PayableRow, 'totalMinor' | 'paidMinor'>) => BigInt(p.totalMinor) - BigInt(p.paidMinor);
const keyOf = (kind: PayableKind, id: string) => `${kind}:${id}`;
const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * Payments to suppliers, spread over their open bills and on-account expenses (in the payment's
 * currency). Mirrors customer payments: accounts payable moves by the change of each document's
 * open amount valued at the document's own rate (open-balance.ts), cash or bank by the amount at
 * the payment's rate, and the difference is an FX gain or loss. So accounts payable always equals
 * the open bills and expenses at their rates. A payment is always fully allocated; voiding one
 * posts the mirror movement and reopens what it settled.
 */
@Injectable()
export class BillPaymentsService {
  constructor(
    private readonly db: Db,
    private readonly payments: BillPaymentsRepository,
    private readonly lookups: PurchaseLookups,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  create(access: BusinessAccess, dto: CreateBillPaymentDto): Promise<BillPaymentDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const fields: FieldError[] = [];
      const base = await this.ledger.baseCurrency(t);
      const supplier = await this.lookups.supplier(t, dto.contactId, fields, 'contactId', { allowArchived: true });
      const currency = assertCurrency(dto.currency ?? supplier?.currency ?? base);
      const exchangeRate = exchangeRateFor(currency, base, dto.exchangeRate, fields, 'payments');
      const wanted: { index: number; kind: PayableKind; id: string; amountMinor: bigint }[] = [];
      const seen = new Set<string>();
      dto.allocations.forEach((a, index) => {
        const at = (f: string) => `allocations.${index}.${f}`;
        if ((a.billId === undefined) === (a.expenseId === undefined)) {
          fields.push({ field: at('billId'), code: 'required', message: 'give either billId or expenseId' });
          return;
        }
        const kind: PayableKind = a.billId ? 'bill' : 'expense';
        const id = (a.billId ?? a.expenseId)!;
        if (seen.has(keyOf(kind, id))) fields.push({ field: at(`${kind}Id`), code: 'duplicate', message: 'appears twice; give it one amount' });
        seen.add(keyOf(kind, id));
        const amountMinor = parsePositiveAmount(a.amount, currency, at('amount'), fields);
        if (amountMinor !== null) wanted.push({ index, kind, id, amountMinor });
      });
      if (fields.length || !supplier) throw validationFailed(fields);

      const locked = await this.payments.lockPayables(t, wanted);
      const settlements: Settlement[] = [];
      for (const w of wanted) {
        const at = (f: string) => `allocations.${w.index}.${f}`;
        const p = locked.get(keyOf(w.kind, w.id));
        const what = w.kind === 'bill' ? 'bill' : 'expense owed';
        if (!p || p.contactId !== supplier.id) {
          fields.push({ field: at(`${w.kind}Id`), code: 'not_found', message: `is not a ${what} to this supplier` });
        } else if (p.status !== 'open' && p.status !== 'partially_paid') {
          fields.push({ field: at(`${w.kind}Id`), code: `${w.kind}_${p.status}`, message: p.status === 'paid' ? 'is already paid' : `is ${p.status}` });
        } else if (p.currency !== currency) {
          fields.push({ field: at(`${w.kind}Id`), code: 'currency_mismatch', message: `is in ${p.currency}; a ${currency} payment can only settle ${currency} documents` });
        } else if (w.amountMinor > balanceOf(p)) {
          fields.push({ field: at('amount'), code: 'exceeds_balance', message: `is more than what is still owed (${formatAmount(balanceOf(p), currency)})` });
        } else settlements.push({ payable: p, amountMinor: w.amountMinor });
      }
      if (fields.length) throw validationFailed(fields);

      const id = randomUUID();
      const date = dto.date ?? (await this.ledger.today(t));
      const amountMinor = settlements.reduce((s, x) => s + x.amountMinor, 0n);
      const paidFrom = dto.paidFrom ?? 'bank';
      const journalEntryId = await this.ledger.post(t, {
        date,
        description: `Payment to ${supplier.name}${dto.reference ? ` (${dto.reference})` : ''}`.slice(0, 500),
        sourceType: 'bill_payment',
        sourceId: id,
        eventKey: `bill-payment:${id}:pay`,
        postedBy: access.userId,
        lines: settlementLines(settlements, { currency, exchangeRate, paidFrom, base, direction: 1n }),
      });
      await this.payments.insert(t, {
        id,
        contactId: supplier.id,
        method: dto.method,
        date,
        reference: dto.reference ?? '',
        notes: dto.notes ?? '',
        currency,
        exchangeRate,
        paidFrom,
        amountMinor,
        journalEntryId,
        createdBy: access.userId,
        allocations: settlements.map((s) => ({ kind: s.payable.kind, id: s.payable.id, amountMinor: s.amountMinor })),
      });
      for (const s of settlements) await this.payments.applyPaid(t, s.payable.kind, s.payable.id, s.amountMinor);
      await this.audit.record(t, {
        action: 'bill_payment.recorded',
        actorUserId: access.userId,
        targetType: 'bill_payment',
        targetId: id,
        details: {
          amount: amountMinor.toString(),
          currency,
          settled: settlements.map((s) => ({ kind: s.payable.kind, id: s.payable.id, amount: s.amountMinor.toString() })),
        },
      });
      return this.present(t, id);
    });
  }

  /** Voids a payment: the money goes back to cash or bank and what it settled is owed again. */
  void(access: BusinessAccess, id: string, reason: string): Promise<BillPaymentDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const payment = await this.payments.get(t, id, { lock: true });
      if (!payment) throw notFound('Bill payment');
      if (payment.status === 'void') return this.present(t, id);
      const allocations = await this.payments.allocations(t, id);
      const locked = await this.payments.lockPayables(t, allocations.map((a) => ({ kind: a.kind, id: a.documentId })));
      const settlements = allocations.map((a) => ({ payable: locked.get(keyOf(a.kind, a.documentId))!, amountMinor: BigInt(a.amountMinor) }));
      const base = await this.ledger.baseCurrency(t);
      const date = maxDate(await this.ledger.today(t), payment.date);
      await this.ledger.post(t, {
        date,
        description: `Void of payment to ${payment.contactName}: ${reason}`.slice(0, 500),
        sourceType: 'void',
        sourceId: id,
        eventKey: `bill-payment:${id}:void`,
        postedBy: access.userId,
        lines: settlementLines(settlements, {
          currency: assertCurrency(payment.currency),
          exchangeRate: trimZeros(payment.exchangeRate),
          paidFrom: payment.paidFrom,
          base,
          direction: -1n,
        }),
      });
      for (const s of settlements) await this.payments.applyPaid(t, s.payable.kind, s.payable.id, -s.amountMinor);
      await this.payments.markVoid(t, id, { date, reason });
      await this.audit.record(t, {
        action: 'bill_payment.voided',
        actorUserId: access.userId,
        targetType: 'bill_payment',
        targetId: id,
        details: { amount: payment.amountMinor, currency: payment.currency, reason },
      });
      return this.present(t, id);
    });
  }

  /** What is owed to a supplier, to choose from when paying. */
  payables(access: BusinessAccess, contactId: string, currency: string | undefined): Promise<PayableListDto> {
    return this.db.tenant(access.businessId, async (t) => ({
      items: (await this.payments.open(t, contactId, currency ?? null)).map((p) => ({
        kind: p.kind,
        id: p.id,
        label: p.label,
        supplierReference: p.supplierReference,
        date: p.date,
        dueDate: p.dueDate,
        total: moneyDto(p.totalMinor, p.currency),
        balance: moneyDto(balanceOf(p), p.currency),
      })),
    }));
  }

  get(access: BusinessAccess, id: string): Promise<BillPaymentDto> {
    return this.db.tenant(access.businessId, (t) => this.present(t, id));
  }

  list(access: BusinessAccess, q: BillPaymentListQueryDto): Promise<BillPaymentPageDto> {
    const limit = q.limit ?? 25;
    return this.db.tenant(access.businessId, async (t) => {
      const page = pageOf(await this.payments.list(t, { ...q, limit }), limit);
      return { nextCursor: page.nextCursor, items: page.items.map(summaryOf) };
    });
  }

  exportCsv(access: BusinessAccess, q: BillPaymentListQueryDto): Promise<{ fileName: string; body: string }> {
    return this.db.tenant(access.businessId, async (t) => {
      const rows = await this.payments.list(t, { ...q, cursor: undefined, limit: EXPORT_LIMIT });
      return csvFile(
        'bill-payments',
        await this.ledger.today(t),
        ['date', 'supplier', 'method', 'reference', 'paid_from', 'status', 'currency', 'exchange_rate', 'amount'],
        rows.map((p) => [p.date, p.contactName, p.method, p.reference, p.paidFrom, p.status, p.currency, trimZeros(p.exchangeRate), decimalAmount(p.amountMinor, p.currency)]),
      );
    });
  }

  private async present(t: TenantTx, id: string): Promise<BillPaymentDto> {
    const p = await this.payments.get(t, id);
    if (!p) throw notFound('Bill payment');
    const allocations = await this.payments.allocations(t, id);
    return {
      ...summaryOf(p),
      notes: p.notes,
      allocations: allocations.map((a) => ({ kind: a.kind, documentId: a.documentId, label: a.label, amount: moneyDto(a.amountMinor, p.currency) })),
      journalEntryId: p.journalEntryId,
      voidReason: p.voidReason,
    };
  }
}

/**
 * The lines of a payment (direction 1) or of its void (direction -1): accounts payable moves by the
 * change of each document's open amount at the document's rate, cash or bank by the amount at the
 * payment's rate, and the difference goes to FX gains and losses as a line of amount 0.
 */
function settlementLines(
  settlements: Settlement[],
  p: { currency: CurrencyCode; exchangeRate: string; paidFrom: 'cash' | 'bank'; base: CurrencyCode; direction: 1n | -1n },
): PostingLine[] {
  const lines: PostingLine[] = [];
  let payableBase = 0n;
  for (const s of settlements) {
    const open = balanceOf(s.payable);
    const after = open - p.direction * s.amountMinor;
    const moved = baseMovement(open, after, assertCurrency(s.payable.currency), trimZeros(s.payable.exchangeRate), p.base);
    payableBase += moved;
    lines.push({
      account: { key: 'accounts_payable' },
      amount: money(p.direction * s.amountMinor, p.currency),
      baseAmountMinor: moved,
      contactId: s.payable.contactId,
      description: s.payable.kind === 'bill' ? `Bill ${s.payable.label}` : `Expense: ${s.payable.label}`.slice(0, 500),
    });
  }
  const amountMinor = settlements.reduce((sum, s) => sum + s.amountMinor, 0n) * p.direction;
  const cashBase = baseValue(amountMinor < 0n ? -amountMinor : amountMinor, p.currency, p.exchangeRate, p.base) * p.direction;
  lines.push({ account: { key: p.paidFrom }, amount: money(-amountMinor, p.currency), baseAmountMinor: -cashBase });
  lines.push({
    account: { key: 'fx_gain_loss' },
    amount: money(0n, p.currency),
    baseAmountMinor: cashBase - payableBase,
    description: 'Exchange difference between the documents and the payment',
  });
  return lines;
}

function summaryOf(p: Omit<BillPaymentRow, 'cursorAt'>): BillPaymentSummaryDto {
  return {
    id: p.id,
    contact: { id: p.contactId, name: p.contactName },
    method: p.method,
    date: p.date,
    reference: p.reference,
    currency: p.currency,
    exchangeRate: trimZeros(p.exchangeRate),
    paidFrom: p.paidFrom,
    amount: moneyDto(p.amountMinor, p.currency),
    status: p.status,
    createdAt: p.createdAt,
  };
}
