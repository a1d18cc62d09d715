import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { computeTotals, type DocumentTotals } from '@keeper/invoicing';
import { assertCurrency, money, MoneyError, parseMoney, toDecimalString } from '@keeper/money';
import { FieldError, notFound, validationFailed } from '../../common/errors';
import { csvFile, decimalAmount, EXPORT_LIMIT } from '../../common/csv-export';
import { trimZeros } from '../../common/decimal';
import { moneyDto } from '../../common/money.dto';
import { pageOf } from '../../common/pagination';
import { Db, TenantTx } from '../../db/db';
import type { BusinessAccess } from '../access/principal';
import { AuditService } from '../audit/audit.service';
import { TaxRatesRepository } from '../catalog/taxes/tax-rates.repository';
import { InvoicesRepository } from '../invoices/invoices.repository';
import { balanceOf } from '../invoices/invoices.service';
import { baseMovement, baseValue } from '../invoices/open-balance';
import { LedgerService } from '../ledger/ledger.service';
import { CreditNoteLineValues, CreditNoteRow, CreditNotesRepository } from './credit-notes.repository';
import type { CreateCreditNoteDto, CreditNoteDto, CreditNoteListQueryDto, CreditNoteSummaryDto } from './dto/credit-note.dto';

/**
 * Credit notes reduce what a customer owes on an issued invoice, in full or in part. A credit note
 * is numbered in the credit-note series and posted when it is created (Dr sales, Dr tax payable,
 * Cr receivable at the invoice's rate), under the invoice's row lock, so concurrent credit notes
 * and payments never take an invoice below zero.
 */
@Injectable()
export class CreditNotesService {
  constructor(
    private readonly db: Db,
    private readonly creditNotes: CreditNotesRepository,
    private readonly invoices: InvoicesRepository,
    private readonly taxRates: TaxRatesRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
  ) {}

