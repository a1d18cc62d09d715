import { Injectable } from '@nestjs/common';
import { MoneyError, parseMoney, type CurrencyCode } from '@keeper/money';
import type { FieldError } from '../../common/errors';
import { trimZeros } from '../../common/decimal';
import type { TenantTx } from '../../db/db';
import { ContactsRepository, type ContactRow } from '../catalog/contacts/contacts.repository';
import { ProductsRepository, type ProductRow } from '../catalog/products/products.repository';
import { TaxRatesRepository } from '../catalog/taxes/tax-rates.repository';
import { AccountsRepository, type AccountRow } from '../ledger/accounts.repository';
import { CONTROL_ACCOUNT_KEYS } from '../ledger/chart';

/** Accounts spending may be booked to besides expenses: assets bought (equipment, prepaid costs). */
const ASSET_SUBTYPES = ['fixed_asset', 'current_asset', 'other_asset'];
/** Accounts only the books themselves post to. */
const NOT_FOR_SPENDING = new Set<string>([...CONTROL_ACCOUNT_KEYS, 'tax_receivable', 'tax_payable', 'fx_gain_loss']);

/** Whether spending may be booked to the account: expenses always, assets only where asked for. */
export function isSpendAccount(a: Pick<AccountRow, 'type' | 'subtype' | 'systemKey'>, opts: { allowAssets: boolean }): boolean {
  if (a.systemKey && NOT_FOR_SPENDING.has(a.systemKey)) return false;
  return a.type === 'expense' || (opts.allowAssets && a.type === 'asset' && ASSET_SUBTYPES.includes(a.subtype));
}

/**
 * Look-ups shared by purchase orders, bills, bill payments and expenses: the supplier, products,
 * tax rates and the account spending is booked to, each answering with a field error a person can
 * act on.
 */
@Injectable()
export class PurchaseLookups {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly products: ProductsRepository,
    private readonly taxRates: TaxRatesRepository,
    private readonly accounts: AccountsRepository,
  ) {}

  /** A supplier (or a contact who is both) that is not archived. */
  async supplier(t: TenantTx, id: string, fields: FieldError[], field = 'contactId', opts: { allowArchived?: boolean } = {}) {
    const c = await this.contacts.get(t, id);
    if (!c) fields.push({ field, code: 'not_found', message: 'is not a supplier of this business' });
    else if (c.kind === 'customer') fields.push({ field, code: 'not_a_supplier', message: 'is a customer, not a supplier' });
    else if (c.archivedAt && !opts.allowArchived) {
      fields.push({ field, code: 'archived', message: 'is archived; unarchive the supplier first' });
    } else return c;
    return null;
  }

  contact(t: TenantTx, id: string): Promise<ContactRow | null> {
    return this.contacts.get(t, id);
  }

  /** An active product of the business. */
  async product(t: TenantTx, id: string, field: string, fields: FieldError[]): Promise<ProductRow | null> {
    const p = await this.products.get(t, id);
    if (!p) fields.push({ field, code: 'not_found', message: 'is not a product of this business' });
    else if (!p.active) fields.push({ field, code: 'inactive', message: 'is deactivated; activate the product first' });
    else return p;
    return null;
  }

  /** The rate's percent as written on a document line ("13"), or '0' for no tax. */
  async taxPercent(t: TenantTx, taxRateId: string | null, field: string, fields: FieldError[]): Promise<string> {
    if (!taxRateId) return '0';
    const rate = await this.taxRates.get(t, taxRateId);
    if (!rate) {
      fields.push({ field, code: 'not_found', message: 'is not a tax rate of this business' });
      return '0';
    }
    return trimZeros(rate.rate);
  }

  /** An active account spending may be booked to; `undefined` takes the "other expenses" account. */
  async spendAccount(
    t: TenantTx,
    id: string | undefined,
    field: string,
    fields: FieldError[],
    opts: { allowAssets: boolean },
  ): Promise<AccountRow | null> {
    const [a] = id
      ? await this.accounts.findByIdsOrKeys(t, [id], [])
      : await this.accounts.findByIdsOrKeys(t, [], ['other_expenses']);
    const kinds = opts.allowAssets ? 'an expense or asset account' : 'an expense account';
    if (!a) fields.push({ field, code: 'not_found', message: `is not ${kinds} of this business` });
    else if (!a.isActive) fields.push({ field, code: 'inactive', message: `${a.code} ${a.name} is inactive` });
    else if (!isSpendAccount(a, opts)) fields.push({ field, code: 'not_a_spend_account', message: `must be ${kinds}` });
    else return a;
    return null;
  }

  /** Every active account spending may be booked to, by code. */
  async spendAccounts(t: TenantTx, today: string): Promise<AccountRow[]> {
    const all = await this.accounts.listWithBalances(t, { asOf: today, includeInactive: false });
    return all.filter((a) => isSpendAccount(a, { allowAssets: true }));
  }
}

/** A non-negative price within the currency's decimals, or null with a field error. */
export function parsePrice(input: string, currency: CurrencyCode, field: string, fields: FieldError[]): bigint | null {
  try {
    return parseMoney(input, currency).amountMinor;
  } catch (e) {
    if (!(e instanceof MoneyError)) throw e;
    fields.push({ field, code: 'invalid_amount', message: `has more decimals than ${currency} allows` });
    return null;
  }
}
