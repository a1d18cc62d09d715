import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertCurrency, money, type CurrencyCode } from '@keeper/money';
import { FieldError, notFound, validationFailed } from '../../common/errors';
import { csvFile, decimalAmount, EXPORT_LIMIT } from '../../common/csv-export';
import { trimZeros } from '../../common/decimal';
import { moneyDto } from '../../common/money.dto';
import { exchangeRateFor, formatAmount as fmt, parsePositiveAmount as parseAmount } from '../../common/money-input';
import { pageOf } from '../../common/pagination';
import { Db, TenantTx } from '../../db/db';
import type { BusinessAccess } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { ContactsRepository } from '../catalog/contacts/contacts.repository';
import { InvoiceRow, InvoicesRepository } from '../invoices/invoices.repository';
import { balanceOf } from '../invoices/invoices.service';
import { baseMovement } from '../invoices/open-balance';
import { LedgerService } from '../ledger/ledger.service';
import type {
  AllocationInputDto,
  ApplyCreditDto,
  CreatePaymentDto,
  PaymentDto,
  PaymentListQueryDto,
  PaymentSummaryDto,
  RefundDto,
} from './dto/payment.dto';
import { PaymentRow, PaymentsRepository } from './payments.repository';

/** A payment as the allocation code tracks it while a request moves its unapplied amount. */
interface PaymentState {
  id: string;
  contactId: string;
  currency: CurrencyCode;
  exchangeRate: string;
  unappliedMinor: bigint;
}

interface ParsedAllocation {
  index: number;
  invoiceId: string;
  amountMinor: bigint;
}

const unappliedOf = (p: Pick<PaymentRow, 'amountMinor' | 'appliedMinor' | 'refundedMinor'>) =>
  BigInt(p.amountMinor) - BigInt(p.appliedMinor) - BigInt(p.refundedMinor);