  create(access: BusinessAccess, dto: CreateCreditNoteDto): Promise<CreditNoteDto> {
    return this.db.tenant(access.businessId, async (t) => {
      const inv = await this.invoices.get(t, dto.invoiceId, { lock: true });
      if (!inv) throw validationFailed([{ field: 'invoiceId', code: 'not_found', message: 'is not an invoice of this business' }]);
      if (inv.status !== 'issued' && inv.status !== 'partially_paid') {
        const why = inv.status === 'paid' ? 'is fully paid or credited; nothing is left to credit' : `is ${inv.status === 'draft' ? 'a draft; delete or edit it instead' : 'void'}`;
        throw validationFailed([{ field: 'invoiceId', code: `invoice_${inv.status}`, message: why, params: { invoice: inv.number ?? '' } }]);
      }
      const currency = assertCurrency(inv.currency);
      const fields: FieldError[] = [];
      const date = dto.date ?? (await this.ledger.today(t));
      if (date < inv.issueDate) {
        fields.push({ field: 'date', code: 'too_early', message: `must not be before the invoice date (${inv.issueDate})`, params: { date: inv.issueDate, variant: 'invoice' } });
      }

      let lines: CreditNoteLineValues[];
      if (dto.lines) {
        lines = [];
        for (const [i, l] of dto.lines.entries()) {
          const at = (f: string) => `lines.${i}.${f}`;
          let unitPriceMinor = 0n;
          try {
            unitPriceMinor = parseMoney(l.unitPrice, currency).amountMinor;
          } catch (e) {
            if (!(e instanceof MoneyError)) throw e;
            fields.push({ field: at('unitPrice'), code: 'invalid_amount', message: `has more decimals than ${currency} allows`, params: { currency } });
          }
          let taxRatePercent = '0';
          if (l.taxRateId) {
            const rate = await this.taxRates.get(t, l.taxRateId);
            if (!rate) fields.push({ field: at('taxRateId'), code: 'not_found', message: 'is not a tax rate of this business' });
            else taxRatePercent = trimZeros(rate.rate);
          }
          lines.push({
            description: l.description,
            quantity: l.quantity,
            unitPriceMinor,
            discountPercent: l.discountPercent ?? '0',
            taxRateId: l.taxRateId ?? null,
            taxRatePercent,
          });
        }
      } else {
        // A full credit: the invoice's own lines, so the credit note mirrors the invoice exactly.
        lines = (await this.invoices.lines(t, inv.id)).map((l) => ({
          description: l.description,
          quantity: trimZeros(l.quantity),
          unitPriceMinor: BigInt(l.unitPriceMinor),
          discountPercent: trimZeros(l.discountPercent),
          taxRateId: l.taxRateId,
          taxRatePercent: trimZeros(l.taxRatePercent),
        }));
      }
      if (fields.length) throw validationFailed(fields);

      let totals: DocumentTotals;
      try {
        totals = computeTotals({ currency, pricesIncludeTax: inv.pricesIncludeTax, taxRounding: inv.taxRounding, lines });
      } catch (e) {
        if (!(e instanceof MoneyError)) throw e;
        const [field, ...rest] = e.message.split(' ');
        throw validationFailed([{ field, code: 'invalid', message: rest.join(' ') }]);
      }
      const balance = balanceOf(inv);
      const fmt = (minor: bigint) => `${toDecimalString(money(minor, currency))} ${currency}`;
      if (totals.totalMinor <= 0n) {
        throw validationFailed([{ field: 'lines', code: 'zero_total', message: 'add up to nothing; credit at least one priced line' }]);
      }
      // A back-dated credit note must not over-settle the invoice on any day from its date on.
      const low = await this.invoices.lowestOpenFrom(t, inv, date);
      if (totals.totalMinor > low.openMinor) {
        const dated = low.openMinor < balance;
        const open = dated ? `${fmt(low.openMinor)} open on invoice ${inv.number} on ${low.on}` : `${fmt(balance)} still open on invoice ${inv.number}`;
        throw validationFailed([
          {
            field: 'lines',
            code: 'exceeds_balance',
            message: `add up to ${fmt(totals.totalMinor)}, more than the ${open}${dto.lines ? '' : '; list the lines to credit'}`,
            params: {
              amount: fmt(totals.totalMinor),
              invoice: inv.number ?? '',
              ...(dated ? { open: fmt(low.openMinor), on: low.on, variant: 'linesDated' } : { open: fmt(balance), variant: 'lines' }),
            },
          },
        ]);
      }

      const seriesId = await this.invoices.defaultSeries(t, 'credit_note');
      const number = await this.invoices.takeNumber(t, seriesId);
      const id = randomUUID();
      const base = await this.ledger.baseCurrency(t);
      const rate = inv.exchangeRate!;
      const salesBase = baseValue(totals.subtotalMinor, currency, rate, base);
      const taxBase = baseValue(totals.taxMinor, currency, rate, base);
      // The receivable moves by the change of the balance's value, so it always holds exactly the
      // value of what is still open (see open-balance.ts); the conversion rounding goes to FX.
      const receivableBase = baseMovement(balance, balance - totals.totalMinor, currency, rate, base);
      const journalEntryId = await this.ledger.post(t, {
        date,
        description: `Credit note ${number} for invoice ${inv.number} to ${inv.contactName}`,
        sourceType: 'credit_note',
        sourceId: id,
        eventKey: `credit_note:${id}:issue`,
        postedBy: access.userId,
        lines: [
          { account: { key: 'sales' }, amount: money(totals.subtotalMinor, currency), baseAmountMinor: salesBase },
          { account: { key: 'tax_payable' }, amount: money(totals.taxMinor, currency), baseAmountMinor: taxBase },
          {
            account: { key: 'accounts_receivable' },
            amount: money(-totals.totalMinor, currency),
            baseAmountMinor: -receivableBase,
            contactId: inv.contactId,
          },
          {
            account: { key: 'fx_gain_loss' },
            amount: money(0n, currency),
            baseAmountMinor: receivableBase - salesBase - taxBase,
            description: 'Rounding of the conversion to the base currency',
          },
        ],
      });
      await this.creditNotes.insert(
        t,
        {
          id,
          seriesId,
          number,
          invoiceId: inv.id,
          contactId: inv.contactId,
          currency,
          exchangeRate: rate,
          date,
          reason: dto.reason,
          pricesIncludeTax: inv.pricesIncludeTax,
          taxRounding: inv.taxRounding,
          journalEntryId,
          createdBy: access.userId,
        },
        lines,
        totals,
      );
      await this.invoices.applyToBalance(t, inv.id, { creditedMinor: totals.totalMinor });
      await this.audit.record(t, {
        action: 'credit_note.issued',
        actorUserId: access.userId,
        targetType: 'credit_note',
        targetId: id,
        details: { number, invoiceId: inv.id, invoiceNumber: inv.number, total: totals.totalMinor.toString(), currency },
      });
      return this.present(t, id);
    });
  }

