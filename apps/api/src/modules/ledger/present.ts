import { assertCurrency, money, toDecimalString, type CurrencyCode } from '@keeper/money';
import { DomainError } from '../../common/errors';
import { moneyDto } from '../../common/money.dto';
import type { AccountRow } from './accounts.repository';
import { normalBalance, type AccountType } from './chart';
import type { AccountDto } from './dto/account.dto';
import type { JournalEntryDto } from './dto/journal.dto';
import type { EntryRow, LineRow } from './journal.repository';
import { sideOf } from './posting';

/** Rows (pg bigint as text) to response DTOs (money as string minor units plus decimal strings). */

export function presentAccount(a: AccountRow): AccountDto {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    type: a.type,
    subtype: a.subtype,
    systemKey: a.systemKey,
    isSystem: a.systemKey !== null,
    isActive: a.isActive,
    normalBalance: normalBalance(a.type, a.subtype),
    createdAt: a.createdAt,
  };
}

/** A debit-positive base balance as a decimal, positive when it lies on the account's normal side. */
export function naturalDecimal(balanceMinor: bigint, type: AccountType, subtype: string, base: CurrencyCode): string {
  const natural = normalBalance(type, subtype) === 'debit' ? balanceMinor : -balanceMinor;
  return toDecimalString(money(natural, base));
}

const unsigned = (v: bigint) => (v < 0n ? -v : v);

export function presentEntry(e: EntryRow, lines: readonly LineRow[], base: CurrencyCode): JournalEntryDto {
  let debit = 0n;
  let credit = 0n;
  const presented = lines.map((l) => {
    const currency = assertCurrency(l.currency);
    const amount = money(BigInt(l.amountMinor), currency);
    const baseAmountMinor = BigInt(l.baseAmountMinor);
    if (baseAmountMinor > 0n) debit += baseAmountMinor;
    else credit -= baseAmountMinor;
    return {
      lineNo: l.lineNo,
      account: { id: l.accountId, code: l.accountCode, name: l.accountName, type: l.accountType },
      side: sideOf({ amount, baseAmountMinor }),
      amount: moneyDto(amount.amountMinor, currency),
      baseAmount: moneyDto(baseAmountMinor, base),
      amountDecimal: toDecimalString(money(unsigned(amount.amountMinor), currency)),
      baseAmountDecimal: toDecimalString(money(unsigned(baseAmountMinor), base)),
      contactId: l.contactId,
      description: l.description,
    };
  });
  return {
    id: e.id,
    entryNumber: Number(e.entryNumber),
    entryDate: e.entryDate,
    description: e.description,
    sourceType: e.sourceType,
    sourceId: e.sourceId,
    reversesEntryId: e.reversesEntryId,
    reversedByEntryId: e.reversedByEntryId,
    postedBy: e.postedBy,
    createdAt: e.createdAt,
    totalDebit: moneyDto(debit, base),
    totalCredit: moneyDto(credit, base),
    lines: presented,
  };
}

/** Opaque keyset cursors: base64url JSON of the sort key of the last row returned. */
export function encodeKeyset(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INTEGER = /^\d{1,18}$/;

export function decodeKeyset(cursor: string | undefined, arity: 2 | 3): [string, string, number] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      Array.isArray(key) &&
      key.length === arity &&
      typeof key[0] === 'string' &&
      DATE.test(key[0]) &&
      typeof key[1] === 'string' &&
      INTEGER.test(key[1]) &&
      (arity === 2 || (typeof key[2] === 'number' && Number.isSafeInteger(key[2])))
    ) {
      return [key[0], key[1], arity === 3 ? (key[2] as number) : 0];
    }
  } catch {
    // fall through
  }
  throw new DomainError('VALIDATION_FAILED', 'cursor: is not a cursor this API issued', {
    fields: [{ field: 'cursor', code: 'invalid_cursor', message: 'is not a cursor this API issued' }],
  });
}