/**
 * Payments from customers. Money received is first customer credit (Dr cash/bank, Cr customer
 * credit); applying it to an invoice moves it from customer credit to the receivable, and a refund
 * pays credit back. Every change locks the rows it moves (payment first, then invoices in id
 * order, then the journal's numbering lock inside `post`), so concurrent requests queue instead of
 * over-applying or deadlocking.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly db: Db,
    private readonly payments: PaymentsRepository,
    private readonly invoices: InvoicesRepository,
    private readonly contacts: ContactsRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  create(access: BusinessAccess, dto: CreatePaymentDto): Promise<PaymentDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const fields: FieldError[] = [];
      const base = await this.ledger.baseCurrency(t);
      const contact = await this.contacts.get(t, dto.contactId);
      if (!contact) fields.push({ field: 'contactId', code: 'not_found', message: 'is not a customer of this business' });
      else if (contact.kind === 'supplier') fields.push({ field: 'contactId', code: 'not_a_customer', message: 'is a supplier, not a customer' });
      const currency = assertCurrency(dto.currency ?? contact?.currency ?? base);
      const amountMinor = parseAmount(dto.amount, currency, 'amount', fields);
      const exchangeRate = exchangeRateFor(currency, base, dto.exchangeRate, fields, 'payments');
      const allocations = parseAllocations(dto.allocations ?? [], currency, 'allocations', fields);
      const allocated = allocations.reduce((s, a) => s + a.amountMinor, 0n);
      if (amountMinor !== null && allocated > amountMinor) {
        fields.push({
          field: 'allocations',
          code: 'exceeds_payment',
          message: `add up to ${fmt(allocated, currency)}, more than the ${fmt(amountMinor, currency)} received`,
          params: { amount: fmt(allocated, currency), received: fmt(amountMinor, currency) },
        });
      }
      if (fields.length || amountMinor === null || !contact) throw validationFailed(fields);

      const date = dto.date ?? (await this.ledger.today(t));
      const invoices = await this.lockInvoices(t, allocations, { contactId: contact.id, currency }, 'allocations', { date });
      const id = randomUUID();
      const depositAccount = dto.depositAccount ?? 'bank';
      const receivedBase = baseMovement(amountMinor, 0n, currency, exchangeRate, base);
      const journalEntryId = await this.ledger.post(t, {
        date,
        description: `Payment from ${contact.name}${dto.reference ? ` (${dto.reference})` : ''}`,
        sourceType: 'payment',
        sourceId: id,
        eventKey: `payment:${id}:receipt`,
        postedBy: access.userId,
        lines: [
          { account: { key: depositAccount }, amount: money(amountMinor, currency), baseAmountMinor: receivedBase },
          {
            account: { key: 'customer_credit' },
            amount: money(-amountMinor, currency),
            baseAmountMinor: -receivedBase,
            contactId: contact.id,
          },
        ],
      });
      await this.payments.insert(t, {
        id,
        contactId: contact.id,
        method: dto.method,
        date,
        reference: dto.reference ?? '',
        notes: dto.notes ?? '',
        currency,
        exchangeRate,
        depositAccount,
        amountMinor,
        journalEntryId,
        createdBy: access.userId,
      });
      const payment: PaymentState = { id, contactId: contact.id, currency, exchangeRate, unappliedMinor: amountMinor };
      for (const a of allocations) {
        await this.apply(t, access, base, payment, invoices.get(a.invoiceId)!, a.amountMinor, date, null);
      }
      return this.present(t, id);
    });
  }

  /** Applies (part of) a payment's unapplied customer credit to invoices of the same customer. */
  applyCredit(access: BusinessAccess, id: string, dto: ApplyCreditDto): Promise<PaymentDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const row = await this.payments.get(t, id, { lock: true });
      if (!row) throw notFound('Payment');
      const payment = stateOf(row);
      const fields: FieldError[] = [];
      const allocations = parseAllocations(dto.allocations, payment.currency, 'allocations', fields);
      const total = allocations.reduce((s, a) => s + a.amountMinor, 0n);
      const date = dto.date ?? maxDate(await this.ledger.today(t), row.date);
      if (date < row.date) {
        fields.push({ field: 'date', code: 'too_early', message: `must not be before the payment date (${row.date})`, params: { date: row.date, variant: 'payment' } });
      } else {
        const credit = await this.creditFrom(t, row, date);
        if (total > credit.unappliedMinor) {
          fields.push({
            field: 'allocations',
            code: 'exceeds_credit',
            message: `add up to ${fmt(total, payment.currency)}, more than the ${fmt(credit.unappliedMinor, payment.currency)} of unapplied credit${credit.asOf}`,
            params: { amount: fmt(total, payment.currency), credit: fmt(credit.unappliedMinor, payment.currency), ...credit.params },
          });
        }
      }
      if (fields.length) throw validationFailed(fields);
      const invoices = await this.lockInvoices(t, allocations, payment, 'allocations', { date });
      const base = await this.ledger.baseCurrency(t);
      for (const a of allocations) {
        await this.apply(t, access, base, payment, invoices.get(a.invoiceId)!, a.amountMinor, date, null);
      }
      return this.present(t, id);
    });
  }

  /**
   * Pays customer credit back (Dr customer credit / Cr cash or bank). Money already applied to
   * invoices can be taken back first with `unapply`, which reopens those invoices.
   */
  refund(access: BusinessAccess, id: string, dto: RefundDto): Promise<PaymentDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const row = await this.payments.get(t, id, { lock: true });
      if (!row) throw notFound('Payment');
      const payment = stateOf(row);
      const fields: FieldError[] = [];
      const amountMinor = parseAmount(dto.amount, payment.currency, 'amount', fields);
      const unapply = parseAllocations(dto.unapply ?? [], payment.currency, 'unapply', fields);
      const date = dto.date ?? maxDate(await this.ledger.today(t), row.date);
      // Amounts are checked as of the refund's date, which must be a day the payment existed.
      const datable = date >= row.date;
      const applied = await this.payments.appliedByInvoice(t, id);
      for (const u of unapply) {
        const net = applied.get(u.invoiceId) ?? 0n;
        if (net === 0n) {
          fields.push({ field: `unapply.${u.index}.invoiceId`, code: 'not_applied', message: 'has no money of this payment applied to it' });
          continue;
        }
        if (!datable) continue;
        // Money applied after the refund's date cannot be taken back on that date.
        const low = await this.payments.lowestAppliedFrom(t, id, u.invoiceId, date);
        if (u.amountMinor > low.appliedMinor) {
          fields.push({
            field: `unapply.${u.index}.amount`,
            code: 'exceeds_applied',
            message:
              low.appliedMinor < net
                ? `is more than the ${fmt(low.appliedMinor, payment.currency)} of this payment applied to that invoice on ${low.on}; date the refund on or after the day the money was applied`
                : `is more than the ${fmt(net, payment.currency)} of this payment applied to that invoice`,
            params:
              low.appliedMinor < net
                ? { applied: fmt(low.appliedMinor, payment.currency), on: low.on, variant: 'dated' }
                : { applied: fmt(net, payment.currency) },
          });
        }
      }
      if (datable && amountMinor !== null) {
        const credit = await this.creditFrom(t, row, date);
        const available = credit.unappliedMinor + unapply.reduce((s, u) => s + u.amountMinor, 0n);
        if (amountMinor > available) {
          fields.push({
            field: 'amount',
            code: 'exceeds_credit',
            message: `is more than the ${fmt(available, payment.currency)} of unapplied credit${unapply.length ? ' after unapplying' : ''}${credit.asOf}; unapply money from invoices first`,
            params: { amount: fmt(amountMinor, payment.currency), credit: fmt(available, payment.currency), ...credit.params },
          });
        }
      }
      if (!datable) {
        fields.push({ field: 'date', code: 'too_early', message: `must not be before the payment date (${row.date})`, params: { date: row.date, variant: 'payment' } });
      }
      if (fields.length || amountMinor === null) throw validationFailed(fields);

      const invoices = await this.lockInvoices(t, unapply, payment, 'unapply', { allowPaid: true, date });
      const base = await this.ledger.baseCurrency(t);
      const refundId = randomUUID();
      const taken: { invoiceId: string; amountMinor: bigint; journalEntryId: string }[] = [];
      for (const u of unapply) {
        const journalEntryId = await this.postAllocation(t, access, base, payment, invoices.get(u.invoiceId)!, -u.amountMinor, date, {
          eventKey: `payment:${id}:refund:${refundId}:unapply:${u.invoiceId}`,
          description: `Refund of payment from ${row.contactName}: taken back from invoice ${invoices.get(u.invoiceId)!.number}`,
        });
        taken.push({ invoiceId: u.invoiceId, amountMinor: -u.amountMinor, journalEntryId });
      }

      const paidFrom = dto.paidFrom ?? row.depositAccount;
      const creditBase = baseMovement(
        payment.unappliedMinor,
        payment.unappliedMinor - amountMinor,
        payment.currency,
        payment.exchangeRate,
        base,
      );
      const journalEntryId = await this.ledger.post(t, {
        date,
        description: `Refund to ${row.contactName}: ${dto.reason}`.slice(0, 500),
        sourceType: 'refund',
        sourceId: refundId,
        eventKey: `payment:${id}:refund:${refundId}`,
        postedBy: access.userId,
        lines: [
          {
            account: { key: 'customer_credit' },
            amount: money(amountMinor, payment.currency),
            baseAmountMinor: creditBase,
            contactId: payment.contactId,
          },
          { account: { key: paidFrom }, amount: money(-amountMinor, payment.currency), baseAmountMinor: -creditBase },
        ],
      });
      await this.payments.insertRefund(t, {
        id: refundId,
        paymentId: id,
        date,
        amountMinor,
        method: dto.method ?? row.method,
        paidFrom,
        reference: dto.reference ?? '',
        reason: dto.reason,
        journalEntryId,
        createdBy: access.userId,
      });
      await this.payments.addToTotals(t, id, { refundedMinor: amountMinor });
      for (const x of taken) {
        await this.payments.insertAllocation(t, {
          id: randomUUID(),
          paymentId: id,
          invoiceId: x.invoiceId,
          refundId,
          date,
          amountMinor: x.amountMinor,
          journalEntryId: x.journalEntryId,
          createdBy: access.userId,
        });
      }
      await this.audit.record(t, {
        action: 'payment.refunded',
        actorUserId: access.userId,
        targetType: 'payment',
        targetId: id,
        details: {
          refundId,
          amount: amountMinor.toString(),
          currency: payment.currency,
          unapplied: taken.map((x) => ({ invoiceId: x.invoiceId, amount: (-x.amountMinor).toString() })),
        },
      });
      return this.present(t, id);
    });
  }

  get(access: BusinessAccess, id: string): Promise<PaymentDto> {
    return this.db.tenant(access.businessId, (t) => this.present(t, id));
  }

  /** Every payment matching the list filters, as CSV (amounts in the payment currency). */
  exportCsv(access: BusinessAccess, q: PaymentListQueryDto): Promise<{ fileName: string; body: string }> {
    return this.db.tenant(access.businessId, async (t) => {
      const rows = await this.payments.list(t, { ...q, cursor: undefined, limit: EXPORT_LIMIT });
      return csvFile(
        'payments',
        await this.ledger.today(t),
        ['date', 'customer', 'method', 'reference', 'currency', 'exchange_rate', 'amount', 'applied', 'refunded', 'unapplied'],
        rows.map((p) => [
          p.date,
          p.contactName,
          p.method,
          p.reference,
          p.currency,
          p.exchangeRate,
          ...[
            p.amountMinor,
            p.appliedMinor,
            p.refundedMinor,
            BigInt(p.amountMinor) - BigInt(p.appliedMinor) - BigInt(p.refundedMinor),
          ].map((m) => decimalAmount(m, p.currency)),
        ]),
      );
    });
  }

  list(access: BusinessAccess, q: PaymentListQueryDto) {
    const limit = q.limit ?? 25;
    return this.db.tenant(access.businessId, async (t) => {
      const page = pageOf(await this.payments.list(t, { ...q, limit }), limit);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((p) => ({
          ...summaryOf(p),
          appliedToInvoice: p.appliedToInvoiceMinor === null ? null : moneyDto(p.appliedToInvoiceMinor, p.currency),
        })),
      };
    });
  }

  /** Applies `amountMinor` of the payment to the invoice: posts, records the allocation, moves both totals. */
  private async apply(
    t: TenantTx,
    access: BusinessAccess,
    base: CurrencyCode,
    payment: PaymentState,
    invoice: InvoiceRow,
    amountMinor: bigint,
    date: string,
    refundId: string | null,
  ): Promise<void> {
    const allocationId = randomUUID();
    const journalEntryId = await this.postAllocation(t, access, base, payment, invoice, amountMinor, date, {
      eventKey: `payment:${payment.id}:allocation:${allocationId}`,
      description: `Payment applied to invoice ${invoice.number}`,
    });
    await this.payments.insertAllocation(t, {
      id: allocationId,
      paymentId: payment.id,
      invoiceId: invoice.id,
      refundId,
      date,
      amountMinor,
      journalEntryId,
      createdBy: access.userId,
    });
  }

  /**
   * Moves `amountMinor` (negative: back) between the payment's customer credit and the invoice's
   * receivable. Each side moves by the change of its own open amount's base value (see
   * open-balance.ts); the difference between the payment's and the invoice's rate is an FX gain or
   * loss, an FX line of amount 0 in the payment currency.
   */
  private async postAllocation(
    t: TenantTx,
    access: BusinessAccess,
    base: CurrencyCode,
    payment: PaymentState,
    invoice: InvoiceRow,
    amountMinor: bigint,
    date: string,
    entry: { eventKey: string; description: string },
  ): Promise<string> {
    const invoiceCurrency = assertCurrency(invoice.currency);
    const balance = balanceOf(invoice);
    const creditBase = baseMovement(
      payment.unappliedMinor,
      payment.unappliedMinor - amountMinor,
      payment.currency,
      payment.exchangeRate,
      base,
    );
    const receivableBase = baseMovement(balance, balance - amountMinor, invoiceCurrency, invoice.exchangeRate!, base);
    const journalEntryId = await this.ledger.post(t, {
      date,
      description: entry.description,
      sourceType: 'payment',
      sourceId: payment.id,
      eventKey: entry.eventKey,
      postedBy: access.userId,
      lines: [
        {
          account: { key: 'customer_credit' },
          amount: money(amountMinor, payment.currency),
          baseAmountMinor: creditBase,
          contactId: payment.contactId,
        },
        {
          account: { key: 'accounts_receivable' },
          amount: money(-amountMinor, invoiceCurrency),
          baseAmountMinor: -receivableBase,
          contactId: invoice.contactId,
        },
        {
          account: { key: 'fx_gain_loss' },
          amount: money(0n, payment.currency),
          baseAmountMinor: receivableBase - creditBase,
          description: 'Exchange difference between the invoice and the payment',
        },
      ],
    });
    await this.invoices.applyToBalance(t, invoice.id, { paidMinor: amountMinor });
    await this.payments.addToTotals(t, payment.id, { appliedMinor: amountMinor });
    invoice.paidMinor = (BigInt(invoice.paidMinor) + amountMinor).toString();
    payment.unappliedMinor -= amountMinor;
    return journalEntryId;
  }

  /**
   * Locks the invoices named by allocations (in id order, so two requests never wait on each
   * other in a cycle) and checks each against what is owed now, after the lock: this is what makes
   * 50 concurrent payments of the same balance apply exactly once.
   */
  private async lockInvoices(
    t: TenantTx,
    allocations: ParsedAllocation[],
    payment: { contactId: string; currency: string },
    field: string,
    opts: { allowPaid?: boolean; date: string },
  ): Promise<Map<string, InvoiceRow>> {
    const fields: FieldError[] = [];
    const locked = new Map<string, InvoiceRow>();
    const open = opts.allowPaid ? ['issued', 'partially_paid', 'paid'] : ['issued', 'partially_paid'];
    for (const a of [...allocations].sort((x, y) => x.invoiceId.localeCompare(y.invoiceId))) {
      const at = (f: string) => `${field}.${a.index}.${f}`;
      const inv = await this.invoices.get(t, a.invoiceId, { lock: true });
      if (!inv || inv.contactId !== payment.contactId) {
        fields.push({ field: at('invoiceId'), code: 'not_found', message: "is not an invoice of this payment's customer" });
        continue;
      }
      locked.set(inv.id, inv);
      if (!open.includes(inv.status)) {
        const why = inv.status === 'paid' ? 'is already paid' : `is ${inv.status === 'draft' ? 'a draft' : 'void'}; only issued invoices can be paid`;
        fields.push({ field: at('invoiceId'), code: `invoice_${inv.status}`, message: why, params: { invoice: inv.number ?? '' } });
      } else if (inv.currency !== payment.currency) {
        fields.push({
          field: at('invoiceId'),
          code: 'currency_mismatch',
          message: `is in ${inv.currency}; a ${payment.currency} payment can only settle ${payment.currency} invoices`,
          params: { currency: inv.currency, payment: payment.currency },
        });
      } else if (field === 'allocations') {
        if (inv.issueDate > opts.date) {
          fields.push({
            field: at('invoiceId'),
            code: 'not_yet_issued',
            message: `was issued on ${inv.issueDate}, after ${opts.date}; money can be applied to it from its issue date on`,
            params: { issued: inv.issueDate, date: opts.date },
          });
          continue;
        }
        // Not only today's balance: a back-dated payment must not over-settle the invoice on any later day.
        const low = await this.invoices.lowestOpenFrom(t, inv, opts.date);
        if (a.amountMinor > low.openMinor) {
          const currency = assertCurrency(inv.currency);
          fields.push({
            field: at('amount'),
            code: 'exceeds_balance',
            message:
              low.openMinor < balanceOf(inv)
                ? `is more than the ${fmt(low.openMinor, currency)} open on invoice ${inv.number} on ${low.on}, after the payments and credit notes dated up to that day`
                : `is more than the open balance of invoice ${inv.number} (${fmt(balanceOf(inv), currency)})`,
            params: {
              invoice: inv.number ?? '',
              ...(low.openMinor < balanceOf(inv) ? { open: fmt(low.openMinor, currency), on: low.on, variant: 'dated' } : { open: fmt(balanceOf(inv), currency) }),
            },
          });
        }
      }
    }
    if (fields.length) throw validationFailed(fields);
    return locked;
  }

  /**
   * The most of a payment's credit that can be applied or refunded on `date`: its lowest unapplied
   * amount from that day on. `asOf` explains the figure when it is less than today's credit.
   */
  private async creditFrom(
    t: TenantTx,
    row: PaymentRow,
    date: string,
  ): Promise<{ unappliedMinor: bigint; asOf: string; params: Record<string, string> }> {
    const low = await this.payments.lowestUnappliedFrom(t, row, date);
    const dated = low.unappliedMinor < unappliedOf(row);
    return { unappliedMinor: low.unappliedMinor, asOf: dated ? ` on ${low.on}` : '', params: dated ? { on: low.on, variant: 'dated' } : {} };
  }

  private async present(t: TenantTx, id: string): Promise<PaymentDto> {
    const row = await this.payments.get(t, id);
    if (!row) throw notFound('Payment');
    const allocations = await this.payments.allocations(t, id);
    const refunds = await this.payments.refunds(t, id);
    return {
      ...summaryOf(row),
      notes: row.notes,
      allocations: allocations.map((a) => ({
        id: a.id,
        invoiceId: a.invoiceId,
        invoiceNumber: a.invoiceNumber,
        amount: moneyDto(a.amountMinor, row.currency),
        date: a.date,
        refundId: a.refundId,
        createdAt: a.createdAt,
      })),
      refunds: refunds.map((r) => ({
        id: r.id,
        amount: moneyDto(r.amountMinor, row.currency),
        date: r.date,
        method: r.method,
        paidFrom: r.paidFrom,
        reference: r.reference,
        reason: r.reason,
        createdAt: r.createdAt,
      })),
    };
  }
}