  get(access: BusinessAccess, id: string): Promise<CreditNoteDto> {
    return this.db.tenant(access.businessId, (t) => this.present(t, id));
  }

  /** Every credit note matching the list filters, as CSV (amounts in the credit note's currency). */
  exportCsv(access: BusinessAccess, q: CreditNoteListQueryDto): Promise<{ fileName: string; body: string }> {
    return this.db.tenant(access.businessId, async (t) => {
      const rows = await this.creditNotes.list(t, { ...q, cursor: undefined, limit: EXPORT_LIMIT });
      return csvFile(
        'credit-notes',
        await this.ledger.today(t),
        ['number', 'date', 'invoice', 'customer', 'reason', 'currency', 'exchange_rate', 'subtotal', 'tax', 'total'],
        rows.map((c) => [
          c.number,
          c.date,
          c.invoiceNumber,
          c.contactName,
          c.reason,
          c.currency,
          c.exchangeRate,
          ...[c.subtotalMinor, c.taxMinor, c.totalMinor].map((m) => decimalAmount(m, c.currency)),
        ]),
      );
    });
  }

  list(access: BusinessAccess, q: CreditNoteListQueryDto) {
    const limit = q.limit ?? 25;
    return this.db.tenant(access.businessId, async (t) => {
      const page = pageOf(await this.creditNotes.list(t, { ...q, limit }), limit);
      return { nextCursor: page.nextCursor, items: page.items.map(summaryOf) };
    });
  }

  private async present(t: TenantTx, id: string): Promise<CreditNoteDto> {
    const n = await this.creditNotes.get(t, id);
    if (!n) throw notFound('Credit note');
    const lines = await this.creditNotes.lines(t, id);
    const m = (minor: string | bigint) => moneyDto(minor, n.currency);
    return {
      ...summaryOf(n),
      exchangeRate: trimZeros(n.exchangeRate),
      pricesIncludeTax: n.pricesIncludeTax,
      taxRounding: n.taxRounding,
      lines: lines.map((l) => ({
        id: l.id,
        lineNo: l.lineNo,
        description: l.description,
        quantity: trimZeros(l.quantity),
        unitPrice: m(l.unitPriceMinor),
        discountPercent: trimZeros(l.discountPercent),
        taxRateId: l.taxRateId,
        taxRatePercent: trimZeros(l.taxRatePercent),
        discount: m(l.discountMinor),
        net: m(l.netMinor),
        tax: m(l.taxMinor),
        total: m(l.totalMinor),
      })),
      subtotal: m(n.subtotalMinor),
      discount: m(n.discountMinor),
      tax: m(n.taxMinor),
    };
  }
}

function summaryOf(n: Omit<CreditNoteRow, 'cursorAt'>): CreditNoteSummaryDto {
  return {
    id: n.id,
    number: n.number,
    invoice: { id: n.invoiceId, number: n.invoiceNumber },
    contact: { id: n.contactId, name: n.contactName },
    date: n.date,
    reason: n.reason,
    currency: n.currency,
    total: moneyDto(n.totalMinor, n.currency),
    createdAt: n.createdAt,
  };
}