function summaryOf(p: Omit<PaymentRow, 'cursorAt'>): PaymentSummaryDto {
  return {
    id: p.id,
    contact: { id: p.contactId, name: p.contactName },
    method: p.method,
    date: p.date,
    reference: p.reference,
    currency: p.currency,
    exchangeRate: trimZeros(p.exchangeRate),
    depositAccount: p.depositAccount,
    amount: moneyDto(p.amountMinor, p.currency),
    applied: moneyDto(p.appliedMinor, p.currency),
    refunded: moneyDto(p.refundedMinor, p.currency),
    unapplied: moneyDto(unappliedOf(p), p.currency),
    createdAt: p.createdAt,
  };
}

function stateOf(row: PaymentRow): PaymentState {
  return {
    id: row.id,
    contactId: row.contactId,
    currency: assertCurrency(row.currency),
    exchangeRate: trimZeros(row.exchangeRate),
    unappliedMinor: unappliedOf(row),
  };
}

function parseAllocations(input: AllocationInputDto[], currency: CurrencyCode, field: string, fields: FieldError[]): ParsedAllocation[] {
  const seen = new Set<string>();
  const parsed: ParsedAllocation[] = [];
  input.forEach((a, index) => {
    if (seen.has(a.invoiceId)) {
      fields.push({ field: `${field}.${index}.invoiceId`, code: 'duplicate', message: 'appears twice; give each invoice one amount' });
    }
    seen.add(a.invoiceId);
    const amountMinor = parseAmount(a.amount, currency, `${field}.${index}.amount`, fields);
    if (amountMinor !== null) parsed.push({ index, invoiceId: a.invoiceId, amountMinor });
  });
  return parsed;
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
